"use client";

import { Field } from "@/app/_components/field";
import type { FieldErrors } from "../_form/form-errors";

export interface HeaderValues {
  mode: "sync" | "async";
  customerOrderNumber: string;
  endCustomerOrderNumber: string;
  notes: string;
  customerHold: boolean;
}

export function HeaderFields({
  values,
  errors,
  onChange,
  disabled,
}: {
  values: HeaderValues;
  errors: FieldErrors;
  onChange: (patch: Partial<HeaderValues>) => void;
  disabled?: boolean;
}) {
  const poMax = values.mode === "sync" ? 35 : 18;
  return (
    <div className="stack" style={{ gap: 14 }}>
      <fieldset disabled={disabled}>
        <legend>How to send it</legend>
        <div className="status-choices">
          <label className="check">
            <input
              type="radio"
              name="mode"
              value="sync"
              checked={values.mode === "sync"}
              onChange={() => onChange({ mode: "sync" })}
            />
            Synchronous (v6): the order number comes back at once
          </label>
          <label className="check">
            <input
              type="radio"
              name="mode"
              value="async"
              checked={values.mode === "async"}
              onChange={() => onChange({ mode: "async" })}
            />
            Asynchronous (v7): Ingram queues it and confirms later
          </label>
        </div>
        {errors.mode ? (
          <p className="error" style={{ color: "var(--danger)" }}>
            {errors.mode}
          </p>
        ) : null}
      </fieldset>
      <fieldset disabled={disabled}>
        <legend>Order</legend>
        <div className="form-grid">
          <Field
            id="customerOrderNumber"
            label="Customer PO number"
            error={errors.customerOrderNumber}
            hint={`Required, at most ${poMax} characters.`}
          >
            {(a) => (
              <input
                {...a}
                type="text"
                required
                maxLength={poMax}
                autoComplete="off"
                value={values.customerOrderNumber}
                onChange={(e) => onChange({ customerOrderNumber: e.target.value })}
              />
            )}
          </Field>
          <Field id="endCustomerOrderNumber" label="End customer PO number" error={errors.endCustomerOrderNumber}>
            {(a) => (
              <input
                {...a}
                type="text"
                maxLength={poMax}
                autoComplete="off"
                value={values.endCustomerOrderNumber}
                onChange={(e) => onChange({ endCustomerOrderNumber: e.target.value })}
              />
            )}
          </Field>
        </div>
        <div className="form-grid" style={{ marginTop: 10, gridTemplateColumns: "minmax(0, 2fr) minmax(0, 1fr)" }}>
          <Field id="notes" label="Notes" error={errors.notes} hint="At most 132 characters.">
            {(a) => (
              <textarea
                {...a}
                rows={2}
                maxLength={132}
                value={values.notes}
                onChange={(e) => onChange({ notes: e.target.value })}
              />
            )}
          </Field>
          <div className="field">
            <span className="label" aria-hidden="true">
              &nbsp;
            </span>
            <label className="check">
              <input
                type="checkbox"
                checked={values.customerHold}
                onChange={(e) => onChange({ customerHold: e.target.checked })}
                aria-describedby="hold-hint"
              />
              Place on customer hold
            </label>
            <span id="hold-hint" className="hint">
              A held order can be edited, released or cancelled here. Ingram voids it if it is not released within 24
              hours.
            </span>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
