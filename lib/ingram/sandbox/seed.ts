import { CATALOG, CITIES, CONTACTS, END_USERS, PHYSICAL_CARRIERS, PHYSICAL_WAREHOUSES, STREETS } from "./catalog.ts";
import { lineNo, makeLine } from "./order-factory.ts";
import { shipLine } from "./shipping.ts";
import type { Address, DetailStatus, SandboxOrder } from "./sandbox-types.ts";
import { type Rng, DAY_MS, alnum, chance, digits, int, pick, round2, ymd } from "./util.ts";

/**
 * The instant seeded dates count back from: 17:00 UTC of the day before `now`. Every seeded order date is then
 * in the past, recent orders fall inside a no-filter search's 20-day window whatever the date, and every start
 * on the same UTC day seeds identical data.
 */
export function defaultSeedBaseDate(now: number): number {
  const day = new Date(now);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() - 1, 17, 0, 0);
}

const PARTS = [...CATALOG.values()].filter((p) => !p.ingramPartNumber.startsWith("TSXML"));

export const RESELLER_BILL_TO: Address = {
  contact: "ACCOUNTS PAYABLE",
  companyName: "ORDERDESK DEMO RESELLER",
  addressLine1: "3351 MICHELSON DR",
  addressLine2: "SUITE 100",
  city: "IRVINE",
  state: "CA",
  postalCode: "926120000",
  countryCode: "US",
  phoneNumber: "714-566-1000",
  email: "ap@orderdesk.example",
};

export function randomAddress(rng: Rng, companyName: string): Address {
  const [city, state, postalCode] = pick(rng, CITIES);
  const contact = pick(rng, CONTACTS);
  return {
    contact,
    companyName,
    addressLine1: `${pick(rng, STREETS)}`,
    addressLine2: chance(rng, 0.3) ? `SUITE ${int(rng, 100, 999)}` : undefined,
    city,
    state,
    postalCode,
    countryCode: "US",
    phoneNumber: `${int(rng, 200, 989)}-${digits(rng, 3)}-${digits(rng, 4)}`,
    email: `${contact.split(" ")[0]!.toLowerCase()}@${companyName
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase()
      .slice(0, 12)}.example`,
  };
}

const STATUS_WEIGHTS: [DetailStatus, number][] = [
  ["Shipped", 0.32],
  ["Delivered", 0.18],
  ["Processing", 0.18],
  ["Backordered", 0.1],
  ["On Hold", 0.08],
  ["Canceled", 0.14],
];

function pickStatus(rng: Rng): DetailStatus {
  let r = rng();
  for (const [status, w] of STATUS_WEIGHTS) if ((r -= w) < 0) return status;
  return "Processing";
}

function customerPo(rng: Rng): string {
  const r = rng();
  if (r < 0.7) return `PO${digits(rng, 8)}`;
  if (r < 0.85) return `REQ-${digits(rng, 6)}`;
  return `${pick(rng, ["SO", "MYPO", "WEB", "QUOTE"])}-${alnum(rng, 5)}`;
}

const INGRAM_HOLD_REASONS = ["Credit review", "Vendor authorisation", "Order review"];

export interface SeedContext {
  rng: Rng;
  taken: Set<string>;
  /** Sandbox clock at seeding: when seeded customer holds start their 24 h. */
  now: number;
  /** Seeded orders are created before this instant and nothing seeded happens after it. */
  base: number;
}

export function newOrderNumber(rng: Rng, taken: Set<string>, sap = false): string {
  for (;;) {
    const n = sap ? `70${digits(rng, 8)}` : `${pick(rng, ["20", "20", "20", "20", "30", "40"])}-${alnum(rng, 5)}`;
    if (!taken.has(n)) {
      taken.add(n);
      return n;
    }
  }
}

