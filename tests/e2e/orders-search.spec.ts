import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { FIXTURES } from "./support/env";
import { seededDates } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { resultsTable, tableHeaders, tableRows } from "./support/tables";
import { expect, test } from "./support/test";

const screenshotPath = (name: string) =>
  fileURLToPath(new URL(`../artifacts/screenshots/${name}.png`, import.meta.url));

/** The page as a 390×844 phone shows it, beside the 1280×800 screenshot of the same name. */
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: screenshotPath(`${name}-390`), animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The order date of each row, from the Date column's <time dateTime>. */
const orderDays = (page: Page) =>
  resultsTable(page)
    .locator("tbody tr td:nth-child(2) time")
    .evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime") ?? ""));

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
  // The Date column reads relative to the user's day ("3 days ago"); its <time> holds the day itself.
  const days = await orderDays(page);
  expect(days).toHaveLength(byDate.length);
  for (const d of days) expect(d).toBe(s.orderDate);

  await page.goto("/orders");
  await filters.getByText("More filters").click();
  await filters.getByLabel("Ingram part number").fill(FIXTURES.inStockPart);
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(`/orders?ingramPartNumber=${FIXTURES.inStockPart}`);
  // The suite's own orders use that part too: a page of 100 holds the seeded ones whatever ran before.
  await page.goto(`/orders?ingramPartNumber=${FIXTURES.inStockPart}&pageSize=100`);
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

