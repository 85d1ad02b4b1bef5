import { findPart } from "./catalog.ts";
import type { LineRequest } from "./validate.ts";
import type { SandboxLine, SandboxOrder } from "./sandbox-types.ts";
import { DAY_MS, ymd } from "./util.ts";

/*
 * Detail fields Ingram fills for some orders only: subscriptions and licences (serviceContractInfo), SAP-style
 * schedule lines of a backordered line, the web order id and Ingram's purchase order number. Derived from the
 * order without the seed's random stream, so adding them changed no seeded order.
 */

/** Quotes the sandbox knows (v7 quote-to-order takes lines, quantities and prices from the quote). */
export const SANDBOX_QUOTES: Readonly<Record<string, Omit<LineRequest, "index">[]>> = {
  "QUO-20-SANDBOX1": [
    { customerLineNumber: "1", ingramPartNumber: "TSXML1", quantity: 3 },
    {
      customerLineNumber: "2",
      ingramPartNumber: "9HG002",
      quantity: 10,
      subscription: { planId: "M365-BS-ANNUAL", term: "12 Months" },
    },
  ],
};

const hashDigits = (s: string, n: number): string => {
  let h = 7;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) % 1_000_000_007;
  return String(h).padStart(n, "0").slice(-n);
};

export function purchaseOrderNumber(order: SandboxOrder): string {
  return `80${order.ingramOrderNumber.replace(/[^A-Z0-9]/gi, "").slice(-5)}`.toUpperCase();
}

/** Orders placed through Ingram's web channel carry a web order id: v7 requests and the seed's WEB- POs. */
export function webOrderId(order: SandboxOrder): string | undefined {
  if (order.webOrderId) return order.webOrderId;
  return order.customerOrderNumber.startsWith("WEB-") ? hashDigits(order.ingramOrderNumber, 8) : undefined;
}

function addTerm(start: string, term: string): string {
  const [count = "1", unit = "Years"] = term.split(" ");
  const d = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return start;
  if (/^month/i.test(unit)) d.setUTCMonth(d.getUTCMonth() + Number(count));
  else d.setUTCFullYear(d.getUTCFullYear() + Number(count));
  return ymd(d.getTime() - DAY_MS);
}

/** Subscription lines (v7 subscription fields) and electronic licences sold by the year. */
export function serviceContractInfo(order: SandboxOrder, line: SandboxLine): Record<string, unknown> | undefined {
  const item = findPart(line.ingramPartNumber);
  const years = /(\d+) YEAR/.exec(item?.description ?? "")?.[1];
  if (!line.subscription && !(item?.electronic && years)) return undefined;
  const sub = line.subscription ?? {};
  const term = sub.term ?? `${years ?? 1} Years`;
  const rawStart = sub.startDate?.replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3");
  const start = rawStart ?? ymd(order.createdAt);
  const end = addTerm(start, term);
  const contractNumber = hashDigits(`${order.ingramOrderNumber}/${line.ingramLineNumber}`, 9);
  const live = line.lineStatus !== "Canceled";
  return {
    contractInfo: {
      contractDescription: line.partDescription,
      contractNumber,
      contractStatus: live ? "ACTIVE" : "CANCELLED",
      contractStartDate: start,
      contractEndDate: end,
      contractDuration: term,
    },
    subscriptions: {
      subscriptionId: sub.subscriptionId ?? sub.resourceId ?? `SUB-${contractNumber}`,
      subscriptionTerm: term,
      renewalTerm: term,
      billingModel: sub.planId ?? (/month/i.test(term) ? "MONTH" : "YEAR"),
      subcriptionStartDate: start,
      subcriptionEndDate: end,
    },
    licenseInfo: {
      licenseNumber: [`LIC${contractNumber}`],
      licenseStartDate: start,
      licenseEndDate: end,
      description: line.partDescription,
      quantity: String(line.quantityOrdered),
    },
  };
}

/** A backordered line's schedule: what ships at once, and the rest at the backorder ETA (quantities are strings). */
export function scheduleLines(order: SandboxOrder, line: SandboxLine): Record<string, unknown>[] | undefined {
  if (line.quantityBackOrdered <= 0 || line.lineStatus === "Canceled") return undefined;
  const first = {
    lineNumber: "0001",
    scheduleLineDate: line.promisedDeliveryDate ?? ymd(order.createdAt),
    requestedQuantity: String(line.quantityOrdered),
    confirmedQuantity: String(line.quantityConfirmed),
    goodsIssueDate: ymd(order.createdAt + 2 * DAY_MS),
  };
  const rest = {
    lineNumber: "0002",
    scheduleLineDate: line.backOrderETADate ?? ymd(order.createdAt + 21 * DAY_MS),
    requestedQuantity: String(line.quantityBackOrdered),
    confirmedQuantity: "0",
  };
  return line.quantityConfirmed > 0 ? [first, rest] : [rest];
}
