"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, isRetryable, type ApiError } from "@/app/_components/api-fetch";
import { Button, ButtonLink } from "@/app/_components/button";
import { ConfirmDialog } from "@/app/_components/confirm-dialog";
import { CopyLinkButton } from "@/app/_components/copy-link-button";
import { RetryButton } from "@/app/_components/retry-button";

export interface OrderActionsProps {
  orderNumber: string;
  /** Computed on the server with can() and the order's hold state. */
  canEdit: boolean;
  canRelease: boolean;
  canCancel: boolean;
  /** Why Ingram allows no change to this order (hold-rules.ts), said where the buttons would be. */
  refusedBecause?: string | null;
  /** Per hidden action, why (hold-rules.ts whyNot), said where its button would be. */
  hiddenBecause?: Partial<Record<"modify" | "release" | "cancel", string | null>>;
  /** Set when changes cannot run now (Ingram is not answering): the buttons show disabled with this reason. */
  unavailable?: string;
}

type Pending = "release" | "cancel" | null;
type Notice =
  | { kind: "ok"; text: string }
  | { kind: "error"; action: "release" | "cancel"; error: ApiError }
  | { kind: "conflict"; error: ApiError }
  | null;

const CONFLICT =
  "This order changed since the page was loaded (for example, it was released or cancelled in another tab). " +
  "The page now shows its current state and only the actions that still apply.";

function messageOf(data: unknown, fallback: string): string {
  const d = data as { message?: unknown; result?: { message?: unknown } } | null;
  const m = d?.message ?? d?.result?.message;
  return typeof m === "string" && m ? m : fallback;
}

const ACTION_LABEL = { modify: "Edit:", release: "Release:", cancel: "Cancel:" } as const;

export function OrderActions({
  orderNumber,
  canEdit,
  canRelease,
  canCancel,
  refusedBecause,
  hiddenBecause = {},
  unavailable,
}: OrderActionsProps) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<Pending>(null);
  const [busy, setBusy] = useState<Pending>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const path = `/api/orders/${encodeURIComponent(orderNumber)}`;

  async function run(action: "release" | "cancel") {
    setBusy(action);
    setNotice(null);
    const res =
      action === "release"
        ? await apiFetch<unknown>(`${path}/release`, { method: "POST", body: {} })
        : await apiFetch<unknown>(path, { method: "DELETE" });
    setBusy(null);
    setConfirm(null);
    if (res.ok) {
      const done =
        action === "release"
          ? `Order ${orderNumber} was released to the warehouse.`
          : `Order ${orderNumber} was cancelled.`;
      setNotice({ kind: "ok", text: messageOf(res.data, done) });
      router.refresh();
    } else if (res.error.status === 409) {
      // Another tab or colleague changed the order: re-read its real state, which drops what no longer applies.
      setNotice({ kind: "conflict", error: res.error });
      router.refresh();
    } else {
      setNotice({ kind: "error", action, error: res.error });
    }
  }

  const hidden = (["modify", "release", "cancel"] as const).flatMap((a) =>
    hiddenBecause[a] ? [{ action: a, why: hiddenBecause[a] }] : [],
  );

  return (
    <div className="stack" style={{ gap: 8, alignItems: "flex-end" }}>
      <div className="toolbar">
        <CopyLinkButton path={`/orders/${encodeURIComponent(orderNumber)}`} />
        <ButtonLink href={`/orders/${encodeURIComponent(orderNumber)}/history`}>History</ButtonLink>
        {canEdit && unavailable ? (
          <Button disabled title={unavailable}>
            Edit
          </Button>
        ) : canEdit ? (
          <ButtonLink href={`/orders/${encodeURIComponent(orderNumber)}/edit`}>Edit</ButtonLink>
        ) : null}
        {canRelease ? (
          <Button
            variant="primary"
            onClick={() => setConfirm("release")}
            disabled={busy !== null || !!unavailable}
            title={unavailable}
          >
            Release
          </Button>
        ) : null}
        {canCancel ? (
          <Button
            variant="danger"
            onClick={() => setConfirm("cancel")}
            disabled={busy !== null || !!unavailable}
            title={unavailable}
          >
            Cancel order
          </Button>
        ) : null}
      </div>
      {refusedBecause ? (
        <p className="subtle" data-testid="changes-refused" style={{ maxWidth: 420, textAlign: "right" }}>
          {refusedBecause}
        </p>
      ) : null}
      {hidden.length ? (
        <ul className="refused-actions subtle" aria-label="Actions not offered" style={{ textAlign: "right" }}>
          {hidden.map((h) => (
            <li key={h.action} data-testid={`refused-${h.action}`}>
              <span className="refused-action">{ACTION_LABEL[h.action]}</span> {h.why}
            </li>
          ))}
        </ul>
      ) : null}
      {unavailable && (canEdit || canRelease || canCancel) ? (
        <p className="subtle" data-testid="changes-unavailable">
          {unavailable}
        </p>
      ) : null}
      <div aria-live="polite" style={{ maxWidth: 560 }}>
        {notice?.kind === "ok" ? <p className="panel panel-ok">{notice.text}</p> : null}
        {notice?.kind === "conflict" ? (
          <div className="panel panel-warn" role="alert" data-testid="order-conflict">
            <p>
              <strong>{CONFLICT}</strong>
            </p>
            <p>{notice.error.message}</p>
          </div>
        ) : null}
        {notice?.kind === "error" ? (
          <div className="panel panel-error" role="alert">
            <p>
              <strong>
                {notice.error.code.startsWith("upstream_")
                  ? "Ingram Micro refused: "
                  : `Could not ${notice.action} the order: `}
              </strong>
              {notice.error.message}
            </p>
            {notice.error.correlationId ? (
              <p className="subtle" style={{ color: "inherit" }}>
                Correlation id: <code>{notice.error.correlationId}</code>
              </p>
            ) : null}
            {isRetryable(notice.error) ? (
              <div style={{ marginTop: 8 }}>
                <RetryButton
                  key={notice.error.correlationId}
                  afterSeconds={notice.error.retryAfterSeconds}
                  onRetry={() => void run(notice.action)}
                />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirm === "release"}
        title={`Release order ${orderNumber}?`}
        confirmLabel="Release order"
        busy={busy === "release"}
        onConfirm={() => void run("release")}
        onClose={() => setConfirm(null)}
      >
        <p>The order leaves customer hold and goes to the warehouse. It can no longer be edited or cancelled here.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirm === "cancel"}
        title={`Cancel order ${orderNumber}?`}
        confirmLabel="Cancel order"
        cancelLabel="Keep order"
        danger
        busy={busy === "cancel"}
        onConfirm={() => void run("cancel")}
        onClose={() => setConfirm(null)}
      >
        <p>Ingram Micro deletes the held order. This cannot be undone.</p>
      </ConfirmDialog>
    </div>
  );
}
