import { findPart } from "./catalog.ts";
import { lineNo, makeLine } from "./order-factory.ts";
import { RESELLER_BILL_TO, type SeedContext, randomAddress, randomOrder } from "./seed.ts";
import type { DetailStatus, SandboxOrder } from "./sandbox-types.ts";
import { DAY_MS, createRng, ymd } from "./util.ts";

/** The shipped fixture's order and ship dates, in days before the seed base date. */
const SHIPPED_ORDER_AGE_DAYS = 10;
const SHIPPED_SHIP_AGE_DAYS = 8;

/** Well-known orders present in every seed; tests may rely on these. Their dates: `sandboxFixtures`. */
export const SANDBOX_FIXTURES = {
  customerNumber: "20-222222",
  /** On customer hold, not released: modifiable, cancellable, releasable. Lines 001 (TSXML1 x2), 002 (2GZ200 x1). */
  heldOrderNumbers: ["20-HLD01", "20-HLD02", "20-HLD03", "20-HLD04", "20-HLD05"],
  heldOrderLineNumbers: ["001", "002"],
  /** On hold at Ingram (credit review), not a customer hold: no change allowed. Lines 001 (TSXML1 x1). */
  ingramHeldOrderNumber: "20-IHD01",
  ingramHoldReason: "Credit review",
  /** Processing, not on hold: DELETE → 405, PUT → 400. */
  processingOrderNumber: "20-PRC01",
  backorderedOrderNumber: "20-BKO01",
  canceledOrderNumber: "20-CXL01",
  sapOrderNumber: "7059827143",
  shippedOrder: {
    orderNumber: "20-SHP01",
    subOrderNumbers: ["20-SHP01-11", "20-SHP01-21"],
    customerOrderNumber: "PO79123920",
    endCustomerOrderNumber: "EU-555123",
    trackingNumber: "390064340282",
    serialNumber: "Q2EV-5SJ3-E6LN",
    invoiceNumber: "20SHP0111",
    ingramPartNumber: "4AW708",
    vendorPartNumber: "BE7H-M5-K9",
    vendorName: "CISCO",
  },
  /** `customerOrderNumber=ROLLOUT` (partial match) finds exactly `count` orders: three pages at pageSize 25. */
  multiPagePo: { term: "ROLLOUT", count: 57 },
  inStockPartNumber: "TSXML1",
  backorderPartNumber: "DF4128",
  unknownPartNumber: "XXXXXX",
  /** v7 quote-to-order: a quote the sandbox knows (TSXML1 x3 and a 12-month 9HG002 subscription x10). */
  quoteNumber: "QUO-20-SANDBOX1",
  /** A registered customer part number (Ingram's "Order with CPN - SAP" example); it resolves to YZ1478. */
  customerPartNumber: "90NB0GI4-M03110",
} as const;

/**
 * The fixtures with their dates (yyyy-MM-dd) for a sandbox seeded from `base` (its `seedBaseDate`): the held
 * fixtures are created on the base date, the shipped one is ordered and invoiced on the dates given here.
 */
export function sandboxFixtures(base: number) {
  return {
    ...SANDBOX_FIXTURES,
    seedBaseDate: ymd(base),
    shippedOrder: {
      ...SANDBOX_FIXTURES.shippedOrder,
      orderDate: ymd(base - SHIPPED_ORDER_AGE_DAYS * DAY_MS),
      shipDate: ymd(base - SHIPPED_SHIP_AGE_DAYS * DAY_MS),
    },
  };
}

export type SandboxFixtures = ReturnType<typeof sandboxFixtures>;

function fixedOrder(
  ctx: SeedContext,
  number: string,
  status: DetailStatus,
  ageDays: number,
  parts: [string, number][],
): SandboxOrder {
  const rng = createRng(number.split("").reduce((h, c) => h * 31 + c.charCodeAt(0), 7) >>> 0);
  ctx.taken.add(number);
  const createdAt = ctx.base - ageDays * DAY_MS;
  const customerHold = status === "On Hold";
  return {
    ingramOrderNumber: number,
    createdAt,
    orderType: "S",
    customerOrderNumber: `FIX-${number.replace("-", "")}`,
    status,
    customerHold,
    holdPlacedAt: customerHold ? ctx.now : undefined,
    released: false,
    freightCharges: 7.83,
    totalTax: 0,
    currencyCode: "USD",
    paymentTerms: "NET 20 DAYS",
    billToAddressId: "000",
    billToInfo: RESELLER_BILL_TO,
    shipToInfo: randomAddress(rng, "ABC TECHNOLOGIES"),
    endUserInfo: randomAddress(rng, "ABC TECHNOLOGIES"),
    miscellaneousCharges: [],
    lines: parts.map(([pn, quantity], i) =>
      makeLine({
        item: findPart(pn)!,
        quantity,
        ingramLineNumber: lineNo(i + 1),
        customerLineNumber: lineNo(i + 1),
        subOrderNumber: `${number}-11`,
        warehouseId: "30",
        carrierCode: "RG",
        createdAt,
        held: customerHold,
      }),
    ),
  };
}

