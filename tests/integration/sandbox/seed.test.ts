import { afterAll, describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { type Sandbox, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";

describe("sandbox seed data", () => {
  const opened: Sandbox[] = [];
  const start = async (seed?: number) => {
    const sb = await startSandbox({ seed });
    opened.push(sb);
    return sb;
  };
  afterAll(() => Promise.all(opened.map((sb) => sb.close())));

  const strip = (sb: Sandbox) =>
    JSON.stringify(sb.store.listOrders().map(({ holdPlacedAt: _ignored, ...rest }) => rest));

  it("is deterministic for a seed and differs across seeds", async () => {
    const [a, b, c] = await Promise.all([start(42), start(42), start(7)]);
    expect(strip(a)).toBe(strip(b));
    expect(strip(a)).not.toBe(strip(c));
    expect(a.store.listOrders().length).toBeGreaterThanOrEqual(600);
  });

  it("looks like Ingram data: order numbers, sub-orders, statuses, USD", async () => {
    const sb = await start();
    const orders = sb.store.listOrders();
    const numbers = orders.map((o) => o.ingramOrderNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.filter((n) => /^\d{2}-[A-Z0-9]{5}$/.test(n)).length).toBeGreaterThan(590);
    expect(numbers.filter((n) => /^\d{10}$/.test(n)).length).toBeGreaterThanOrEqual(3);
    expect(orders.some((o) => o.lines.some((l) => l.subOrderNumber.endsWith("-21")))).toBe(true);
    const statuses = new Set(orders.map((o) => o.status));
    for (const s of ["Processing", "Shipped", "Backordered", "On Hold", "Canceled", "Delivered"])
      expect(statuses).toContain(s);
    expect(orders.filter((o) => o.customerHold).length).toBeGreaterThan(F.heldOrderNumbers.length);
    expect(new Set(orders.map((o) => o.currencyCode))).toEqual(new Set(["USD"]));
    const ages = orders.map((o) => sb.seedBaseDate - o.createdAt);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(121 * 86_400_000);
    const shipped = orders.filter((o) => o.status === "Shipped");
    expect(shipped.every((o) => o.lines.every((l) => l.shipment?.trackingNumber && l.shipment.invoiceNumber))).toBe(
      true,
    );
  });

  it("contains the documented fixtures", async () => {
    const { store } = await start();
    for (const n of F.heldOrderNumbers)
      expect(store.getOrder(n)).toMatchObject({ status: "On Hold", customerHold: true, released: false });
    expect(store.getOrder(F.processingOrderNumber)).toMatchObject({ status: "Processing", customerHold: false });
    expect(store.getOrder(F.canceledOrderNumber)!.status).toBe("Canceled");
    expect(store.getOrder(F.backorderedOrderNumber)!.status).toBe("Backordered");
    expect(store.getOrder(F.sapOrderNumber)).toBeDefined();
    const shipped = store.getOrder(F.shippedOrder.orderNumber)!;
    expect(shipped.customerOrderNumber).toBe(F.shippedOrder.customerOrderNumber);
    expect(shipped.lines[0]!.shipment).toMatchObject({
      trackingNumber: F.shippedOrder.trackingNumber,
      invoiceNumber: F.shippedOrder.invoiceNumber,
    });
    expect(shipped.lines[0]!.shipment!.serialNumbers).toContain(F.shippedOrder.serialNumber);
    const rollout = store.listOrders().filter((o) => o.customerOrderNumber.toUpperCase().includes(F.multiPagePo.term));
    expect(rollout).toHaveLength(F.multiPagePo.count);
  });
});
