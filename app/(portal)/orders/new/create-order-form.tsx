"use client";

import { useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import dynamic from "next/dynamic";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { ErrorPanel } from "@/app/_components/error-panel";
import type { CreateOrderResult, OrderRequestView } from "@/lib/orders/dto-types";
import { clientValidation } from "@/app/_components/client-validation";
import { apiFields, newIdempotencyKey, unplacedErrors, type FieldErrors } from "../_form/form-errors";
import { zodFields } from "@/lib/validation/fields";
import { EMPTY_SHIP_TO, ShipToFields, shipToPayload, type ShipToValues } from "../_form/ship-to-fields";
import { AttributesEditor, type AttributeDraft } from "./attributes-editor";
import { HeaderFields, type HeaderValues } from "./header-fields";
import { LineItemsEditor, type LineDraft } from "./line-items-editor";

// Shown only after a submission: loaded then, not with the page (first-load JS is capped at 150 KB).
const CreateResult = dynamic(() => import("./create-result").then((m) => m.CreateResult));
const OrderRequestStatus = dynamic(() => import("./order-request-status").then((m) => m.OrderRequestStatus));

type Outcome =
  { kind: "sync"; result: CreateOrderResult; replayed: boolean } | { kind: "async"; request: OrderRequestView };

// Row keys also build element ids, so the first row's key must be the same on the server and in the browser.
const newLine = (key: number): LineDraft => ({ key, ingramPartNumber: "", quantity: "1", unitPrice: "" });
const EMPTY_HEADER: HeaderValues = {
  mode: "sync",
  customerOrderNumber: "",
  endCustomerOrderNumber: "",
  notes: "",
  customerHold: true,
};

export function CreateOrderForm() {
  const [header, setHeader] = useState<HeaderValues>(EMPTY_HEADER);
  const nextKey = useRef(1);
  const [lines, setLines] = useState<LineDraft[]>(() => [newLine(0)]);
  const [shipTo, setShipTo] = useState<ShipToValues>(EMPTY_SHIP_TO);
  const [attributes, setAttributes] = useState<AttributeDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  // One key per submission attempt: re-sent unchanged when the same payload is retried, so Ingram sees one order.
  const attempt = useRef<{ key: string; payload: string } | null>(null);

  function payloadOf() {
    return {
      mode: header.mode,
      customerOrderNumber: header.customerOrderNumber,
      endCustomerOrderNumber: header.endCustomerOrderNumber,
      notes: header.notes,
      customerHold: header.customerHold,
      shipTo: shipToPayload(shipTo),
      lines: lines.map((l) => ({ ingramPartNumber: l.ingramPartNumber, quantity: l.quantity, unitPrice: l.unitPrice })),
      additionalAttributes: attributes
        .filter((a) => a.name.trim() || a.value.trim())
        .map((a) => ({ name: a.name.trim(), value: a.value })),
    };
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    // Before the in-flight check: from there to setting it, nothing awaits (a double click sends once).
    const { createOrderSchemaFor } = await clientValidation(() => import("@/lib/validation/orders"));
    if (inFlight.current) return;
    const parsed = createOrderSchemaFor(header.mode).safeParse(payloadOf());
    if (!parsed.success) {
      // After the await above React would commit these after the next frame: commit them now, then focus.
      flushSync(() => {
        setErrors(zodFields(parsed.error));
        setFailure(null);
      });
      focusFirstError();
      return;
    }
    const body = JSON.stringify(parsed.data);
    if (!attempt.current || attempt.current.payload !== body)
      attempt.current = { key: newIdempotencyKey(), payload: body };
    inFlight.current = true;
    setBusy(true);
    setErrors({});
    setFailure(null);
    const url = header.mode === "sync" ? "/api/orders" : "/api/order-requests";
    const res = await apiFetch<{ result?: CreateOrderResult; request?: OrderRequestView }>(url, {
      method: "POST",
      body: parsed.data,
      headers: { "Idempotency-Key": attempt.current.key },
    });
    inFlight.current = false;
    setBusy(false);
    if (!res.ok) {
      setErrors(apiFields(res.error));
      setFailure(res.error);
      return;
    }
    if (res.data.request) setOutcome({ kind: "async", request: res.data.request });
    else if (res.data.result)
      setOutcome({
        kind: "sync",
        result: res.data.result,
        replayed: res.headers.get("idempotent-replayed") === "true",
      });
    attempt.current = null;
  }

  function focusFirstError() {
    window.requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
  }

  function reset() {
    setHeader(EMPTY_HEADER);
    setLines([newLine(nextKey.current++)]);
    setShipTo(EMPTY_SHIP_TO);
    setAttributes([]);
    setErrors({});
    setFailure(null);
    setOutcome(null);
    attempt.current = null;
  }

  if (outcome) {
    return (
      <div className="stack">
        {outcome.kind === "sync" ? (
          <CreateResult result={outcome.result} replayed={outcome.replayed} />
        ) : (
          <OrderRequestStatus initial={outcome.request} />
        )}
        <div>
          <Button onClick={reset}>Create another order</Button>
        </div>
      </div>
    );
  }

  const placed = (k: string) =>
    /^(customerOrderNumber|endCustomerOrderNumber|notes|mode|customerHold|lines)$/.test(k) ||
    /^(lines|additionalAttributes)\.\d+\.\w+$/.test(k) ||
    /^shipTo\.\w+$/.test(k);
  const loose = unplacedErrors(errors, placed);

  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-busy={busy || undefined}>
      <div className="form-section">
        <HeaderFields
          values={header}
          errors={errors}
          disabled={busy}
          onChange={(patch) => setHeader((h) => ({ ...h, ...patch }))}
        />
      </div>
      <div className="form-section">
        <LineItemsEditor
          lines={lines}
          errors={errors}
          disabled={busy}
          onChange={(i, patch) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)))}
          onAdd={() => {
            const key = nextKey.current++;
            setLines((ls) => [...ls, newLine(key)]);
          }}
          onRemove={(i) => setLines((ls) => ls.filter((_, j) => j !== i))}
        />
      </div>
      <div className="form-section">
        <ShipToFields
          idPrefix="new"
          values={shipTo}
          errors={errors}
          disabled={busy}
          onChange={(k, v) => setShipTo((s) => ({ ...s, [k]: v }))}
        />
      </div>
      <div className="form-section">
        <AttributesEditor
          rows={attributes}
          errors={errors}
          disabled={busy}
          onChange={(i, patch) => setAttributes((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
          onAdd={() => {
            const key = nextKey.current++;
            setAttributes((rs) => [...rs, { key, name: "", value: "" }]);
          }}
          onRemove={(i) => setAttributes((rs) => rs.filter((_, j) => j !== i))}
        />
      </div>
      <div className="form-section stack" style={{ gap: 10 }}>
        <div aria-live="polite">
          {failure ? (
            <ErrorPanel
              title={
                failure.code.startsWith("upstream_") ? "Ingram Micro refused the order" : "The order was not created"
              }
              message={failure.message}
              correlationId={failure.correlationId}
            >
              {failure.status === 0 || failure.status >= 500 ? (
                <p>Submitting again re-sends the same request; Ingram will not get a second order.</p>
              ) : null}
            </ErrorPanel>
          ) : null}
          {loose.length ? (
            <ul className="panel panel-error" style={{ paddingLeft: 28 }}>
              {loose.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="form-actions" style={{ marginTop: 0 }}>
          <Button type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
            {busy
              ? "Sending to Ingram Micro…"
              : failure
                ? "Try again"
                : header.mode === "sync"
                  ? "Create order"
                  : "Submit order request"}
          </Button>
          <span className="subtle">
            {header.mode === "sync"
              ? "Ingram answers within seconds (v6)."
              : "Ingram confirms by webhook, usually within a minute (v7)."}
          </span>
        </div>
      </div>
    </form>
  );
}
