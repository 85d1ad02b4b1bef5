// The JSON body the create form's drafts become, built on submit (this module is loaded then, not with the form:
// first-load JS is capped at 150 KB). The server validates it with the same zod schema the API uses and answers
// field errors keyed like this body ("lines.0.quantity").
import { filledOnly, shipToKeysFor, shipToPayload } from "../_form/draft-values";
import { LINE_EXTRAS_V6, LINE_EXTRAS_V7, type CreateDrafts, type LineDraft, type Mode } from "./create-payload";

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