export function randomOrder(
  ctx: SeedContext,
  overrides: { customerOrderNumber?: string; sap?: boolean } = {},
): SandboxOrder {
  const { rng } = ctx;
  const number = newOrderNumber(rng, ctx.taken, overrides.sap);
  const createdAt = ctx.base - Math.floor(rng() * 120 * DAY_MS);
  let status = pickStatus(rng);
  if (status === "On Hold" && createdAt < ctx.base - 10 * DAY_MS) status = "Processing";
  const customerHold = status === "On Hold" && chance(rng, 0.5);
  const endUser = pick(rng, END_USERS);
  const lineCount = int(rng, 1, chance(rng, 0.2) ? 6 : 3);
  const split = lineCount >= 2 && chance(rng, 0.3);
  const warehouses = [pick(rng, PHYSICAL_WAREHOUSES), pick(rng, PHYSICAL_WAREHOUSES)];
  const carrier = pick(rng, PHYSICAL_CARRIERS);
  const sapLines = overrides.sap === true;
  const order: SandboxOrder = {
    ingramOrderNumber: number,
    createdAt,
    orderType: chance(rng, 0.1) ? "D" : "S",
    customerOrderNumber: overrides.customerOrderNumber ?? customerPo(rng),
    endCustomerOrderNumber: chance(rng, 0.5) ? `EU-${digits(rng, 6)}` : undefined,
    status,
    customerHold,
    holdPlacedAt: customerHold ? ctx.now : undefined,
    // Chosen from the number, not the generator, so that adding it left every other seeded value as it was.
    ingramHoldReason: status === "On Hold" && !customerHold ? INGRAM_HOLD_REASONS[number.charCodeAt(4) % 3] : undefined,
    released: false,
    freightCharges: chance(rng, 0.6) ? round2(5 + rng() * 40) : 0,
    totalTax: 0,
    currencyCode: "USD",
    paymentTerms: pick(rng, ["NET 20 DAYS", "Net 30 days"]),
    notes: chance(rng, 0.15) ? "PLEASE DELIVER TO RECEIVING DOCK" : undefined,
    billToAddressId: "000",
    specialBidNumber: chance(rng, 0.08) ? `SB${digits(rng, 8)}` : undefined,
    billToInfo: RESELLER_BILL_TO,
    shipToInfo: randomAddress(rng, endUser),
    endUserInfo: randomAddress(rng, endUser),
    lines: [],
    miscellaneousCharges: [],
  };
  if (order.orderType === "D") order.vendorSalesOrderNumber = digits(rng, 7);
  for (let i = 0; i < lineCount; i++) {
    const suffix = split && i >= Math.ceil(lineCount / 2) ? "21" : "11";
    const item = pick(rng, PARTS);
    const line = makeLine({
      item,
      quantity: chance(rng, 0.7) ? int(rng, 1, 5) : int(rng, 6, 50),
      ingramLineNumber: sapLines ? String((i + 1) * 10) : lineNo(i + 1),
      customerLineNumber: lineNo(i + 1),
      subOrderNumber: `${number}-${suffix}`,
      warehouseId: warehouses[suffix === "21" ? 1 : 0]!,
      carrierCode: carrier,
      createdAt,
      held: status === "On Hold",
      specialBidNumber: order.specialBidNumber,
    });
    applyStatus(line, status, rng, createdAt, ctx.base);
    order.lines.push(line);
  }
  const sub = order.lines.reduce((s, l) => s + l.unitPrice * l.quantityOrdered, 0);
  if (chance(rng, 0.5)) order.totalTax = round2(sub * 0.0725);
  if (chance(rng, 0.1)) {
    order.miscellaneousCharges.push({
      subOrderNumber: order.lines[0]!.subOrderNumber,
      chargeLineReference: "885",
      chargeDescription: "RECYCLING FEE",
      chargeAmount: round2(2 + rng() * 8),
    });
  }
  return order;
}

function applyStatus(
  line: SandboxOrder["lines"][number],
  status: DetailStatus,
  rng: Rng,
  createdAt: number,
  base: number,
): void {
  if (status === "Shipped" || status === "Delivered") {
    // A recent order cannot have shipped or been delivered after the base date: those dates stop there.
    shipLine(line, rng, Math.min(createdAt + int(rng, 1, 3) * DAY_MS, base), status === "Delivered");
    const shipment = line.shipment!;
    if (shipment.deliveredDate !== undefined && shipment.deliveredDate > ymd(base)) shipment.deliveredDate = ymd(base);
  } else if (status === "Canceled") {
    line.lineStatus = "Canceled";
    line.quantityConfirmed = 0;
    line.quantityBackOrdered = 0;
    line.backOrderETADate = undefined;
  } else if (status === "Backordered" && line.quantityBackOrdered === 0) {
    line.lineStatus = "Backordered";
    line.quantityBackOrdered = line.quantityOrdered;
    line.quantityConfirmed = 0;
    line.backOrderETADate = `${new Date(createdAt + 21 * DAY_MS).toISOString().slice(0, 10)}`;
  } else if (status === "Processing" && line.quantityBackOrdered > 0) {
    line.quantityConfirmed = line.quantityOrdered;
    line.quantityBackOrdered = 0;
    line.backOrderETADate = undefined;
    line.lineStatus = "In Progress";
  }
}
