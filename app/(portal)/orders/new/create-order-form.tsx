"use client";

import { lazy, Suspense, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import { apiFetch, NETWORK_MESSAGE, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import type { CreateOrderResult, OrderRequestView } from "@/lib/orders/dto-types";
import type { AttributeDraft } from "../_form/attributes-editor";
import { apiFields, newIdempotencyKey, unplacedErrors, type FieldErrors } from "../_form/form-errors";
import { EMPTY_SHIP_TO, type ShipToValues, type TextValues } from "../_form/draft-values";
import {
  isPlacedError,
  type CreateDrafts,
  type LineDraft,
  type ShipmentDraft,
  type VendorDraft,
} from "./create-payload";
import { EMPTY_HEADER, EMPTY_SHIPMENT, EMPTY_VENDOR, isBlank, newLine } from "./empty-drafts";
import { HeaderFields, type HeaderValues } from "./header-fields";
import { LineItemsEditor } from "./line-items-editor";
import type { OrderSeed } from "@/lib/orders/duplicate-order";
import { AttributesSection, PartySection, ShippingSection, VendorSection } from "./order-sections";
import type { PrefillLine } from "../_form/resend-lines";
import { SubmitProblems } from "../_form/submit-problems";

// Shown only after a submission: loaded then, not with the page (first-load JS is capped at 150 KB). React's
// lazy rather than next/dynamic, whose own runtime would add 1.6 KB to the page.
const CreateResult = lazy(() => import("./create-result").then((m) => ({ default: m.CreateResult })));
const OrderRequestStatus = lazy(() =>
  import("./order-request-status").then((m) => ({ default: m.OrderRequestStatus })),
);

type Outcome =
  { kind: "sync"; result: CreateOrderResult; replayed: boolean } | { kind: "async"; request: OrderRequestView };

/**
 * `seed`: a duplicated order's lines, ship-to and end user (the customer PO is left for a new one).
 * `initialLines`: lines pre-filled from the URL (Resend rejected lines). Otherwise one empty line.
 */
export function CreateOrderForm({ seed, initialLines = [] }: { seed?: OrderSeed; initialLines?: PrefillLine[] }) {
  const [header, setHeader] = useState<HeaderValues>(EMPTY_HEADER);
  const start = seed?.lines.length ? seed.lines : initialLines.map((l) => ({ unitPrice: "", ...l }));
  // Row keys start after the pre-filled ones, which are 0..n-1 on the server and in the browser alike.
  const nextKey = useRef(start.length || 1);
  const [lines, setLines] = useState<LineDraft[]>(() =>
    start.length ? start.map((l, key) => ({ key, ...l, extra: {} })) : [newLine(0)],
  );
  const [shipTo, setShipTo] = useState<ShipToValues>(seed?.shipTo ?? EMPTY_SHIP_TO);
  const [attributes, setAttributes] = useState<AttributeDraft[]>([]);
  const [shipment, setShipment] = useState<ShipmentDraft>(EMPTY_SHIPMENT);
  const [signatureRequired, setSignatureRequired] = useState(false);
  const [endUser, setEndUser] = useState<TextValues>(seed?.endUser ?? {});
  const [reseller, setReseller] = useState<TextValues>({});
  const [vendor, setVendor] = useState<VendorDraft>(EMPTY_VENDOR);
  const [acceptBackOrder, setAcceptBackOrder] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  // One key per submission attempt: re-sent unchanged when the same payload is retried, so Ingram sees one order.
  const attempt = useRef<{ key: string; payload: string } | null>(null);

  const drafts = (): CreateDrafts => ({
    header,
    lines,
    shipTo,
    shipment,
    signatureRequired,
    endUser,
    reseller,
    vendor,
    acceptBackOrder,
    attributes,
  });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const sent = drafts();
    // The body builder is loaded on the first submit; failing to load it is a failed call like any other.
    const builder = await import("./create-body").catch(() => null);
    if (!builder) {
      inFlight.current = false;
      setFailure({ status: 0, code: "network", message: NETWORK_MESSAGE });
      return;
    }
    // The server validates with the API's own schema (no zod in the browser bundle) and answers field errors.
    const payload = builder.createPayload(sent);
    const body = JSON.stringify(payload);
    if (!attempt.current || attempt.current.payload !== body)
      attempt.current = { key: newIdempotencyKey(), payload: body };
    setBusy(true);
    setErrors({});
    setFailure(null);
    const url = header.mode === "sync" ? "/api/orders" : "/api/order-requests";
    const res = await apiFetch<{ result?: CreateOrderResult; request?: OrderRequestView }>(url, {
      method: "POST",
      body: payload,
      headers: { "Idempotency-Key": attempt.current.key },
    });
    inFlight.current = false;
    setBusy(false);
    if (!res.ok) {
      // After the await React would commit these after the next frame: commit them now, then focus.
      flushSync(() => {
        setErrors(apiFields(res.error));
        setFailure(res.error);
      });
      if (res.error.fields) focusFirstError();
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
    setShipment(EMPTY_SHIPMENT);
    setSignatureRequired(false);
    setEndUser({});
    setReseller({});
    setVendor(EMPTY_VENDOR);
    setAcceptBackOrder(false);
    setErrors({});
    setFailure(null);
    setOutcome(null);
    attempt.current = null;
  }

  if (outcome) {
    return (
      <div className="stack">
        <Suspense fallback={null}>
          {outcome.kind === "sync" ? (
            <CreateResult result={outcome.result} replayed={outcome.replayed} />
          ) : (
            <OrderRequestStatus initial={outcome.request} />
          )}
        </Suspense>
        <div>
          <Button onClick={reset}>Create another order</Button>
        </div>
      </div>
    );
  }

  const loose = unplacedErrors(errors, isPlacedError);

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
          mode={header.mode}
          lines={lines}
          errors={errors}
          disabled={busy}
          onChange={(i, patch) => setLines((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)))}
          onAdd={() => {
            const key = nextKey.current++;
            setLines((ls) => [...ls, newLine(key)]);
          }}
          onRemove={(i) => setLines((ls) => ls.filter((_, j) => j !== i))}
          onPaste={(pasted) =>
            setLines((ls) => [
              ...ls.filter((l) => !isBlank(l)),
              ...pasted.map((p) => ({ key: nextKey.current++, ...p, extra: {} })),
            ])
          }
        />
      </div>
      <div className="form-section">
        <ShippingSection
          mode={header.mode}
          shipTo={shipTo}
          shipment={shipment}
          signatureRequired={signatureRequired}
          errors={errors}
          onShipTo={(k, v) => setShipTo((s) => ({ ...s, [k]: v }))}
          onShipToAll={setShipTo}
          onShipment={(k, v) => setShipment((s) => ({ ...s, [k]: v }))}
          onSignature={setSignatureRequired}
        />
        <PartySection
          title="End user"
          group="endUserInfo"
          mode={header.mode}
          values={endUser}
          errors={errors}
          onChange={(k, v) => setEndUser((s) => ({ ...s, [k]: v }))}
          hint="Who the goods are for. Ingram uses it for pricing, and some countries require it."
        />
        <PartySection
          title="Reseller"
          group="resellerInfo"
          mode={header.mode}
          values={reseller}
          errors={errors}
          onChange={(k, v) => setReseller((s) => ({ ...s, [k]: v }))}
          hint="Only when ordering on behalf of another reseller."
        />
        <VendorSection
          values={vendor}
          acceptBackOrder={acceptBackOrder}
          errors={errors}
          onChange={(k, v) => setVendor((s) => ({ ...s, [k]: v }))}
          onBackOrder={setAcceptBackOrder}
        />
        <AttributesSection
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
        <SubmitProblems failure={failure} loose={loose} />
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
