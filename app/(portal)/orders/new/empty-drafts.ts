// The create form's starting drafts.
import type { LineDraft, ShipmentDraft, VendorDraft } from "./create-payload";
import type { HeaderValues } from "./header-fields";

// Row keys also build element ids, so the first row's key must be the same on the server and in the browser.
export const newLine = (key: number): LineDraft => ({
  key,
  ingramPartNumber: "",
  quantity: "1",
  unitPrice: "",
  extra: {},
});
export const EMPTY_SHIPMENT: ShipmentDraft = {
  carrierCode: "",
  freightAccountNumber: "",
  shipComplete: "",
  requestedDeliveryDate: "",
  shippingInstructions: "",
};
export const EMPTY_VENDOR: VendorDraft = { billToAddressId: "", specialBidNumber: "", vendAuthNumber: "" };
export const EMPTY_HEADER: HeaderValues = {
  mode: "sync",
  customerOrderNumber: "",
  endCustomerOrderNumber: "",
  notes: "",
  customerHold: true,
};

/** A line nobody has typed in: pasted rows take its place. */
export const isBlank = (l: LineDraft) =>
  !l.ingramPartNumber.trim() && !l.unitPrice.trim() && Object.values(l.extra).every((v) => !v.trim());
