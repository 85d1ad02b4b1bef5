"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, type ReactNode } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { BULK_ALL, BULK_FIELD } from "./bulk-names";
import { BulkResults, type BulkAction, type RowResult } from "./bulk-results";
import { downloadSelectionCsv, type SelectionRow } from "./selection-csv";

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

  const count = selected.length;
  const names = selected.join(", ");
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
            <Button size="sm" variant="primary" disabled={!count || busy} onClick={() => setConfirm("release")}>
              Release selected
            </Button>
          ) : null}
          {canCancel ? (
            <Button size="sm" variant="danger" disabled={!count || busy} onClick={() => setConfirm("cancel")}>
              Cancel selected
            </Button>
          ) : null}
          <Button
            size="sm"
            disabled={!count}
            onClick={() => downloadSelectionCsv(rows.filter((r) => selected.includes(r.orderNumber)))}
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
      {results ? <BulkResults action={results.action} rows={results.rows} onClose={() => setResults(null)} /> : null}
      {children}
      <ConfirmDialog
        open={confirm !== null}
        title={`${confirm === "cancel" ? "Cancel" : "Release"} ${count} ${count === 1 ? "order" : "orders"}?`}
        confirmLabel={
          confirm === "cancel"
            ? `Cancel ${count === 1 ? "order" : "orders"}`
            : `Release ${count === 1 ? "order" : "orders"}`
        }
        cancelLabel={confirm === "cancel" ? "Keep them" : "Not now"}
        danger={confirm === "cancel"}
        onConfirm={() => confirm && void run(confirm)}
        onClose={() => setConfirm(null)}
      >
        <p>
          {confirm === "cancel"
            ? "Ingram Micro deletes each held order. This cannot be undone."
            : "Each order leaves customer hold and goes to the warehouse; it can no longer be edited or cancelled here."}
        </p>
        <p className="mono">{names}</p>
        <p className="subtle">
          Each order is its own change, sent in turn and recorded in the audit log; any refused is shown on its row.
        </p>
      </ConfirmDialog>
    </div>
  );
}