test("Find: / focuses the header search; results as you type; arrows and Enter open the order, or see all", async ({
  page,
}) => {
  // A live page writes its orders into the index the header search reads.
  await page.goto("/orders?customerOrderNumber=ROLLOUT");
  const [first] = await tableRows(resultsTable(page));
  const find = page.getByRole("combobox", { name: "Find orders" });
  await page.locator("h1").click();
  await page.keyboard.press("/");
  await expect(find).toBeFocused();
  // In a field, / is only a character.
  const po = page.getByRole("search", { name: "Filter orders" }).getByLabel("Customer PO", { exact: true });
  await po.focus();
  await po.press("End");
  await page.keyboard.press("/");
  await expect(po).toBeFocused();
  await expect(po).toHaveValue("ROLLOUT/");

  await find.focus();
  await find.fill(first!["Customer PO"]!);
  const list = page.getByRole("listbox", { name: "Matching orders" });
  await expect(list.getByRole("option").first()).toContainText(first!.Order!);
  await expect(find).toHaveAttribute("aria-expanded", "true");
  await screenshot(page, "header-search-results");
  await phoneShot(page, "header-search-results");
  await find.press("ArrowDown");
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await expect(find).toHaveAttribute(
    "aria-activedescendant",
    (await list.getByRole("option").first().getAttribute("id"))!,
  );
  await find.press("Enter");
  await expect(page).toHaveURL(`/orders/${first!.Order}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(first!.Order!);

  // Enter with nothing highlighted shows every result on the list.
  await find.fill("ROLLOUT");
  await expect(list.getByRole("option", { name: /See all results/ })).toBeVisible();
  await find.press("Enter");
  await expect(page).toHaveURL("/orders?q=ROLLOUT");
  // The vendor filter offers every vendor the index has seen (the ROLLOUT orders' among them).
  const filters = page.getByRole("search", { name: "Filter orders" });
  await expect(filters.getByLabel("Vendor name")).toHaveAttribute("list", "dl-vendorName");
  await expect(page.locator('#dl-vendorName option[value="CISCO"]')).toHaveCount(1);
});

test("date presets: Last 7 days writes the URL and narrows the orders to those days", async ({ page }) => {
  // "36 orders match · synced …" in the page head.
  // The loading skeleton's own ".meta" ("Loading orders…") may still stand beside it while the page streams in.
  const matching = async () => {
    const meta = page.locator(".page-head .meta").filter({ hasText: /orders? match/ });
    await expect(meta).toHaveCount(1);
    return Number(/^([\d,]+) orders? match/.exec(await meta.innerText())![1]!.replace(/,/g, ""));
  };
  await page.goto("/orders");
  const everything = await matching();
  await page.getByRole("navigation", { name: "Order date" }).getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL("/orders?datePreset=7d");
  const presets = page.getByRole("navigation", { name: "Order date" });
  await expect(presets.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "true");
  // The range inputs show the days the preset stands for.
  const filters = page.getByRole("search", { name: "Filter orders" });
  const from = await filters.getByLabel("Order date from").inputValue();
  const to = await filters.getByLabel("Order date to").inputValue();
  const fromDay = new Date(`${to}T00:00:00Z`);
  fromDay.setUTCDate(fromDay.getUTCDate() - 6);
  expect(from).toBe(fromDay.toISOString().slice(0, 10));
  const days = await orderDays(page);
  expect(days.length).toBeGreaterThan(0);
  for (const d of days) expect(d >= from && d <= to, `${d} within ${from}..${to}`).toBe(true);
  // Fewer orders match than without the preset (Ingram's unfiltered search covers about 20 days).
  const inSevenDays = await matching();
  expect(inSevenDays).toBeGreaterThan(0);
  expect(inSevenDays).toBeLessThan(everything);
});

test("columns and density live in the URL, the CSV follows them; a saved view opens as its link", async ({ page }) => {
  await page.goto("/orders?customerOrderNumber=ROLLOUT&sort=customerOrderNumber&dir=desc");
  await page.getByText("Columns and density").click();
  const chooser = page.getByRole("form", { name: "Columns and density" });
  await chooser.getByLabel("Ship date").check();
  await chooser.getByLabel("Lines").check();
  await chooser.getByLabel("Sub-orders").uncheck();
  await chooser.getByLabel("Compact").check();
  await chooser.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]density=compact/);
  const url = new URL(page.url());
  expect(url.searchParams.getAll("cols")).toEqual(expect.arrayContaining(["shipDate", "lineCount"]));
  expect(url.searchParams.getAll("cols")).not.toContain("subOrders");
  expect(url.searchParams.get("sort")).toBe("customerOrderNumber");
  expect(await tableHeaders(resultsTable(page))).toEqual([
    "Order",
    "Date",
    "Customer PO",
    "End customer",
    "Vendors",
    "Ship date",
    "Lines",
    "Total",
    "Status",
  ]);
  await expect(page.locator(".orders-list.density-compact")).toHaveCount(1);
  await screenshot(page, "orders-list-columns-compact");
  await phoneShot(page, "orders-list-columns-compact");

  // The CSV has those columns, in that order, sorted as the list is.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("Order number,Order date,Customer PO,End customer,Vendors,Ship date,Lines,Total,Status");
  const pos = lines.slice(1).map((l) => l.split(",")[2]);
  expect(pos).toHaveLength(57);
  expect(pos.slice(0, 25)).toEqual(pos.slice(0, 25).sort().reverse());

  // Save the view, then open it from another page by its link.
  const name = `E2E compact ${Date.now().toString(36)}`;
  await page.getByText(/^Saved views/).click();
  await page.getByLabel("Save this view as").fill(name);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText(`Saved “${name}”`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Your saved views" }).getByRole("link", { name })).toBeVisible();
  await screenshot(page, "orders-list-saved-views");
  const saved = url.search;
  await page.goto("/orders");
  await page.getByText(/^Saved views \(\d+\)/).click();
  await page.getByRole("list", { name: "Your saved views" }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(`/orders${saved}`);
  await expect(resultsTable(page).locator("thead")).toContainText("Ship date");
  // Opening a view closed the panel.
  await expect(page.getByRole("list", { name: "Your saved views" })).toBeHidden();
  await page.getByText(/^Saved views/).click();
  await page.getByRole("button", { name: `Delete view ${name}` }).click();
  await expect(page.getByRole("link", { name })).toHaveCount(0);
});

test("a page past the end says so and links to the last page; an unknown column falls back to the defaults", async ({
  page,
}) => {
  await page.goto("/orders?customerOrderNumber=ROLLOUT&pageNumber=999");
  // Beside the loading skeleton's own ".meta" while the page streams in.
  await expect(page.locator(".page-head .meta").filter({ hasText: "orders match" })).toContainText("57 orders match");
  await expect(page.getByRole("heading", { name: "Page 999 is past the last page" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No orders match these filters" })).toHaveCount(0);
  await screenshot(page, "orders-list-past-the-end");
  await page.getByRole("link", { name: "Go to the last page (3)" }).click();
  await expect(page).toHaveURL(/[?&]pageNumber=3(&|$)/);
  await expect(page.getByText("51–57 of 57")).toBeVisible();

  // An old link naming a column that is gone still lists the orders, with the default columns and a warning.
  await page.goto("/orders?customerOrderNumber=ROLLOUT&cols=margin");
  await expect(page.getByText("Unknown column: margin.")).toBeVisible();
  await expect(page.getByText("1–25 of 57")).toBeVisible();
  expect(await tableHeaders(resultsTable(page))).toContain("Sub-orders");
});
