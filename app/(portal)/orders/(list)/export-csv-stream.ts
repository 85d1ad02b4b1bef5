// The streamed "Export CSV" (loaded on the button's first click): fetches the export, reports how many rows
// have arrived, then hands the file to the browser as a download. Stopped by aborting `signal`.

export type ExportState =
  | { kind: "idle" }
  | { kind: "running"; rows: number; total: number | null }
  | { kind: "done"; rows: number }
  | { kind: "failed"; message: string; correlationId: string | null };

/** Counts CSV records in a stream of text, ignoring line breaks inside quoted cells. */
function recordCounter() {
  let inQuotes = false;
  let lines = 0;
  return (chunk: string) => {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 34) inQuotes = !inQuotes;
      else if (c === 10 && !inQuotes) lines++;
    }
    return Math.max(0, lines - 1);
  };
}

function filenameOf(res: Response): string {
  const cd = res.headers.get("content-disposition") ?? "";
  const m = /filename="?([^";]+)"?/i.exec(cd);
  return m?.[1] ?? `orders-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** Runs one export; every change of state goes to `report`, the last being done, failed or (stopped) idle. */
export async function streamCsvExport(
  href: string,
  total: number | null,
  signal: AbortSignal,
  report: (state: ExportState) => void,
): Promise<void> {
  try {
    const res = await fetch(href, { credentials: "same-origin", signal, headers: { Accept: "text/csv" } });
    const correlationId = res.headers.get("x-correlation-id");
    if (!res.ok || !res.body) {
      const body = (await res.json().catch(() => null)) as {
        error?: { message?: string; correlationId?: string };
      } | null;
      report({
        kind: "failed",
        message: body?.error?.message ?? `The export failed (HTTP ${res.status}).`,
        correlationId: body?.error?.correlationId ?? correlationId,
      });
      return;
    }
    const headerTotal = Number(res.headers.get("x-total-count") ?? res.headers.get("x-records-found"));
    const expected = Number.isFinite(headerTotal) && headerTotal > 0 ? headerTotal : total;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const count = recordCounter();
    const parts: string[] = [];
    let rows = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      rows = count(value);
      report({ kind: "running", rows, total: expected });
    }
    const url = URL.createObjectURL(new Blob(parts, { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filenameOf(res);
    document.body.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    report({ kind: "done", rows });
  } catch (err) {
    if (signal.aborted) report({ kind: "idle" });
    else
      report({
        kind: "failed",
        message:
          err instanceof Error && err.name === "TypeError"
            ? "The connection was lost during the export."
            : "The export failed.",
        correlationId: null,
      });
  }
}
