// The forms' drafts as plain data: which fields a group has, what is filled, what to send. No components here,
// so the create form's first load takes these without the inputs of its collapsed sections.
import type { FieldErrors } from "./form-errors";

/** [key, label, autocomplete token, input type?] — one text input per entry. */
export type TextFieldSpec = readonly [key: string, label: string, autoComplete?: string, type?: string];
export type TextValues = Record<string, string>;

export const emptyValues = (specs: readonly TextFieldSpec[]): TextValues =>
  Object.fromEntries(specs.map(([k]) => [k, ""]));

/** Only the filled fields, or nothing at all (Ingram refuses empty objects). */
export function filledOnly(v: TextValues): TextValues | undefined {
  const filled = Object.entries(v).filter(([, x]) => x.trim() !== "");
  return filled.length ? Object.fromEntries(filled) : undefined;
}

export const filledCount = (v: TextValues): number => Object.values(v).filter((x) => x.trim() !== "").length;

/** True when an error key lies under `prefix` (e.g. "endUserInfo."). */
export const errorsUnder = (errors: FieldErrors, prefix: string): boolean =>
  Object.keys(errors).some((k) => k === prefix.replace(/\.$/, "") || k.startsWith(prefix));

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
