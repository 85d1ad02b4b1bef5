// The create form's drafts (all text, as typed) and the JSON body they become. The server validates it with
// the same zod schema the API uses and answers field errors keyed like this body ("lines.0.quantity").
import { filledOnly, shipToKeysFor, shipToPayload, type ShipToValues, type TextValues } from "../_form/draft-values";
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

const blankless = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== ""));

function linePayload(l: LineDraft, mode: Mode) {
  const skip = new Set(mode === "sync" ? LINE_EXTRAS_V7 : LINE_EXTRAS_V6);
  const x = Object.fromEntries(Object.entries(l.extra).filter(([k]) => !skip.has(k)));
  const period = (type?: string, duration?: string) => (type || duration ? [blankless({ type, duration })] : undefined);
  const serial = blankless({ primarySerialNumber: x.primarySerialNumber, dateOfPurchase: x.dateOfPurchase });
  const warranty = blankless({
    directLineLink: x.directLineLink,
    serialInfo: Object.keys(serial).length ? [serial] : undefined,
  });
  return blankless({
    ingramPartNumber: l.ingramPartNumber,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    customerLineNumber: x.customerLineNumber,
    customerPartNumber: x.customerPartNumber,
    vendorPartNumber: x.vendorPartNumber,
    notes: x.notes,
    specialBidNumber: x.specialBidNumber,
    endUserPrice: x.endUserPrice,
    warrantyInfo: Object.keys(warranty).length ? warranty : undefined,
    resourceId: x.resourceId,
    planId: x.planId,
    subscriptionPeriod: period(x.subscriptionType, x.subscriptionDuration),
    billingPeriod: period(x.billingType, x.billingDuration),
    margin: x.margin,
    endCustomerPrice: x.endCustomerPrice,
  });
}

export function createPayload(d: CreateDrafts) {
  const mode = d.header.mode;
  const shipment = filledOnly(d.shipment);
  return {
    mode,
    customerOrderNumber: d.header.customerOrderNumber,
    endCustomerOrderNumber: d.header.endCustomerOrderNumber,
    notes: d.header.notes,
    customerHold: d.header.customerHold,
    ...filledOnly(d.vendor),
    acceptBackOrder: d.acceptBackOrder || undefined,
    shipTo: shipToPayload(d.shipTo, shipToKeysFor(mode)),
    shipmentDetails:
      shipment || d.signatureRequired
        ? { ...shipment, signatureRequired: d.signatureRequired || undefined }
        : undefined,
    endUserInfo: filledOnly(d.endUser),
    resellerInfo: filledOnly(d.reseller),
    lines: d.lines.map((l) => linePayload(l, mode)),
    additionalAttributes: d.attributes
      .filter((a) => a.name.trim() || a.value.trim())
      .map((a) => ({ name: a.name.trim(), value: a.value })),
  };
}

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
