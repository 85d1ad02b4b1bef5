"use client";

// The bodies of the create form's collapsed sections, loaded with next/dynamic when a section first opens
// (order-sections.tsx): their field lists and inputs are not part of the page's first-load JavaScript.
import { Field } from "@/app/_components/field";
import type { FieldErrors } from "../_form/form-errors";
import {
  shipToKeysFor,
  type ShipToKey,
  type ShipToValues,
  type TextFieldSpec,
  type TextValues,
} from "../_form/draft-values";
import { ShipToFields } from "../_form/ship-to-fields";
import { TextFields } from "../_form/text-fields";
import { AddressBook } from "./address-book";
import type { Mode, ShipmentDraft, VendorDraft } from "./create-payload";

const SHIPMENT_TEXT: TextFieldSpec[] = [
  ["carrierCode", "Carrier code", "off"],
  ["freightAccountNumber", "Freight account number", "off"],
  ["requestedDeliveryDate", "Requested delivery date", "off", "date"],
  ["shippingInstructions", "Shipping instructions", "off"],
];

const ADDRESS: TextFieldSpec[] = [
  ["companyName", "Company", "organization"],
  ["contact", "Contact", "name"],
  ["addressLine1", "Address line 1", "address-line1"],
  ["addressLine2", "Address line 2", "address-line2"],
  ["city", "City", "address-level2"],
  ["state", "State", "address-level1"],
  ["postalCode", "Postal code", "postal-code"],
  ["countryCode", "Country code", "country"],
  ["phoneNumber", "Phone", "tel", "tel"],
  ["email", "Email", "email", "email"],
];
const V6_ADDRESS_EXTRA: TextFieldSpec[] = [
  ["name1", "Name 1", "off"],
  ["name2", "Name 2", "off"],
  ["addressLine3", "Address line 3", "off"],
];
const END_USER_KEYS = (mode: Mode): TextFieldSpec[] => [
  ["endUserId", "End user id", "off"],
  ...ADDRESS,
  ...(mode === "sync" ? V6_ADDRESS_EXTRA : []),
];
const RESELLER_KEYS = (mode: Mode): TextFieldSpec[] => [
  ["resellerId", "Reseller id", "off"],
  ...ADDRESS,
  ...(mode === "sync" ? ([["addressLine3", "Address line 3", "off"]] as TextFieldSpec[]) : []),
];

export function ShippingBody(p: {
  mode: Mode;
  shipTo: ShipToValues;
  shipment: ShipmentDraft;
  signatureRequired: boolean;
  errors: FieldErrors;
  onShipTo: (k: ShipToKey, v: string) => void;
  onShipToAll: (v: ShipToValues) => void;
  onShipment: (k: string, v: string) => void;
  onSignature: (v: boolean) => void;
}) {
  return (
    <>
      <AddressBook shipTo={p.shipTo} onPick={p.onShipToAll} />
      <ShipToFields
        idPrefix="new"
        keys={shipToKeysFor(p.mode)}
        values={p.shipTo}
        errors={p.errors}
        onChange={p.onShipTo}
      />
      <fieldset>
        <legend>Shipment</legend>
        <TextFields
          idPrefix="new-shipment"
          errorPrefix="shipmentDetails."
          specs={SHIPMENT_TEXT}
          values={p.shipment}
          errors={p.errors}
          onChange={p.onShipment}
        />
        <div className="form-grid" style={{ marginTop: 10 }}>
          <Field
            id="new-shipment-shipComplete"
            label="Ship complete"
            error={p.errors["shipmentDetails.shipComplete"]}
            hint="Leave empty to let Ingram ship what is in stock."
          >
            {(a) => (
              <select
                {...a}
                value={p.shipment.shipComplete}
                onChange={(e) => p.onShipment("shipComplete", e.target.value)}
              >
                <option value="">—</option>
                <option value="C">C: complete per distribution</option>
                <option value="P">P: complete per line</option>
                <option value="E">E: complete across all distributions</option>
              </select>
            )}
          </Field>
          <div className="field">
            <span className="label" aria-hidden="true">
              &nbsp;
            </span>
            <label className="check">
              <input type="checkbox" checked={p.signatureRequired} onChange={(e) => p.onSignature(e.target.checked)} />
              Signature required on delivery
            </label>
          </div>
        </div>
      </fieldset>
    </>
  );
}

export function PartyBody(p: {
  group: "endUserInfo" | "resellerInfo";
  mode: Mode;
  values: TextValues;
  errors: FieldErrors;
  onChange: (k: string, v: string) => void;
  hint: string;
}) {
  return (
    <>
      <p className="subtle">{p.hint}</p>
      <TextFields
        idPrefix={`new-${p.group}`}
        errorPrefix={`${p.group}.`}
        specs={p.group === "endUserInfo" ? END_USER_KEYS(p.mode) : RESELLER_KEYS(p.mode)}
        values={p.values}
        errors={p.errors}
        onChange={p.onChange}
      />
    </>
  );
}

const VENDOR_TEXT: TextFieldSpec[] = [
  ["specialBidNumber", "Special bid number", "off"],
  ["vendAuthNumber", "Vendor authorization number", "off"],
  ["billToAddressId", "Bill-to address id", "off"],
];

export function VendorBody(p: {
  values: VendorDraft;
  acceptBackOrder: boolean;
  errors: FieldErrors;
  onChange: (k: string, v: string) => void;
  onBackOrder: (v: boolean) => void;
}) {
  return (
    <>
      <p className="subtle">
        A special bid applies to every line unless a line names its own. Warranty orders go on hold without the vendor
        authorization number.
      </p>
      <TextFields
        idPrefix="new"
        errorPrefix=""
        specs={VENDOR_TEXT}
        values={p.values}
        errors={p.errors}
        onChange={p.onChange}
      />
      <label className="check">
        <input type="checkbox" checked={p.acceptBackOrder} onChange={(e) => p.onBackOrder(e.target.checked)} />
        Accept backorders (ignored when ship complete is set)
      </label>
    </>
  );
}
