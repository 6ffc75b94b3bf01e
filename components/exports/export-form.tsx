"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { type ExportOptions, exportFormats, exportSeparators } from "@/lib/exports/schema";

type Progress =
  | { state: "idle" }
  | { state: "running"; rows: number; bytes: number }
  | { state: "done"; file: string }
  | { state: "failed" };

/**
 * The export's choices. Without JavaScript the form downloads the file as a
 * plain GET; with it, the file is fetched here so that the page can show
 * how far a large export has come (rows for CSV, bytes for .xlsx).
 */
export function ExportForm({
  action,
  filters,
  initial,
  columns,
  questionColumns,
  total,
}: {
  action: string;
  filters: string;
  initial: ExportOptions;
  /** The fixed columns by name, each chosen or not. */
  columns: ColumnChoice[];
  /** The event's questions by id, each chosen or not. */
  questionColumns: ColumnChoice[];
  total: number;
}) {
  const t = useTranslations("admin.exports");
  const [format, setFormat] = useState(initial.format);
  const [progress, setProgress] = useState<Progress>({ state: "idle" });

  async function download(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The form's own fields: the list's filters (hidden) and the choices.
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string") query.append(key, value);
    }
    setProgress({ state: "running", rows: 0, bytes: 0 });
    try {
      const response = await fetch(`${action}?${query}`);
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const file =
        /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "export";
      const chunks: Uint8Array<ArrayBuffer>[] = [];
      const rows = csvRowCounter();
      let bytes = 0;
      const reader = response.body.getReader();
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        chunks.push(next.value);
        bytes += next.value.byteLength;
        setProgress({ state: "running", rows: format === "csv" ? rows(next.value) : 0, bytes });
      }
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? "" }));
      link.download = file;
      link.click();
      // Revoked once the browser has taken the file.
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      setProgress({ state: "done", file });
    } catch {
      setProgress({ state: "failed" });
    }
  }

  const radio = (name: string, value: string, label: string, checked: boolean, onChange?: () => void) => (
    <label key={value} className="flex items-center gap-2">
      <input
        type="radio"
        name={name}
        value={value}
        defaultChecked={checked}
        onChange={onChange}
        className="size-5 shrink-0 accent-brand-600"
      />
      <span>{label}</span>
    </label>
  );

  return (
    <form method="get" action={action} onSubmit={download} className="space-y-6">
      {[...new URLSearchParams(filters)].map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <fieldset className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("format")}</legend>
        {exportFormats.map((value) =>
          radio("format", value, t(`formats.${value}`), initial.format === value, () => setFormat(value)),
        )}
      </fieldset>
      <fieldset className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("separator")}</legend>
        {exportSeparators.map((value) =>
          radio("separator", value, t(`separators.${value}`), initial.separator === value),
        )}
      </fieldset>
      <ColumnChooser legend={t("columnsLegend")} columns={columns} />
      {questionColumns.length > 0 && (
        <ColumnChooser legend={t("questionColumnsLegend")} columns={questionColumns} />
      )}
      <p className="text-sm text-stone-700">{t("personalData")}</p>
      <Button type="submit" disabled={progress.state === "running"}>
        {t("download")}
      </Button>
      <div role="status" className="space-y-2">
        {progress.state === "running" && (
          <>
            <p>{t("preparing")}</p>
            {format === "csv" ? (
              <progress
                max={Math.max(total, 1)}
                value={progress.rows}
                className="w-full"
                aria-label={t("preparing")}
              />
            ) : (
              <progress className="w-full" aria-label={t("preparing")} />
            )}
            <p className="text-sm text-stone-700">
              {format === "csv"
                ? t("progressRows", { done: progress.rows, total })
                : t("progressBytes", { size: `${(progress.bytes / 1_048_576).toFixed(1)} MB` })}
            </p>
          </>
        )}
        {progress.state === "done" && <p>{t("done", { file: progress.file })}</p>}
        {progress.state === "failed" && (
          <p role="alert" className="text-red-800">
            {t("failed")}
          </p>
        )}
      </div>
    </form>
  );
}

type ColumnChoice = { key: string; label: string; chosen: boolean };

/** Checkboxes named `columns`, one per column: what the export address carries. */
function ColumnChooser({ legend, columns }: { legend: string; columns: ColumnChoice[] }) {
  return (
    <fieldset className="rounded-lg border border-stone-200 bg-white p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {columns.map(({ key, label, chosen }) => (
          <label key={key} className="flex items-center gap-2">
            <input
              type="checkbox"
              name="columns"
              value={key}
              defaultChecked={chosen}
              className="size-5 shrink-0 accent-brand-600"
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Counts the records of a CSV as it arrives: line breaks outside quotes, less the header. */
function csvRowCounter() {
  const decoder = new TextDecoder();
  let quoted = false;
  let lines = 0;
  return (chunk: Uint8Array): number => {
    for (const character of decoder.decode(chunk, { stream: true })) {
      if (character === '"') quoted = !quoted;
      else if (character === "\n" && !quoted) lines++;
    }
    return Math.max(0, lines - 1);
  };
}
