/**
 * A form's fields as the nested object their dotted names describe:
 * "title.ru" → { title: { ru } }, "days.0.date" → { days: [{ date }] }.
 * Checkboxes named in `booleans` become true when present, false when not.
 */
export function formDataToObject(formData: FormData, { booleans = [] }: { booleans?: string[] } = {}) {
  const result: Record<string, unknown> = {};
  for (const name of booleans) result[name] = false;
  for (const [name, value] of formData) {
    if (name.startsWith("$ACTION") || typeof value !== "string") continue;
    const path = name.split(".");
    let target = result as Record<string, unknown>;
    path.forEach((key, index) => {
      const last = index === path.length - 1;
      if (last) {
        target[key] = booleans.includes(name) ? value === "on" || value === "true" : value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[index + 1] ?? "");
      target[key] ??= nextIsIndex ? [] : {};
      target = target[key] as Record<string, unknown>;
    });
  }
  // Arrays built from indices may have holes where a row was removed.
  for (const [key, value] of Object.entries(result)) {
    if (Array.isArray(value)) result[key] = value.filter(Boolean);
  }
  return result;
}
