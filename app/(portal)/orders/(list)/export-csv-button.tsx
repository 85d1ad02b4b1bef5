"use client";

import { lazy, Suspense, useRef, useState, type MouseEvent } from "react";
import type { ExportState } from "./export-csv-stream";

// The streaming and its progress are loaded on the first click, not with the list (first-load JS is capped at
// 150 KB). React's lazy rather than next/dynamic, whose own runtime would add more to the page than this saves.
const ExportCsvStatus = lazy(() => import("./export-csv-status").then((m) => ({ default: m.ExportCsvStatus })));

/**
 * The link works on its own (the browser downloads the file); with JavaScript the export is streamed so
 * the user sees how many rows have arrived, and can stop it.
 */
export function ExportCsvButton({ href, total }: { href: string; total: number | null }) {
  const [state, setState] = useState<ExportState>({ kind: "idle" });
  const abort = useRef<AbortController | null>(null);

  async function run(e: MouseEvent<HTMLAnchorElement>) {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    if (state.kind === "running") return;
    const ctrl = new AbortController();
    abort.current = ctrl;
    setState({ kind: "running", rows: 0, total });
    try {
      const { streamCsvExport } = await import("./export-csv-stream");
      await streamCsvExport(href, total, ctrl.signal, setState);
    } catch {
      setState({ kind: "failed", message: "The export failed.", correlationId: null });
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
        {state.kind !== "idle" ? (
          <Suspense fallback={null}>
            <ExportCsvStatus state={state} onStop={() => abort.current?.abort()} />
          </Suspense>
        ) : null}
      </span>
    </span>
  );
}
