import { signIn } from "./support/auth";
import { FIXTURES } from "./support/env";
import { seededDates } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { resultsTable, tableRows } from "./support/tables";
import { expect, test } from "./support/test";

test.beforeEach(async ({ page }) => {
  await signIn(page, "viewer");
});

test("status filter: only the checked status comes back, and the URL holds the filter", async ({ page }) => {
  const filters = page.getByRole("search", { name: "Filter orders" });
  await filters.getByLabel("On hold").check();
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/orders\?orderStatus-in=ON\+HOLD$/);
  const rows = await tableRows(resultsTable(page));
  // Ingram's search reports header status OPEN/CLOSED/CANCELLED only; held orders are OPEN.
  expect(new Set(rows.map((r) => r.Status))).toEqual(new Set(["Open"]));
  const numbers = rows.map((r) => r.Order);
  await expect(filters.getByLabel("On hold")).toBeChecked();
  // 20-HLD03 is never changed by any test; other held fixtures may have been released or cancelled by now.
  expect(numbers).toContain(FIXTURES.held[2]);
  // Processing orders are OPEN too, so their absence shows the hold filter reached Ingram.
  for (const n of [FIXTURES.processing, FIXTURES.shipped.orderNumber, FIXTURES.canceled])
    expect(numbers).not.toContain(n);

  // The same form with another status gives another set.
  await filters.getByLabel("On hold").uncheck();
  await filters.getByLabel("Processing").check();
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/orders\?orderStatus-in=PROCESSING$/);
  await expect(filters.getByLabel("Processing")).toBeChecked();
  const processing = (await tableRows(resultsTable(page))).map((r) => r.Order);
  expect(processing).not.toContain(FIXTURES.held[2]);
  expect(processing).toContain(FIXTURES.processing);
});

test("customer PO filter pages through 57 ROLLOUT orders by URL, 25 per page", async ({ page }) => {
  const filters = page.getByRole("search", { name: "Filter orders" });
  await filters.getByLabel("Customer PO", { exact: true }).fill(FIXTURES.rollout.term);
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/orders\?customerOrderNumber=ROLLOUT$/);
  await expect(page.getByText("57 orders match")).toBeVisible();
  await expect(page.getByText("1–25 of 57")).toBeVisible();
  const page1 = await tableRows(resultsTable(page));
  await screenshot(page, "orders-list-rollout");

  await page.goto("/orders?customerOrderNumber=ROLLOUT&pageNumber=2");
  await expect(page.getByText("26–50 of 57")).toBeVisible();
  await expect(resultsTable(page).locator("caption")).toContainText("page 2 of 3");
  const page2 = await tableRows(resultsTable(page));

  // The pager's own "Next" link writes the page into the URL too.
  await page.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/[?&]pageNumber=3(&|$)/);
  await expect(page.getByText("51–57 of 57")).toBeVisible();
  const page3 = await tableRows(resultsTable(page));

  expect([page1.length, page2.length, page3.length]).toEqual([25, 25, 7]);
  const pos = [...page1, ...page2, ...page3].map((r) => r["Customer PO"]);
  for (const po of pos) expect(po).toMatch(/^ACME-ROLLOUT-\d{4}$/);
  const expected = Array.from({ length: 57 }, (_, i) => `ACME-ROLLOUT-${String(i + 1).padStart(4, "0")}`);
  expect([...pos].sort()).toEqual(expected);
  const orders = [...page1, ...page2, ...page3].map((r) => r.Order);
  expect(new Set(orders).size).toBe(57);
});

test("order date range and part number filters narrow the results", async ({ page, request }) => {
  const s = { ...FIXTURES.shipped, ...(await seededDates(request)).shippedOrder };
  const filters = page.getByRole("search", { name: "Filter orders" });
  await filters.getByLabel("Order date from").fill(s.orderDate);
  await filters.getByLabel("Order date to").fill(s.orderDate);
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(`/orders?ingramOrderDate-bt=${s.orderDate}&ingramOrderDate-bt=${s.orderDate}`);
  const byDate = await tableRows(resultsTable(page));
  expect(byDate.length).toBeGreaterThan(0);
  expect(byDate.map((r) => r.Order)).toContain(s.orderNumber);
  for (const r of byDate) expect(r.Date).toBe(s.orderDate);

  await page.goto("/orders");
  await filters.getByText("More filters").click();
  await filters.getByLabel("Ingram part number").fill(FIXTURES.inStockPart);
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(`/orders?ingramPartNumber=${FIXTURES.inStockPart}`);
  const byPart = (await tableRows(resultsTable(page))).map((r) => r.Order);
  for (const n of [...FIXTURES.held, FIXTURES.processing]) expect(byPart).toContain(n);
  expect(byPart).not.toContain(s.orderNumber);
});

test("a filter that matches nothing shows the empty state", async ({ page }) => {
  await page.goto("/orders?customerOrderNumber=NO-SUCH-PO-E2E");
  await expect(page.getByRole("heading", { name: "No orders match these filters" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Search results" }).locator("table")).toHaveCount(0);
});

test("clicking a column header sorts by it and writes sort and direction into the URL", async ({ page }) => {
  await page.goto("/orders?customerOrderNumber=ROLLOUT");
  const table = resultsTable(page);
  await table.getByRole("link", { name: /^Customer PO/ }).click();
  await expect(page).toHaveURL(/[?&]sort=customerOrderNumber&dir=asc$/);
  await expect(table.locator("thead th[aria-sort=ascending]")).toContainText("Customer PO");
  const asc = (await tableRows(table)).map((r) => r["Customer PO"]);
  expect(asc).toEqual([...asc].sort());
  expect(asc).toHaveLength(25);

  await table.getByRole("link", { name: /^Customer PO/ }).click();
  await expect(page).toHaveURL(/[?&]sort=customerOrderNumber&dir=desc$/);
  await expect(table.locator("thead th[aria-sort=descending]")).toContainText("Customer PO");
  const desc = (await tableRows(table)).map((r) => r["Customer PO"]);
  expect(desc).toEqual([...asc].reverse());

  // The sort survives a reload: it lives in the URL.
  await page.reload();
  expect((await tableRows(resultsTable(page))).map((r) => r["Customer PO"])).toEqual(desc);
});
