"use client";

import { useEffect, useState } from "react";
import { apiFetch } from "@/app/_components/api-fetch";
import { formatDateTime } from "@/app/_components/format";
import { Progress } from "@/app/_components/spinner";
import { StatusBadge } from "@/app/_components/status-badge";
import { OrderLinks } from "../_form/order-links";
import { RejectionReasons } from "../_form/rejection-reasons";
import type { OrderRequestView } from "@/lib/orders/dto-types";

const POLL_MS = 2000;
/** After this the page stops asking; the request keeps its state and the webhook still lands. */
const GIVE_UP_MS = 15 * 60 * 1000;

const SETTLED_BY: Record<NonNullable<OrderRequestView["resolvedBy"]> | "none", string> = {
  ack: "Ingram Micro's reply to the request",
  webhook: "Ingram Micro's result notification",
  search: "A search at Ingram Micro by customer PO (no result arrived in time)",
  none: "Not yet: waiting for Ingram Micro's result",
};

const settled = (s: string) => s === "created" || s === "failed" || s === "unknown";

/**
 * A v7 request: polls GET /api/order-requests/[id] every 2 s until Ingram's result (or, past the timeout, a
 * search by PO) has settled it as created or failed.
 */
export function OrderRequestStatus({ initial }: { initial: OrderRequestView }) {
  const [request, setRequest] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const done = settled(request.status);

  useEffect(() => {
    if (done) return;
    const started = Date.now();
    const ctrl = new AbortController();
    let timer: number | undefined;
    const tick = async () => {
      setElapsed(Math.round((Date.now() - started) / 1000));
      if (Date.now() - started > GIVE_UP_MS) {
        setPollError(
          "Still waiting for Ingram Micro. Check the order list later; the order appears when Ingram confirms it.",
        );
        return;
      }
      try {
        const res = await apiFetch<{ request: OrderRequestView }>(
          `/api/order-requests/${encodeURIComponent(initial.id)}`,
          { signal: ctrl.signal },
        );
        if (res.ok && res.data?.request) {
          setRequest(res.data.request);
          setPollError(null);
          if (settled(res.data.request.status)) return;
        } else if (!res.ok) {
          setPollError(
            `${res.error.message}${res.error.correlationId ? ` (correlation id ${res.error.correlationId})` : ""} Retrying…`,
          );
        }
      } catch {
        return;
      }
      timer = window.setTimeout(tick, POLL_MS);
    };
    timer = window.setTimeout(tick, POLL_MS);
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [done, initial.id]);

  return (
    <section className="card" aria-labelledby="request-h">
      <div className="card-head">
        <h2 id="request-h">Order request for PO {request.customerOrderNumber}</h2>
        <StatusBadge
          status={{
            state: request.status,
            label:
              request.status === "created"
                ? "Created"
                : request.status === "failed"
                  ? "Failed"
                  : request.status === "unknown"
                    ? "Unconfirmed"
                    : "Pending",
          }}
        />
      </div>
      <div className="card-body stack" style={{ gap: 10 }}>
        {/* One persistent tree so the live message keeps its DOM node when the request settles. */}
        <div className={done ? undefined : "pending-block"}>
          <div className="row">
            {!done ? <span className="spinner" aria-hidden="true" /> : null}
            {/* Only the message is live; the ticking counter would be re-announced every 2 s. */}
            <span role="status">{request.message ?? ""}</span>
            {!done ? <span className="elapsed">{elapsed}s · checking every 2 seconds</span> : null}
          </div>
          {!done ? (
            <Progress label="Waiting for Ingram Micro" valueText={`Waiting, ${elapsed} seconds so far`} wide />
          ) : null}
        </div>
        {request.orderNumbers.length ? (
          <p>
            {request.orderNumbers.length === 1 ? "Order " : "Orders "}
            <OrderLinks orderNumbers={request.orderNumbers} />
          </p>
        ) : null}
        {request.status === "failed" && request.reasons.length ? (
          <div className="panel panel-error" data-testid="request-reasons">
            <p>
              <strong>
                {request.resolvedBy === "search" ? "Why it is marked failed:" : "Ingram Micro's reasons:"}
              </strong>
            </p>
            <RejectionReasons reasons={request.reasons} />
          </div>
        ) : null}
        {request.resolvedBy === "search" ? (
          <p className="subtle" data-testid="resolved-by-search">
            Resolved by search: Ingram sent no result for this request in time, so Orderdesk searched Ingram for PO{" "}
            <span className="mono">{request.customerOrderNumber}</span>
            {request.status === "created" ? " and found the order." : " and found no order."}
          </p>
        ) : null}
        <dl className="facts">
          <dt>Settled by</dt>
          <dd>{SETTLED_BY[request.resolvedBy ?? "none"]}</dd>
          <dt>Confirmation number</dt>
          <dd className="mono">{request.confirmationNumber ?? "—"}</dd>
          <dt>Submitted</dt>
          <dd>
            {formatDateTime(request.createdAt)} by {request.createdByEmail}
          </dd>
          <dt>Last update</dt>
          <dd>{formatDateTime(request.updatedAt)}</dd>
        </dl>
        {pollError ? <p className="panel panel-warn">{pollError}</p> : null}
      </div>
    </section>
  );
}
