"use client";

import { useRef, useState, type FormEvent } from "react";
import { apiFetch, type ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import type { OrderRequestView } from "@/lib/orders/dto-types";
import { apiFields, newIdempotencyKey, unplacedErrors, type FieldErrors } from "../_form/form-errors";
import { MoreSection } from "../_form/more-section";
import { SubmitProblems } from "../_form/submit-problems";
import { errorsUnder, shipToKeysFor, shipToPayload, type ShipToValues } from "../_form/draft-values";
import { ShipToFields } from "../_form/ship-to-fields";
import { OrderRequestStatus } from "./order-request-status";

const PLACED = /^(quoteNumber|customerOrderNumber|customerHold|shipTo\.\w+)$/;

/**
 * Quote-to-order (v7 `quoteNumber`): Ingram takes the lines, quantities and prices from the quote, so the
 * order needs only the quote number, a PO and, optionally, where it goes.
 */
export function QuoteOrderForm() {
  const [quoteNumber, setQuoteNumber] = useState("");
  const [po, setPo] = useState("");
  const [customerHold, setCustomerHold] = useState(false);
  const [shipTo, setShipTo] = useState<ShipToValues>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [request, setRequest] = useState<OrderRequestView | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ key: string; payload: string } | null>(null);
  // An error stays beside its field only until the field is edited.
  const clearError = (k: string) =>
    setErrors((e) => {
      if (!(k in e)) return e;
      const { [k]: _gone, ...rest } = e;
      return rest;
    });

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (busy) return;
    if (!quoteNumber.trim()) {
      setErrors({ quoteNumber: "Quote number is required to order from a quote." });
      return;
    }
    const payload = {
      mode: "async",
      quoteNumber,
      customerOrderNumber: po,
      customerHold,
      shipTo: shipToPayload(shipTo, shipToKeysFor("async")),
    };
    const text = JSON.stringify(payload);
    if (!attempt.current || attempt.current.payload !== text)
      attempt.current = { key: newIdempotencyKey(), payload: text };
    setBusy(true);
    setErrors({});
    setFailure(null);
    const res = await apiFetch<{ request: OrderRequestView }>("/api/order-requests", {
      method: "POST",
      body: payload,
      headers: { "Idempotency-Key": attempt.current.key },
    });
    setBusy(false);
    if (!res.ok) {
      setErrors(apiFields(res.error));
      setFailure(res.error);
      return;
    }
    attempt.current = null;
    setRequest(res.data.request);
  }

  if (request) return <OrderRequestStatus initial={request} />;

  const loose = unplacedErrors(errors, (k) => PLACED.test(k));
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-busy={busy || undefined}>
      <div className="form-section">
        <fieldset disabled={busy}>
          <legend>Order from a quote</legend>
          <p className="subtle" style={{ marginBottom: 10 }}>
            Ingram takes the parts, quantities and prices from the quote. Sent asynchronously (v7): Ingram confirms the
            order by webhook.
          </p>
          <div className="form-grid">
            <Field
              id="quoteNumber"
              label="Quote number"
              error={errors.quoteNumber}
              hint="Required, at most 35 characters."
            >
              {(a) => (
                <input
                  {...a}
                  type="text"
                  className="mono"
                  required
                  maxLength={35}
                  autoComplete="off"
                  value={quoteNumber}
                  onChange={(e) => {
                    setQuoteNumber(e.target.value);
                    clearError("quoteNumber");
                  }}
                />
              )}
            </Field>
            <Field
              id="quote-customerOrderNumber"
              label="Customer PO number"
              error={errors.customerOrderNumber}
              hint="Required, at most 18 characters."
            >
              {(a) => (
                <input
                  {...a}
                  type="text"
                  required
                  maxLength={18}
                  autoComplete="off"
                  value={po}
                  onChange={(e) => {
                    setPo(e.target.value);
                    clearError("customerOrderNumber");
                  }}
                />
              )}
            </Field>
          </div>
          <label className="check" style={{ marginTop: 10 }}>
            <input type="checkbox" checked={customerHold} onChange={(e) => setCustomerHold(e.target.checked)} />
            Place on customer hold
          </label>
        </fieldset>
      </div>
      <div className="form-section">
        <MoreSection
          title="Ship to"
          summary="the quote's or the account's default address"
          hasError={errorsUnder(errors, "shipTo.")}
          testId="section-quote-shipping"
        >
          <ShipToFields
            idPrefix="quote"
            keys={shipToKeysFor("async")}
            values={shipTo}
            errors={errors}
            disabled={busy}
            onChange={(k, v) => setShipTo((s) => ({ ...s, [k]: v }))}
          />
        </MoreSection>
      </div>
      <div className="form-section stack" style={{ gap: 10 }}>
        <SubmitProblems failure={failure} loose={loose} />
        <div className="form-actions" style={{ marginTop: 0 }}>
          <Button type="submit" variant="primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? "Sending to Ingram Micro…" : "Order from quote"}
          </Button>
        </div>
      </div>
    </form>
  );
}
