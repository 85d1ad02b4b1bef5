import type { FieldError } from "./responses.ts";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `additionalAttributes[]` → name (lower-case) → value. Values are compared as the strings Ingram expects ("true"). */
export function attributes(body: Json): Map<string, string> {
  const out = new Map<string, string>();
  const list = body.additionalAttributes;
  if (!Array.isArray(list)) return out;
  for (const a of list) {
    if (isObject(a) && typeof a.attributeName === "string")
      out.set(a.attributeName.toLowerCase(), String(a.attributeValue ?? ""));
  }
  return out;
}

export const attrTrue = (attrs: Map<string, string>, name: string): boolean =>
  attrs.get(name.toLowerCase())?.trim().toLowerCase() === "true";

export interface LineRequest {
  index: number;
  customerLineNumber?: string;
  /** The part as sent: Ingram's part number, else the vendor's (v7), else the customer's own (CPN). */
  ingramPartNumber: string;
  quantity: number;
  specialBidNumber?: string;
  notes?: string;
  /** v7 subscription fields, shown back as the line's serviceContractInfo. */
  subscription?: { resourceId?: string; planId?: string; subscriptionId?: string; term?: string; startDate?: string };
}

export interface CreateRequest {
  customerOrderNumber: string;
  endCustomerOrderNumber?: string;
  notes?: string;
  specialBidNumber?: string;
  shipToInfo?: unknown;
  endUserInfo?: unknown;
  carrierCode?: string;
  /** yyyy-MM-dd (v6) or yyyyMMdd (v7) as sent; shown back on each line as requestedDeliverydate. */
  requestedDeliveryDate?: string;
  /** v7 quote-to-order: the lines come from the quote. */
  quoteNumber?: string;
  /** v7: the web order id Ingram gives the queued request. */
  webOrderId?: string;
  lines: LineRequest[];
  attrs: Map<string, string>;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v : undefined);

function checkString(fields: FieldError[], body: Json, key: string, max: number, required: boolean, label = key): void {
  const v = body[key];
  if (v === undefined || v === null || v === "") {
    if (required) fields.push({ field: label, message: "Required field is missing" });
    return;
  }
  if (typeof v !== "string") fields.push({ field: label, value: String(v), message: `${label} must be a string` });
  else if (v.length > max)
    fields.push({ field: label, value: v, message: `${label} must be at most ${max} characters` });
}

/** Ingram refuses an `endUserInfo` that is present but carries no value ("Values under endUserInfo object cannot be empty"). */
function isBlankInfo(v: unknown): boolean {
  return (
    isObject(v) &&
    Object.values(v).every((x) => x === null || x === undefined || (typeof x === "string" && x.trim() === ""))
  );
}

function subscriptionOf(raw: Json): LineRequest["subscription"] {
  const period =
    Array.isArray(raw.subscriptionPeriod) && isObject(raw.subscriptionPeriod[0]) ? raw.subscriptionPeriod[0] : {};
  const sub = {
    resourceId: str(raw.resourceId),
    planId: str(raw.planid),
    subscriptionId: str(period.subscriptionId),
    term: typeof period.duration === "number" ? `${period.duration} ${str(period.type) ?? "Months"}` : undefined,
    startDate: str(period.startDate),
  };
  return Object.values(sub).some((v) => v !== undefined) ? sub : undefined;
}

/** Shared create-body validation; v6 allows a 35-char PO, v7 only 18 and strict JSON types. */
export function validateCreate(body: Json, version: "v6" | "v7"): { fields: FieldError[]; request?: CreateRequest } {
  const fields: FieldError[] = [];
  const poMax = version === "v6" ? 35 : 18;
  checkString(fields, body, "customerOrderNumber", poMax, true);
  checkString(fields, body, "endCustomerOrderNumber", poMax, false);
  checkString(fields, body, "notes", 132, false);
  if (version === "v7") {
    if (
      body.acceptBackOrder !== undefined &&
      body.acceptBackOrder !== null &&
      typeof body.acceptBackOrder !== "boolean"
    ) {
      fields.push({
        field: "acceptBackOrder",
        value: String(body.acceptBackOrder),
        message: "acceptBackOrder must be a boolean",
      });
    }
    for (const key of ["resellerInfo", "shipToInfo", "endUserInfo"]) {
      const info = body[key];
      if (
        isObject(info) &&
        info.phoneNumber !== undefined &&
        info.phoneNumber !== null &&
        typeof info.phoneNumber !== "string"
      ) {
        fields.push({
          field: `${key}.phoneNumber`,
          value: String(info.phoneNumber),
          message: "phoneNumber must be a string",
        });
      }
    }
  }
  if (isBlankInfo(body.endUserInfo))
    fields.push({ field: "endUserInfo", message: "Values under endUserInfo object cannot be empty" });
  const lines: LineRequest[] = [];
  const quoteNumber = version === "v7" ? str(body.quoteNumber) : undefined;
  if (quoteNumber && (!Array.isArray(body.lines) || body.lines.length === 0)) {
    // Quote-to-order: Ingram takes the lines from the quote.
  } else if (!Array.isArray(body.lines) || body.lines.length === 0) {
    fields.push({ field: "lines", message: "At least one line is required" });
  } else {
    body.lines.forEach((raw, index) => {
      const at = `lines[${index}]`;
      if (!isObject(raw)) return void fields.push({ field: at, message: "Line must be an object" });
      const pn = str(raw.ingramPartNumber) ?? str(raw.vendorPartNumber) ?? str(raw.customerPartNumber);
      if (pn === undefined) fields.push({ field: `${at}.ingramPartNumber`, message: "Required field is missing" });
      else if (typeof raw.ingramPartNumber === "string" && raw.ingramPartNumber.length > 18)
        fields.push({
          field: `${at}.ingramPartNumber`,
          value: raw.ingramPartNumber,
          message: "ingramPartNumber must be at most 18 characters",
        });
      const q = raw.quantity;
      if (typeof q !== "number" || !Number.isInteger(q) || q < 1) {
        fields.push({
          field: `${at}.quantity`,
          value: q === undefined ? undefined : String(q),
          message: "quantity must be an integer of at least 1",
        });
      }
      const cln = raw.customerLineNumber;
      if (cln !== undefined && cln !== null && String(cln).length > 3) {
        fields.push({
          field: `${at}.customerLineNumber`,
          value: String(cln),
          message: "customerLineNumber must be at most 3 characters",
        });
      }
      if (typeof pn === "string" && typeof q === "number") {
        lines.push({
          index,
          customerLineNumber: cln === undefined || cln === null ? undefined : String(cln),
          ingramPartNumber: pn.trim().toUpperCase(),
          quantity: q,
          specialBidNumber: str(raw.specialBidNumber),
          notes: str(raw.notes),
          subscription: subscriptionOf(raw),
        });
      }
    });
  }
  if (fields.length) return { fields };
  const shipment = isObject(body.shipmentDetails) ? body.shipmentDetails : {};
  return {
    fields,
    request: {
      customerOrderNumber: String(body.customerOrderNumber),
      endCustomerOrderNumber: str(body.endCustomerOrderNumber),
      notes: str(body.notes),
      specialBidNumber: str(body.specialBidNumber),
      shipToInfo: body.shipToInfo,
      endUserInfo: body.endUserInfo,
      carrierCode: str(shipment.carrierCode),
      requestedDeliveryDate: str(shipment.requestedDeliveryDate),
      quoteNumber,
      lines,
      attrs: attributes(body),
    },
  };
}
