"use client";

import { Field } from "@/app/_components/field";
import type { FieldErrors } from "./form-errors";

export const SHIP_TO_KEYS = [
  ["companyName", "Company", "organization"],
  ["contact", "Contact", "name"],
  ["addressLine1", "Address line 1", "address-line1"],
  ["addressLine2", "Address line 2", "address-line2"],
  ["city", "City", "address-level2"],
  ["state", "State", "address-level1"],
  ["postalCode", "Postal code", "postal-code"],
  ["countryCode", "Country code", "country"],
  ["phoneNumber", "Phone", "tel"],
  ["email", "Email", "email"],
  ["addressId", "Registered address id", "off"],
] as const;

export type ShipToKey = (typeof SHIP_TO_KEYS)[number][0];
export type ShipToValues = Record<ShipToKey, string>;

export const EMPTY_SHIP_TO: ShipToValues = Object.fromEntries(SHIP_TO_KEYS.map(([k]) => [k, ""])) as ShipToValues;

/** The ship-to object to send: only filled fields, or nothing at all (Ingram refuses empty objects). */
export function shipToPayload(v: ShipToValues): Partial<ShipToValues> | undefined {
  const filled = Object.entries(v).filter(([, x]) => x.trim() !== "");
  return filled.length ? (Object.fromEntries(filled) as Partial<ShipToValues>) : undefined;
}

const CREATE_HINT =
  "Give a registered address id, or a full address. Leave everything empty to use the account's default.";

export function ShipToFields({
  idPrefix,
  values,
  errors,
  onChange,
  disabled,
  hint = CREATE_HINT,
}: {
  idPrefix: string;
  /** The sentence under the legend; the default fits the create form (empty = account default). */
  hint?: string;
  values: ShipToValues;
  errors: FieldErrors;
  onChange: (key: ShipToKey, value: string) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset disabled={disabled}>
      <legend>Ship to</legend>
      <p className="subtle" style={{ marginBottom: 10 }}>
        {hint}
      </p>
      <div className="form-grid">
        {SHIP_TO_KEYS.map(([key, label, autoComplete]) => (
          <Field key={key} id={`${idPrefix}-shipTo-${key}`} label={label} error={errors[`shipTo.${key}`]}>
            {(a) => (
              <input
                {...a}
                type={key === "email" ? "email" : "text"}
                autoComplete={`shipping ${autoComplete}`.replace("shipping off", "off")}
                value={values[key]}
                onChange={(e) => onChange(key, e.target.value)}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
