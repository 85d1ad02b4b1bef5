"use client";

import { useRouter } from "next/navigation";
import { lazy, Suspense, useRef, useState, type ReactNode } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { BULK_ALL, BULK_FIELD } from "./bulk-names";
import type { BulkAction, RowResult } from "./bulk-results";
import type { SelectionRow } from "./selection-csv";

// The confirmation and the per-order results are loaded on first use, not with the list (first-load JS is
// capped at 150 KB); the selection checkboxes and the toolbar work from first paint. React's lazy rather than
// next/dynamic, whose own runtime would add more to the page than this saves.
const BulkConfirm = lazy(() => import("./bulk-confirm").then((m) => ({ default: m.BulkConfirm })));
const BulkResults = lazy(() => import("./bulk-results").then((m) => ({ default: m.BulkResults })));

export interface BulkActionsProps {
  /** The selectable rows of this page (orders on customer hold), for the dialog and the CSV. */
  rows: SelectionRow[];
  canRelease: boolean;
  canCancel: boolean;
  /** The server-rendered table whose selection checkboxes this toolbar reads. */
  children: ReactNode;
}

const VERB: Record<BulkAction, { label: string; done: string }> = {
  release: { label: "Release", done: "Released to the warehouse" },
  cancel: { label: "Cancel", done: "Cancelled" },
};

/**
 * Keyed by the page's order numbers where it is used, so another page of the list starts with nothing selected.
 * Bulk release and cancel of held orders: one confirmation, then one call per order to the same route the
 * order page uses (POST …/release, DELETE …), in turn, so each is its own audited change through one authz and
 * audit path, each asks the Ingram budget, and a refusal (a 429 with its Retry-After, a 409) is shown on its
 * row; nothing is queued or retried behind the user's back.
 */
export function BulkActions({ rows, canRelease, canCancel, children }: BulkActionsProps) {
  const router = useRouter();
  const box = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [confirm, setConfirm] = useState<BulkAction | null>(null);
  // The dialog mounts on the first "Release/Cancel selected" and then stays, so closing returns focus as before.
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<{ action: BulkAction; rows: RowResult[] } | null>(null);

  const inputs = () => [...(box.current?.querySelectorAll<HTMLInputElement>(`input[name="${BULK_FIELD}"]`) ?? [])];
  const allBox = () => box.current?.querySelector<HTMLInputElement>(`input[name="${BULK_ALL}"]`) ?? null;

  function sync() {
    const list = inputs();
    const checked = list.filter((i) => i.checked).map((i) => i.value);
    const all = allBox();
    if (all) {
      all.checked = list.length > 0 && checked.length === list.length;
      all.indeterminate = checked.length > 0 && checked.length < list.length;
    }
    setSelected(checked);
  }

  function clear() {
    for (const i of inputs()) i.checked = false;
    sync();
  }

  async function run(action: BulkAction) {
    const list = selected;
    setConfirm(null);
    setBusy(true);
    const out: RowResult[] = list.map((orderNumber) => ({ orderNumber, state: "waiting" }));
    setResults({ action, rows: [...out] });
    for (let i = 0; i < list.length; i++) {
      const path = `/api/orders/${encodeURIComponent(list[i]!)}`;
      out[i] = { orderNumber: list[i]!, state: "running" };
      setResults({ action, rows: [...out] });
      const res =
        action === "release"
          ? await apiFetch<unknown>(`${path}/release`, { method: "POST", body: {} })
          : await apiFetch<unknown>(path, { method: "DELETE" });
      out[i] = res.ok
        ? { orderNumber: list[i]!, state: "done", message: VERB[action].done }
        : { orderNumber: list[i]!, state: "refused", error: res.error };
      setResults({ action, rows: [...out] });
    }
    setBusy(false);
    clear();
    router.refresh();
  }

  function ask(action: BulkAction) {
    setAsked(true);
    setConfirm(action);
  }

  const count = selected.length;
  return (
    <div
      ref={box}
      onChange={(e) => {
        const t = e.target as HTMLInputElement;
        if (t.name === BULK_ALL) for (const i of inputs()) i.checked = t.checked;
        if (t.name === BULK_ALL || t.name === BULK_FIELD) sync();
      }}
    >
      {rows.length ? (
        <div className="bulk-bar" role="group" aria-label="Selected orders" data-testid="bulk-bar">
          <span aria-live="polite" className="bulk-count">
            {count ? `${count} selected` : "Select orders on customer hold to release, cancel or export them."}
          </span>
          {canRelease ? (
            <Button size="sm" variant="primary" disabled={!count || busy} onClick={() => ask("release")}>
              Release selected
            </Button>
          ) : null}
          {canCancel ? (
            <Button size="sm" variant="danger" disabled={!count || busy} onClick={() => ask("cancel")}>
              Cancel selected
            </Button>
          ) : null}
          <Button
            size="sm"
            disabled={!count}
            onClick={() => {
              const picked = rows.filter((r) => selected.includes(r.orderNumber));
              // The CSV builder is loaded on click: most visits export nothing.
              void import("./selection-csv").then((m) => m.downloadSelectionCsv(picked));
            }}
          >
            Export selection (CSV)
          </Button>
          {count ? (
            <Button size="sm" variant="ghost" disabled={busy} onClick={clear}>
              Clear
            </Button>
          ) : null}
        </div>
      ) : null}
      {results ? (
        <Suspense fallback={null}>
          <BulkResults action={results.action} rows={results.rows} onClose={() => setResults(null)} />
        </Suspense>
      ) : null}
      {children}
      {asked ? (
        <Suspense fallback={null}>
          <BulkConfirm
            action={confirm}
            orders={selected}
            onConfirm={(action) => void run(action)}
            onClose={() => setConfirm(null)}
          />
        </Suspense>
      ) : null}
    </div>
  );
}