function shippedFixture(ctx: SeedContext): SandboxOrder {
  const f = SANDBOX_FIXTURES.shippedOrder;
  const order = fixedOrder(ctx, f.orderNumber, "Shipped", SHIPPED_ORDER_AGE_DAYS, [
    ["4AW708", 2],
    ["2GZ200", 3],
  ]);
  order.customerOrderNumber = f.customerOrderNumber;
  order.endCustomerOrderNumber = f.endCustomerOrderNumber;
  const shippedAt = ctx.base - SHIPPED_SHIP_AGE_DAYS * DAY_MS;
  order.lines.forEach((line, i) => {
    line.subOrderNumber = f.subOrderNumbers[i]!;
    line.warehouseId = i === 0 ? "30" : "10";
    line.lineStatus = "Shipped";
    line.quantityConfirmed = line.quantityOrdered;
    line.quantityBackOrdered = 0;
    line.backOrderETADate = undefined;
    line.shipment = {
      deliveryNumber: `80000000${i + 1}1`,
      shippedDate: ymd(shippedAt),
      estimatedDeliveryDate: ymd(shippedAt + 3 * DAY_MS),
      invoiceNumber: line.subOrderNumber.replace(/-/g, ""),
      invoiceDate: ymd(shippedAt),
      trackingNumber: i === 0 ? f.trackingNumber : "390064340299",
      trackingUrl: `https://www.fedex.com/fedextrack/?trknbr=${i === 0 ? f.trackingNumber : "390064340299"}`,
      packageWeight: (line.unitWeight * line.quantityOrdered).toFixed(2),
      cartonNumber: `C0000000${i + 1}`,
      serialNumbers: i === 0 ? [f.serialNumber, "FCH2231V0AB"] : ["123123123", "123123124", "123123125"],
    };
  });
  return order;
}

export function buildFixtures(ctx: SeedContext): SandboxOrder[] {
  const fx = SANDBOX_FIXTURES;
  const held = fx.heldOrderNumbers.map((n, i) =>
    fixedOrder(ctx, n, "On Hold", 0.1 * (i + 1), [
      ["TSXML1", 2],
      ["2GZ200", 1],
    ]),
  );
  const canceled = fixedOrder(ctx, fx.canceledOrderNumber, "Canceled", 30, [["1C6094", 4]]);
  canceled.lines.forEach((l) => {
    l.lineStatus = "Canceled";
    l.quantityConfirmed = 0;
  });
  const sap = fixedOrder(ctx, fx.sapOrderNumber, "Processing", 3, [
    ["8RB884", 5],
    ["9YG948", 5],
  ]);
  sap.orderType = "S";
  sap.lines.forEach((l, i) => {
    l.ingramLineNumber = String((i + 1) * 10);
    l.subOrderNumber = fx.sapOrderNumber;
  });
  const rollout = Array.from({ length: fx.multiPagePo.count }, (_, i) =>
    randomOrder(ctx, { customerOrderNumber: `ACME-ROLLOUT-${String(i + 1).padStart(4, "0")}` }),
  );
  const ingramHeld = fixedOrder(ctx, fx.ingramHeldOrderNumber, "On Hold", 1, [["TSXML1", 1]]);
  ingramHeld.customerHold = false;
  ingramHeld.holdPlacedAt = undefined;
  ingramHeld.ingramHoldReason = fx.ingramHoldReason;
  return [
    ...held,
    ingramHeld,
    fixedOrder(ctx, fx.processingOrderNumber, "Processing", 2, [["TSXML1", 1]]),
    fixedOrder(ctx, fx.backorderedOrderNumber, "Backordered", 6, [["DF4128", 3]]),
    canceled,
    sap,
    shippedFixture(ctx),
    ...rollout,
  ];
}
