// Issue 9, points 1 and 2 at the route handlers: the header search's results from the order index, the list's
// rows carrying every vendor, the CSV following the chosen columns, sort and date preset, and saved views owned
// by the user who saved them.
import { beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/orders/export/route";
import * as orders from "@/app/api/orders/route";
import * as suggest from "@/app/api/orders/suggest/route";
import * as view from "@/app/api/views/[id]/route";
import * as views from "@/app/api/views/route";
import { dayIn } from "@/lib/calendar";
import { indexAccount } from "@/lib/order-index/index-detail";
import { listFacets } from "@/lib/order-index/index-facets";
import { orderFilterChoices } from "@/lib/orders/search-orders";
import { fillIndexInBulk } from "@/tests/support/order-index";
import { call, useOrdersHarness } from "./harness";

const h = useOrdersHarness({ webhookDelayMs: 60_000 });
const calls = () => Object.values(h.sb.sandbox.stats.toJSON().counts).reduce((a, b) => a + b, 0);
const today = dayIn(new Date(), "UTC");

/** Three orders worth finding: one with two vendors, a serial and a tracking number; two with one vendor. */
const FINDABLE = [
  {
    orderNumber: "70-FIND01",
    vendorNames: ["SAMSUNG", "CISCO"],
    serialNumbers: ["SN-FIND-42"],
    trackingNumbers: ["1ZFIND0042"],
    endCustomerName: "Findable Clinic",
    total: "900.00",
    lineCount: 3,
    shipDate: new Date(`${today}T00:00:00Z`),
    orderDate: new Date(`${today}T00:00:00Z`),
  },
  {
    orderNumber: "70-FIND02",
    vendorNames: ["CISCO"],
    endCustomerName: "Findable Clinic",
    total: "1500.00",
    lineCount: 1,
  },
  { orderNumber: "70-FIND03", vendorNames: ["SAMSUNG"], endCustomerName: "Other Corp", total: "20.00", lineCount: 2 },
];

beforeAll(async () => {
  await fillIndexInBulk(h.t.db, 200);
  const at = new Date();
  await h.t.db.indexedOrder.createMany({
    data: FINDABLE.map((o, i) => ({
      ...indexAccount(),
      status: "open",
      ingramStatus: "Open",
      orderDate: new Date(Date.UTC(2025, 5, 1 + i)),
      customerOrderNumber: `FIND-PO-${i + 1}`,
      currency: "USD",
      lastSeenAt: at,
      lastSeenVia: "details",
      ...o,
      searchText: [o.orderNumber, `find-po-${i + 1}`, o.endCustomerName, ...o.vendorNames, ...(o.serialNumbers ?? [])]
        .concat(o.trackingNumbers ?? [])
        .join(" ")
        .toLowerCase(),
    })),
  });
});

describe("GET /api/orders/suggest (the header search)", () => {
  it("finds an order by serial, tracking, end customer and order number from the index, at 0 Ingram calls", async () => {
    const before = calls();
    const bySerial = await call(h, suggest.GET, "/api/orders/suggest", { as: "viewer", query: "q=sn-find-42" });
    expect(bySerial.status).toBe(200);
    const body = await bySerial.json();
    expect(body.total).toBe(1);
    expect(body.results).toEqual([
      expect.objectContaining({ orderNumber: "70-FIND01", vendorNames: ["SAMSUNG", "CISCO"], status: "Open" }),
    ]);
    const numbers = async (q: string) =>
      (await (await call(h, suggest.GET, "/api/orders/suggest", { as: "viewer", query: q })).json()).results.map(
        (r: { orderNumber: string }) => r.orderNumber,
      );
    expect(await numbers("q=1ZFIND0042")).toEqual(["70-FIND01"]);
    expect((await numbers("q=findable+clinic")).sort()).toEqual(["70-FIND01", "70-FIND02"]);
    expect(await numbers("q=70-FIND03")).toEqual(["70-FIND03"]);
    expect(await numbers("q=nothing-like-this")).toEqual([]);
    expect(calls() - before).toBe(0);
  });

  it("caps the results at limit but counts every match", async () => {
    const res = await call(h, suggest.GET, "/api/orders/suggest", { as: "viewer", query: "q=bulk&limit=5" });
    const body = await res.json();
    expect(body.results).toHaveLength(5);
    expect(body.total).toBe(200);
  });

  it("refuses blank or oversized text naming the field, and anonymous callers", async () => {
    const blank = await call(h, suggest.GET, "/api/orders/suggest", { as: "viewer", query: "q=%20" });
    expect(blank.status).toBe(400);
    expect((await blank.json()).error.fields.q).toMatch(/required/);
    const long = await call(h, suggest.GET, "/api/orders/suggest", { as: "viewer", query: `q=${"x".repeat(101)}` });
    expect((await long.json()).error.fields.q).toMatch(/at most 100/);
    expect((await call(h, suggest.GET, "/api/orders/suggest", { as: "anonymous", query: "q=x" })).status).toBe(401);
  });
});

describe("the list shows every vendor", () => {
  it("a CISCO search lists the SAMSUNG+CISCO order with both vendors", async () => {
    const res = await call(h, orders.GET, "/api/orders", { as: "viewer", query: "vendorName=CISCO&sort=total" });
    const page = await res.json();
    const found = page.orders.filter((o: { orderNumber: string }) => o.orderNumber.startsWith("70-"));
    expect(found.map((o: { orderNumber: string; vendorNames: string[] }) => [o.orderNumber, o.vendorNames])).toEqual([
      ["70-FIND01", ["SAMSUNG", "CISCO"]],
      ["70-FIND02", ["CISCO"]],
    ]);
  });
});

describe("the vendor and end-customer filters' choices", () => {
  it("are every vendor and end customer the index knows, read again after a write", async () => {
    const first = await listFacets(h.t.db, indexAccount());
    expect(first.vendors).toEqual(expect.arrayContaining(["CISCO", "SAMSUNG", "VENDOR 0", "VENDOR 12"]));
    expect(first.vendors).toHaveLength(15);
    expect(first.endCustomers).toEqual(expect.arrayContaining(["Findable Clinic", "Other Corp", "BULK CUSTOMER 96"]));
    expect(await listFacets(h.t.db, indexAccount())).toEqual(first);
    await h.t.db.indexedOrder.update({
      where: { customerNumber_countryCode_orderNumber: { ...indexAccount(), orderNumber: "70-FIND03" } },
      data: { vendorNames: ["SAMSUNG", "LENOVO"] },
    });
    expect((await listFacets(h.t.db, indexAccount())).vendors).toContain("LENOVO");
    await expect(orderFilterChoices(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("GET /api/orders/export follows the list", () => {
  it("writes the chosen columns in the list's order, sorted as asked", async () => {
    const res = await call(h, exportRoute.GET, "/api/orders/export", {
      as: "viewer",
      query: "q=findable&cols=lineCount,vendorName,shipDate,orderNumber&sort=total&dir=desc",
    });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines).toEqual([
      "Order number,Vendors,Ship date,Lines",
      "70-FIND02,CISCO,,1",
      `70-FIND01,"SAMSUNG, CISCO",${today},3`,
    ]);
  });

  it("uses the list's default columns without cols, and the date preset's range", async () => {
    const res = await call(h, exportRoute.GET, "/api/orders/export", { as: "viewer", query: "datePreset=today" });
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("Order number,Order date,Customer PO,End customer,Vendors,Total,Status,Sub-orders");
    expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["70-FIND01"]);
  });

  it("names an unknown column or preset instead of ignoring it", async () => {
    const res = await call(h, exportRoute.GET, "/api/orders/export", { as: "viewer", query: "cols=total,secret" });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.cols).toBe("Unknown column: secret.");
    const preset = await call(h, exportRoute.GET, "/api/orders/export", { as: "viewer", query: "datePreset=ever" });
    expect((await preset.json()).error.fields.datePreset).toMatch(/today, 7d or last-month/);
  });
});

describe("saved views", () => {
  const save = (as: "viewer" | "buyer" | "anonymous", body: unknown) =>
    call(h, views.POST, "/api/views", { as, method: "POST", body });
  const list = async (as: "viewer" | "buyer") =>
    (await (await call(h, views.GET, "/api/views", { as })).json()).views as { id: string; name: string }[];

  it("a viewer saves a view (the page left out), lists it, opens it; another user sees and deletes nothing", async () => {
    const res = await save("viewer", {
      name: "  CISCO compact ",
      query: "?vendorName=CISCO&pageNumber=3&cols=total&density=compact&utm=x",
    });
    expect(res.status).toBe(201);
    const { view: saved } = await res.json();
    expect(saved).toMatchObject({
      name: "CISCO compact",
      query: "vendorName=CISCO&cols=total&density=compact",
      href: "/orders?vendorName=CISCO&cols=total&density=compact",
    });
    expect((await list("viewer")).map((v) => v.name)).toEqual(["CISCO compact"]);
    expect(await list("buyer")).toEqual([]);

    const mine = await call(h, view.GET, "/api/views/x", { as: "viewer", params: { id: saved.id } });
    expect((await mine.json()).view.href).toBe(saved.href);
    const theirs = await call(h, view.GET, "/api/views/x", { as: "buyer", params: { id: saved.id } });
    expect(theirs.status).toBe(404);
    const del = await call(h, view.DELETE, "/api/views/x", { as: "buyer", method: "DELETE", params: { id: saved.id } });
    expect(del.status).toBe(404);
    expect(await h.t.db.savedView.count({ where: { id: saved.id } })).toBe(1);

    const gone = await call(h, view.DELETE, "/api/views/x", {
      as: "viewer",
      method: "DELETE",
      params: { id: saved.id },
    });
    expect(gone.status).toBe(204);
    expect(await list("viewer")).toEqual([]);
    expect((await call(h, view.GET, "/api/views/x", { as: "viewer", params: { id: saved.id } })).status).toBe(404);
    expect((await call(h, view.GET, "/api/views/x", { as: "viewer", params: { id: "not-a-uuid" } })).status).toBe(404);
  });

  it("refuses a blank name, a taken name and a query the list would not accept, naming the field", async () => {
    const blank = await save("viewer", { name: " ", query: "" });
    expect(blank.status).toBe(422);
    expect((await blank.json()).error.fields.name).toBe("Name is required.");
    expect((await save("viewer", { name: "Mine", query: "" })).status).toBe(201);
    const taken = await save("viewer", { name: "Mine", query: "q=x" });
    expect(taken.status).toBe(409);
    expect((await taken.json()).error.fields.name).toMatch(/already have a view/);
    // Names are per user: the buyer may use the same one.
    expect((await save("buyer", { name: "Mine", query: "" })).status).toBe(201);
    const bad = await save("viewer", { name: "Bad", query: "cols=nope" });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields.query).toMatch(/Unknown column: nope/);
    expect((await save("anonymous", { name: "X", query: "" })).status).toBe(401);
  });
});
