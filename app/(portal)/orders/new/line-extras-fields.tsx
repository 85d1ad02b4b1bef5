"use client";

import { Field } from "@/app/_components/field";
import type { FieldErrors } from "../_form/form-errors";
import type { TextValues } from "../_form/draft-values";
import type { Mode } from "./create-payload";

type Spec = { key: string; label: string; error: string; type?: string; options?: string[]; hint?: string };

// Loaded when a line's "More" section first opens (line-items-editor.tsx).

/** The line's extras; `error` is where the server's field error for it lands (relative to "lines.N."). */
const COMMON: Spec[] = [
  {
    key: "customerLineNumber",
    label: "Customer line number",
    error: "customerLineNumber",
    hint: "1–884, unique; empty numbers the line.",
  },
  { key: "notes", label: "Line notes", error: "notes" },
  { key: "specialBidNumber", label: "Special bid number", error: "specialBidNumber" },
  { key: "endUserPrice", label: "End user price", error: "endUserPrice" },
];
const V6: Spec[] = [
  {
    key: "customerPartNumber",
    label: "Customer part number",
    error: "customerPartNumber",
    hint: "Your own part number, instead of Ingram's.",
  },
];
const WARRANTY: Spec[] = [
  { key: "directLineLink", label: "Warranty: direct line link", error: "warrantyInfo.directLineLink" },
  {
    key: "primarySerialNumber",
    label: "Warranty: serial number",
    error: "warrantyInfo.serialInfo.0.primarySerialNumber",
  },
  {
    key: "dateOfPurchase",
    label: "Warranty: date of purchase",
    error: "warrantyInfo.serialInfo.0.dateOfPurchase",
    type: "date",
  },
];
const V7: Spec[] = [
  { key: "vendorPartNumber", label: "Vendor part number", error: "vendorPartNumber" },
  { key: "resourceId", label: "Subscription resource id", error: "resourceId" },
  { key: "planId", label: "Subscription plan id", error: "planId" },
  {
    key: "subscriptionType",
    label: "Subscription period",
    error: "subscriptionPeriod.0.type",
    options: ["", "Months", "Years"],
  },
  { key: "subscriptionDuration", label: "Subscription length", error: "subscriptionPeriod.0.duration" },
  { key: "billingType", label: "Billing period", error: "billingPeriod.0.type", options: ["", "Months", "Years"] },
  { key: "billingDuration", label: "Billing every", error: "billingPeriod.0.duration" },
  { key: "margin", label: "Margin", error: "margin" },
  { key: "endCustomerPrice", label: "End customer price", error: "endCustomerPrice" },
];

export function LineExtrasFields({
  index,
  rowKey,
  mode,
  values,
  errors,
  onChange,
}: {
  index: number;
  rowKey: number;
  mode: Mode;
  values: TextValues;
  errors: FieldErrors;
  onChange: (key: string, value: string) => void;
}) {
  const specs = [...COMMON, ...(mode === "sync" ? V6 : V7), ...WARRANTY];
  const errorOf = (s: Spec) => errors[`lines.${index}.${s.error}`];
  return (
    <div className="form-grid">
      {specs.map((s) => (
        <Field key={s.key} id={`line-${rowKey}-${s.key}`} label={s.label} error={errorOf(s)} hint={s.hint}>
          {(a) =>
            s.options ? (
              <select {...a} value={values[s.key] ?? ""} onChange={(e) => onChange(s.key, e.target.value)}>
                {s.options.map((o) => (
                  <option key={o} value={o}>
                    {o || "—"}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...a}
                type={s.type ?? "text"}
                autoComplete="off"
                value={values[s.key] ?? ""}
                onChange={(e) => onChange(s.key, e.target.value)}
              />
            )
          }
        </Field>
      ))}
    </div>
  );
}
