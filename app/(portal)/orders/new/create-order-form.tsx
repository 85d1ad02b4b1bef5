"use client";

import { useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";
import dynamic from "next/dynamic";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import type { CreateOrderResult, OrderRequestView } from "@/lib/orders/dto-types";
import { AttributesEditor, type AttributeDraft } from "../_form/attributes-editor";
import { apiFields, newIdempotencyKey, unplacedErrors, type FieldErrors } from "../_form/form-errors";
import { EMPTY_SHIP_TO, type ShipToValues } from "../_form/ship-to-fields";
import type { TextValues } from "../_form/text-fields";
import { createPayload, isPlacedError, type LineDraft, type ShipmentDraft, type VendorDraft } from "./create-payload";
import { HeaderFields, type HeaderValues } from "./header-fields";
import { LineItemsEditor } from "./line-items-editor";
import { END_USER_KEYS, PartySection, RESELLER_KEYS, ShippingSection, VendorSection } from "./order-sections";
import { MoreSection } from "../_form/more-section";
import type { PrefillLine } from "../_form/resend-lines";
import { SubmitProblems } from "../_form/submit-problems";

// Shown only after a submission: loaded then, not with the page (first-load JS is capped at 150 KB).
const CreateResult = dynamic(() => import("./create-result").then((m) => m.CreateResult));
const OrderRequestStatus = dynamic(() => import("./order-request-status").then((m) => m.OrderRequestStatus));

type Outcome =
  { kind: "sync"; result: CreateOrderResult; replayed: boolean } | { kind: "async"; request: OrderRequestView };

// Row keys also build element ids, so the first row's key must be the same on the server and in the browser.
const newLine = (key: number): LineDraft => ({ key, ingramPartNumber: "", quantity: "1", unitPrice: "", extra: {} });
const EMPTY_SHIPMENT: ShipmentDraft = {
  carrierCode: "",
  freightAccountNumber: "",
  shipComplete: "",
  requestedDeliveryDate: "",
  shippingInstructions: "",
};
const EMPTY_VENDOR: VendorDraft = { billToAddressId: "", specialBidNumber: "", vendAuthNumber: "" };
const EMPTY_HEADER: HeaderValues = {
  mode: "sync",
  customerOrderNumber: "",
  endCustomerOrderNumber: "",
  notes: "",
  customerHold: true,
};

/** initialLines: a pre-fill from the URL (Resend rejected lines); the form starts with one empty line otherwise. */
export function CreateOrderForm({ initialLines = [] }: { initialLines?: PrefillLine[] }) {
  const [header, setHeader] = useState<HeaderValues>(EMPTY_HEADER);
  const nextKey = useRef(Math.max(1, initialLines.length));
  const [lines, setLines] = useState<LineDraft[]>(() =>
    initialLines.length ? initialLines.map((l, i) => ({ ...newLine(i), ...l })) : [newLine(0)],
  );
  const [shipTo, setShipTo] = useState<ShipToValues>(EMPTY_SHIP_TO);
  const [attributes, setAttributes] = useState<AttributeDraft[]>([]);
  const [shipment, setShipment] = useState<ShipmentDraft>(EMPTY_SHIPMENT);
  const [signatureRequired, setSignatureRequired] = useState(false);
  const [endUser, setEndUser] = useState<TextValues>({});
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

  const payloadOf = () =>
    createPayload({
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
    // The server validates with the API's own schema (no zod in the browser bundle) and answers field errors.
    const payload = payloadOf();
    const body = JSON.stringify(payload);
    if (!attempt.current || attempt.current.payload !== body)
      attempt.current = { key: newIdempotencyKey(), payload: body };
    inFlight.current = true;
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
          onShipment={(k, v) => setShipment((s) => ({ ...s, [k]: v }))}
          onSignature={setSignatureRequired}
        />
        <PartySection
          title="End user"
          group="endUserInfo"
          specs={END_USER_KEYS(header.mode)}
          values={endUser}
          errors={errors}
          onChange={(k, v) => setEndUser((s) => ({ ...s, [k]: v }))}
          hint="Who the goods are for. Ingram uses it for pricing, and some countries require it."
        />
        <PartySection
          title="Reseller"
          group="resellerInfo"
          specs={RESELLER_KEYS(header.mode)}
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
        <MoreSection
          title="Additional attributes"
          summary={attributes.length ? `${attributes.length} set` : "partial orders, duplicate POs, warehouse"}
          hasError={Object.keys(errors).some((k) => k.startsWith("additionalAttributes"))}
          testId="section-attributes"
        >
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
        </MoreSection>
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
