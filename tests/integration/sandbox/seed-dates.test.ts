import { afterAll, describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { DEFAULT_WINDOW_DAYS } from "@/lib/ingram/sandbox/search";
import { type Sandbox, type SandboxOptions, startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import type { SandboxOrder } from "@/lib/ingram/sandbox/sandbox-types";
import { DAY_MS, ymd } from "@/lib/ingram/sandbox/util";
import { fetchToken, imHeaders } from "./helpers.ts";

/** A day far from any date this suite was written on, and from the wall clock: the seed must follow it. */
const LATER = Date.now() + 40 * DAY_MS;

describe("sandbox seed dates follow the sandbox's start day", () => {
  const opened: Sandbox[] = [];
  const start = async (opts: SandboxOptions) => {
    const sb = await startSandbox({ orderCount: 200, rateLimitPerMinute: null, ...opts });
    opened.push(sb);
    return sb;
  };
  afterAll(() => Promise.all(opened.map((sb) => sb.close())));

  /** Every page of a search with no filter at all. */
  async function unfiltered(sb: Sandbox): Promise<{ status: number; numbers: string[] }> {
    const headers = imHeaders(await fetchToken(sb));
    const numbers: string[] = [];
    for (let page = 1; ; page++) {
      const res = await fetch(`${sb.url}/resellers/v6/orders/search?pageSize=100&pageNumber=${page}`, { headers });
      if (res.status !== 200) {
        if (page === 1) return { status: res.status, numbers };
        throw new Error(`page ${page} answered ${res.status}`);
      }
      const body = (await res.json()) as { orders: { ingramOrderNumber: string }[]; nextPage?: string };
      numbers.push(...body.orders.map((o) => o.ingramOrderNumber));
      if (!body.nextPage) return { status: 200, numbers };
    }
  }

  const withoutHoldStamp = (orders: SandboxOrder[]) =>
    JSON.stringify(orders.map(({ holdPlacedAt: _ignored, ...rest }) => rest));

  it("seeds from 17:00 UTC of the day before the clock's start, so a search with no filter finds orders then", async () => {
    const sb = await start({ now: LATER });
    expect(sb.seedBaseDate).toBe(Date.parse(`${ymd(LATER - DAY_MS)}T17:00:00Z`));
    const from = ymd(sb.clock.now() - DEFAULT_WINDOW_DAYS * DAY_MS);
    const expected = sb.store
      .listOrders()
      .filter((o) => ymd(o.createdAt) >= from)
      .map((o) => o.ingramOrderNumber);
    const found = await unfiltered(sb);
    expect(found.status).toBe(200);
    expect(found.numbers.sort()).toEqual(expected.sort());
    expect(found.numbers).toEqual(expect.arrayContaining([...F.heldOrderNumbers, F.processingOrderNumber]));
    expect(found.numbers.length).toBeGreaterThan(F.heldOrderNumbers.length + 10);
  });

  it("finds nothing with no filter when the seed is older than the window: the base date is what keeps it current", async () => {
    const sb = await start({ now: LATER, seedBaseDate: LATER - 150 * DAY_MS });
    expect((await unfiltered(sb)).status).toBe(204);
  });

  it("dates nothing after the base date, and the base date is in the past", async () => {
    const sb = await start({ now: LATER, orderCount: 600 });
    const base = ymd(sb.seedBaseDate);
    expect(sb.seedBaseDate).toBeLessThan(sb.clock.now());
    const dates = sb.store
      .listOrders()
      .flatMap((o) => [
        ymd(o.createdAt),
        ...o.lines.flatMap((l) => [l.shipment?.shippedDate, l.shipment?.invoiceDate, l.shipment?.deliveredDate]),
      ]);
    const late = dates.filter((d) => d !== undefined && d > base);
    expect(late).toEqual([]);
    expect(dates.filter((d) => d === base).length).toBeGreaterThan(F.heldOrderNumbers.length);
  });

  it("is identical for every start on the same day and moves whole days with the start day", async () => {
    const day = Date.parse(`${ymd(LATER)}T00:00:00Z`);
    const [morning, evening, nextDay] = await Promise.all([
      start({ now: day + 60_000 }),
      start({ now: day + DAY_MS - 60_000 }),
      start({ now: day + DAY_MS + 60_000 }),
    ]);
    expect(withoutHoldStamp(morning.store.listOrders())).toBe(withoutHoldStamp(evening.store.listOrders()));
    expect(nextDay.seedBaseDate - morning.seedBaseDate).toBe(DAY_MS);
    const a = morning.store.listOrders();
    const b = nextDay.store.listOrders();
    expect(b.map((o) => o.ingramOrderNumber)).toEqual(a.map((o) => o.ingramOrderNumber));
    expect(b.map((o) => o.createdAt - DAY_MS)).toEqual(a.map((o) => o.createdAt));
  });

  it("keeps an explicit base date, across reset() too, and publishes the fixtures' dates", async () => {
    const base = Date.UTC(2031, 4, 14, 17, 0, 0);
    const sb = await start({ seedBaseDate: base });
    expect(sb.seedBaseDate).toBe(base);
    const shipped = () => sb.store.getOrder(F.shippedOrder.orderNumber)!;
    expect(ymd(shipped().createdAt)).toBe(sb.fixtures.shippedOrder.orderDate);
    expect(shipped().lines.map((l) => l.shipment?.shippedDate)).toEqual([
      sb.fixtures.shippedOrder.shipDate,
      sb.fixtures.shippedOrder.shipDate,
    ]);
    expect(sb.fixtures).toMatchObject({ seedBaseDate: "2031-05-14", shippedOrder: { shipDate: "2031-05-06" } });
    const before = withoutHoldStamp(sb.store.listOrders());
    sb.clock.advance(3 * DAY_MS);
    sb.reset();
    expect(withoutHoldStamp(sb.store.listOrders())).toBe(before);
    const res = await fetch(`${sb.url}/__sandbox/fixtures`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(sb.fixtures)));
  });

  it("starts its clock at `now` and returns there on reset()", async () => {
    const sb = await start({ now: LATER });
    const ran = sb.clock.now() - LATER;
    expect(ran).toBeGreaterThanOrEqual(0);
    expect(ran).toBeLessThan(DAY_MS);
    sb.clock.advance(5 * DAY_MS);
    sb.reset();
    expect(Math.abs(sb.clock.now() - LATER)).toBeLessThan(DAY_MS);
  });
});
