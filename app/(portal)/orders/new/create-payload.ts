// The create form's drafts (all text, as typed), the extras each API version takes, and which error keys a
// field shows. The JSON body they become is create-body.ts's, loaded on submit.
import type { ShipToValues, TextValues } from "../_form/draft-values";
import type { AttributeDraft } from "../_form/attributes-editor";
import type { HeaderValues } from "./header-fields";

export type Mode = "sync" | "async";

export interface LineDraft {
  /** Stable React key; never sent. */
  key: number;
  ingramPartNumber: string;
  quantity: string;
  unitPrice: string;
  /** The per-line extras (customerLineNumber, notes, warranty, subscription…), by input name. */
  extra: TextValues;
}

export interface ShipmentDraft extends TextValues {
  carrierCode: string;
  freightAccountNumber: string;
  shipComplete: string;
  requestedDeliveryDate: string;
  shippingInstructions: string;
}

export interface VendorDraft extends TextValues {
  billToAddressId: string;
  specialBidNumber: string;
  vendAuthNumber: string;
}

export interface CreateDrafts {
  header: HeaderValues;
  lines: LineDraft[];
  shipTo: ShipToValues;
  shipment: ShipmentDraft;
  signatureRequired: boolean;
  endUser: TextValues;
  reseller: TextValues;
  vendor: VendorDraft;
  acceptBackOrder: boolean;
  attributes: AttributeDraft[];
}

/** Extras only one API version takes; the other's are left out so a mode switch never sends a hidden value. */
export const LINE_EXTRAS_V6 = ["customerPartNumber"];
export const LINE_EXTRAS_V7 = [
  "vendorPartNumber",
  "resourceId",
  "planId",
  "subscriptionType",
  "subscriptionDuration",
  "billingType",
  "billingDuration",
  "margin",
  "endCustomerPrice",
];

/** Error keys some visible field shows; the rest are listed above the submit button. */
export function isPlacedError(k: string): boolean {
  return (
    /^(customerOrderNumber|endCustomerOrderNumber|notes|mode|customerHold|lines|acceptBackOrder)$/.test(k) ||
    /^(billToAddressId|specialBidNumber|vendAuthNumber)$/.test(k) ||
    /^(shipTo|shipmentDetails|endUserInfo|resellerInfo)\.\w+$/.test(k) ||
    /^lines\.\d+\.(ingramPartNumber|quantity|unitPrice)$/.test(k) ||
    /^lines\.\d+\.\w+(\.\d+)?(\.\w+)?(\.\d+)?(\.\w+)?$/.test(k) ||
    /^additionalAttributes\.\d+\.\w+$/.test(k)
  );
}
