"use client";

import type { FieldErrors } from "./form-errors";
import { filledOnly, TextFields, type TextFieldSpec } from "./text-fields";

/** Every ship-to key a create (v6) or modify request takes; v7 lacks name1/name2/addressLine3 and adds shippingNotes. */
export const SHIP_TO_KEYS = [
  ["companyName", "Company", "shipping organization"],
  ["contact", "Contact", "shipping name"],
  ["name1", "Name 1", "off"],
  ["name2", "Name 2", "off"],
  ["addressLine1", "Address line 1", "shipping address-line1"],
  ["addressLine2", "Address line 2", "shipping address-line2"],
  ["addressLine3", "Address line 3", "shipping address-line3"],
  ["city", "City", "shipping address-level2"],
  ["state", "State", "shipping address-level1"],
  ["postalCode", "Postal code", "shipping postal-code"],
  ["countryCode", "Country code", "shipping country"],
  ["phoneNumber", "Phone", "shipping tel", "tel"],
  ["email", "Email", "shipping email", "email"],
  ["addressId", "Registered address id", "off"],
] as const satisfies readonly TextFieldSpec[];

const V6_ONLY_SHIP_TO = new Set<string>(["name1", "name2", "addressLine3"]);
const SHIPPING_NOTES: TextFieldSpec = ["shippingNotes", "Shipping notes", "off"];

/** The ship-to inputs for an order type: v7 (async) has no name1/name2/addressLine3 but takes shipping notes. */
export function shipToKeysFor(mode: "sync" | "async"): readonly TextFieldSpec[] {
  return mode === "sync" ? SHIP_TO_KEYS : [...SHIP_TO_KEYS.filter(([k]) => !V6_ONLY_SHIP_TO.has(k)), SHIPPING_NOTES];
}

export type ShipToKey = (typeof SHIP_TO_KEYS)[number][0] | "shippingNotes";
export type ShipToValues = Partial<Record<ShipToKey, string>>;

export const EMPTY_SHIP_TO: ShipToValues = {};

/** The ship-to object to send: only filled fields of `keys`, or nothing at all (Ingram refuses empty objects). */
export function shipToPayload(v: ShipToValues, keys: readonly TextFieldSpec[] = SHIP_TO_KEYS) {
  const allowed = new Set(keys.map(([k]) => k));
  return filledOnly(Object.fromEntries(Object.entries(v).filter(([k, x]) => allowed.has(k) && x !== undefined)));
}

const CREATE_HINT =
  "Give a registered address id, or a full address. Leave everything empty to use the account's default.";

export function ShipToFields({
  idPrefix,
  values,
  errors,
  onChange,
  disabled,
  keys = SHIP_TO_KEYS,
  hint = CREATE_HINT,
}: {
  idPrefix: string;
  /** The sentence under the legend; the default fits the create form (empty = account default). */
  hint?: string;
  keys?: readonly TextFieldSpec[];
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
      <TextFields
        idPrefix={`${idPrefix}-shipTo`}
        errorPrefix="shipTo."
        specs={keys}
        values={values as Record<string, string>}
        errors={errors}
        onChange={(k, v) => onChange(k as ShipToKey, v)}
      />
    </fieldset>
  );
}
