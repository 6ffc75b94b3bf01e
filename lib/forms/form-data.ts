import type { z } from "zod";

// A form's fields read through the schema that will validate them: only the
// names the schema declares are looked up, so no key of the client's ever
// becomes a property name ("__proto__.x" is simply not asked for). Dotted
// names nest ("title.ru" → { title: { ru } }, "days.0.date" → { days: [{ date }] }).

export type FormValue = string | boolean | string[] | FormValues | FormValues[];
export type FormValues = { [name: string]: FormValue };

/** How a part of a schema is sent by an HTML form. */
type FieldKind =
  | { kind: "object"; fields: [string, FieldKind][] }
  | { kind: "rows"; row: FieldKind }
  | { kind: "list" }
  | { kind: "checkbox" }
  | { kind: "text" };

/** Rows of a repeated group ("days.0", "days.1", …) are at most this many. */
const MAX_ROWS = 1000;

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  values?: unknown[];
};

const kinds = new WeakMap<z.ZodType, FieldKind>();

function kindOf(schema: z.ZodType): FieldKind {
  const known = kinds.get(schema);
  if (known) return known;
  const kind = kindOfDefinition(schema);
  kinds.set(schema, kind);
  return kind;
}

function kindOfDefinition(schema: z.ZodType): FieldKind {
  const def = schema.def as Def;
  switch (def.type) {
    case "object":
      return {
        kind: "object",
        fields: Object.entries(def.shape ?? {}).map(([key, field]) => [key, kindOf(field)]),
      };
    case "array": {
      const element = kindOf(def.element as z.ZodType);
      return element.kind === "object" ? { kind: "rows", row: element } : { kind: "list" };
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      return kindOf(def.innerType as z.ZodType);
    case "pipe": {
      // z.preprocess(fn, schema) is a pipe from a transform: the form sends what the schema after it reads.
      const from = def.in as z.ZodType;
      return kindOf((from.def as Def).type === "transform" ? (def.out as z.ZodType) : from);
    }
    case "boolean":
      return { kind: "checkbox" };
    case "literal":
      return def.values?.every((value) => typeof value === "boolean")
        ? { kind: "checkbox" }
        : { kind: "text" };
    case "union": {
      const options = (def.options ?? []).map(kindOf);
      const objects = options.filter((option) => option.kind === "object");
      // A discriminated union of objects: every option's fields.
      if (objects.length === options.length && objects.length > 0) {
        const fields = new Map(objects.flatMap((option) => option.fields));
        return { kind: "object", fields: [...fields] };
      }
      return options.find((option) => option.kind !== "text") ?? { kind: "text" };
    }
    default:
      return { kind: "text" };
  }
}

/** The indices of a repeated group's rows ("days.0.date", "days.3.date" → [0, 3]). */
function rowIndices(formData: FormData, prefix: string): number[] {
  const indices = new Set<number>();
  const start = `${prefix}.`;
  for (const name of formData.keys()) {
    if (!name.startsWith(start)) continue;
    const index = /^(\d{1,4})(?:\.|$)/.exec(name.slice(start.length))?.[1];
    if (index !== undefined && Number(index) < MAX_ROWS) indices.add(Number(index));
  }
  // Rows removed in the browser leave gaps; the order of the indices is kept.
  return [...indices].sort((a, b) => a - b);
}

function read(formData: FormData, kind: FieldKind, name: string): FormValue | undefined {
  switch (kind.kind) {
    case "object": {
      const values: FormValues = {};
      for (const [key, field] of kind.fields) {
        const value = read(formData, field, name ? `${name}.${key}` : key);
        if (value !== undefined) values[key] = value;
      }
      return values;
    }
    case "rows":
      return rowIndices(formData, name).map(
        (index) => read(formData, kind.row, `${name}.${index}`) as FormValues,
      );
    case "list":
      return formData.getAll(name).filter((value) => typeof value === "string");
    case "checkbox": {
      const value = formData.get(name);
      // A ticked box sends "on" (or the value it was given); an unticked one sends nothing.
      if (value === null) return false;
      return value === "on" || value === "true" ? true : String(value);
    }
    case "text": {
      const value = formData.get(name);
      return typeof value === "string" ? value : undefined;
    }
  }
}

/** The values of `formData` that `schema` declares, shaped as it expects them (not yet validated). */
export function readFormData(formData: FormData, schema: z.ZodType): FormValues {
  const values = read(formData, kindOf(schema), "");
  return values && typeof values === "object" && !Array.isArray(values) ? values : {};
}
