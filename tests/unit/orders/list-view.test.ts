import { describe, expect, it } from "vitest";
import {
  colsParam,
  DEFAULT_COLUMNS,
  listViewSchema,
  ORDER_COLUMN_IDS,
  orderListQuerySchema,
  readListUrl,
  visibleColumns,
} from "@/lib/validation/list-view";
import { normalizeViewQuery } from "@/lib/validation/saved-views";
import { SORT_KEYS } from "@/lib/validation/search-filters";

const cols = (v: unknown) => listViewSchema.parse({ cols: v }).cols;

describe("the list's columns in the URL", () => {
  it("shows the default set when cols is absent or blank", () => {
    expect(visibleColumns(listViewSchema.parse({}))).toEqual(DEFAULT_COLUMNS);
    expect(visibleColumns(listViewSchema.parse({ cols: "" }))).toEqual(DEFAULT_COLUMNS);
  });

  it("reads a comma list or repeated keys, in the list's order, always with the order number", () => {
    expect(cols("total,shipDate")).toEqual(["orderNumber", "shipDate", "total"]);
    expect(cols(["lineCount", "vendorName", "orderNumber"])).toEqual(["orderNumber", "vendorName", "lineCount"]);
    expect(cols(["orderNumber"])).toEqual(["orderNumber"]);
    expect(cols("total,total")).toEqual(["orderNumber", "total"]);
  });

  it("names an unknown column instead of dropping it", () => {
    const r = listViewSchema.safeParse({ cols: "total,password,x" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe("Unknown column: password, x.");
    expect(r.error!.issues[0]!.path).toEqual(["cols"]);
  });

  it("writes the default set as no parameter and any other set back the way it reads", () => {
    expect(colsParam(DEFAULT_COLUMNS)).toBeUndefined();
    expect(colsParam(["total", "orderNumber", "shipDate"])).toBe("orderNumber,shipDate,total");
    for (const set of [["total"], ["vendorName", "lineCount"], ORDER_COLUMN_IDS]) {
      const written = colsParam(set as typeof ORDER_COLUMN_IDS);
      expect(visibleColumns(listViewSchema.parse({ cols: written }))).toEqual(
        ORDER_COLUMN_IDS.filter((id) => id === "orderNumber" || (set as string[]).includes(id)),
      );
    }
  });

  it("offers a column for every sort key, with the same id", () => {
    for (const key of SORT_KEYS) expect(ORDER_COLUMN_IDS).toContain(key);
  });

  it("checks density and date preset, naming the field", () => {
    expect(listViewSchema.parse({ density: "compact", datePreset: "7d" })).toMatchObject({
      density: "compact",
      datePreset: "7d",
    });
    const bad = listViewSchema.safeParse({ density: "tiny", datePreset: "yesterday" });
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["datePreset", "density"]);
  });

  it("parses one URL holding filters, sort and view together", () => {
    const q = orderListQuerySchema.parse({
      vendorName: "CISCO",
      endCustomerName: "Acme",
      sort: "total",
      dir: "desc",
      cols: "total",
      density: "compact",
      datePreset: "last-month",
    });
    expect(q).toMatchObject({ vendorName: "CISCO", sort: "total", cols: ["orderNumber", "total"] });
  });
});

describe("a saved view's query", () => {
  it("keeps the list's own parameters in order and drops the page, blanks and strangers", () => {
    expect(normalizeViewQuery("?q=ab&pageNumber=4&cols=total&cols=shipDate&utm_source=mail&vendorName=")).toEqual({
      query: "q=ab&cols=total&cols=shipDate",
    });
    expect(normalizeViewQuery("")).toEqual({ query: "" });
  });

  it("refuses what the list itself would refuse", () => {
    expect(normalizeViewQuery("cols=nope")).toEqual({
      error: "The view's list settings are not valid: Unknown column: nope.",
    });
    expect("error" in normalizeViewQuery("sort=secret")).toBe(true);
    expect("error" in normalizeViewQuery("ingramOrderDate-bt=2026-02-01&ingramOrderDate-bt=2026-01-01")).toBe(true);
  });
});

describe("the orders page reading its URL", () => {
  it("runs the search with the preset and the look it names", () => {
    const url = readListUrl({ vendorName: "CISCO", datePreset: "7d", cols: "total", density: "compact" });
    expect(url).toMatchObject({
      filters: { vendorName: "CISCO" },
      datePreset: "7d",
      columns: ["orderNumber", "total"],
      density: "compact",
      viewProblem: null,
      errors: {},
    });
  });

  it("stops the search for a bad filter or preset, naming the field", () => {
    expect(readListUrl({ sort: "secret" })).toMatchObject({ filters: null, errors: { sort: expect.any(String) } });
    expect(readListUrl({ datePreset: "ever" })).toMatchObject({
      filters: null,
      errors: { datePreset: "Date preset must be today, 7d or last-month." },
    });
  });

  it("keeps searching with the default look when an old link names a column that is gone", () => {
    const url = readListUrl({ vendorName: "CISCO", cols: "total,margin", density: "tiny" });
    expect(url.filters).toMatchObject({ vendorName: "CISCO" });
    expect(url.columns).toEqual(DEFAULT_COLUMNS);
    expect(url.density).toBe("comfortable");
    expect(url.viewProblem).toBe("Unknown column: margin. Density must be comfortable or compact.");
  });
});
