"use client";

import { useRef, useState, type MouseEvent } from "react";
import { Button } from "@/app/_components/button";
import { Progress } from "@/app/_components/spinner";

type State =
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

/**
 * The link works on its own (the browser downloads the file); with JavaScript the export is streamed so
 * the user sees how many rows have arrived, and can stop it.
 */
export function ExportCsvButton({ href, total }: { href: string; total: number | null }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run(e: MouseEvent<HTMLAnchorElement>) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    if (state.kind === "running") return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({ kind: "running", rows: 0, total });
    try {
      const res = await fetch(href, {
        credentials: "same-origin",
        signal: ctrl.signal,
        headers: { Accept: "text/csv" },
      });
      const correlationId = res.headers.get("x-correlation-id");
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as {
          error?: { message?: string; correlationId?: string };
        } | null;
        setState({
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
        setState({ kind: "running", rows, total: expected });
      }
      const url = URL.createObjectURL(new Blob(parts, { type: "text/csv;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = filenameOf(res);
      document.body.append(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState({ kind: "done", rows });
    } catch (err) {
      if (ctrl.signal.aborted) setState({ kind: "idle" });
      else
        setState({
          kind: "failed",
          message:
            err instanceof Error && err.name === "TypeError"
              ? "The connection was lost during the export."
              : "The export failed.",
          correlationId: null,
        });
    } finally {
      abort.current = null;
    }
  }

  return (
    <span className="row" style={{ gap: 8 }}>
      <a href={href} className="btn" onClick={run} aria-disabled={state.kind === "running" || undefined} download>
        Export CSV
      </a>
      <span aria-live="polite" className="row subtle" style={{ gap: 8 }}>
        {state.kind === "running" ? (
          <>
            <Progress label="Export progress" value={state.rows} max={state.total ?? undefined} />
            <span>
              {state.rows.toLocaleString("en-US")}
              {state.total ? ` of ${state.total.toLocaleString("en-US")}` : ""} rows
            </span>
            <Button size="sm" variant="ghost" onClick={() => abort.current?.abort()}>
              Stop
            </Button>
          </>
        ) : state.kind === "done" ? (
          <span>Saved {state.rows.toLocaleString("en-US")} rows</span>
        ) : state.kind === "failed" ? (
          <span style={{ color: "var(--danger)" }} role="alert">
            {state.message}
            {state.correlationId ? (
              <>
                {" "}
                (correlation id <code>{state.correlationId}</code>)
              </>
            ) : null}
          </span>
        ) : null}
      </span>
    </span>
  );
}
