import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { APIRequestContext, Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { FIXTURES } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { resultsTable, tableRows } from "./support/tables";
import { expect, test } from "./support/test";

// Run by playwright.sync.config.ts: a portal whose order index is filled by the real sync (SYNC_ENABLED=1).
// An admin watches the first full pass finish on the admin panel; then people find orders by serial number,
// tracking number and end customer, and sort by total across pages, with the sandbox's own counter showing
// that none of it called Ingram.

const ARTIFACTS = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));
const ingramCalls = async (request: APIRequestContext) =>
  Object.values((await sandboxStats(request)).counts).reduce((a, b) => a + b, 0);
const money = (text: string) => Number(text.replace(/[^0-9.-]/g, ""));

async function phoneShot(page: Page, name: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${ARTIFACTS}${name}-390.png`, animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function search(page: Page, label: string, value: string) {
  await page.goto("/orders");
  const filters = page.getByRole("search", { name: "Filter orders" });
  await filters.getByLabel(label, { exact: true }).fill(value);
  await filters.getByRole("button", { name: "Search" }).click();
  // The results of this search, not the page it was typed on.
  await expect(page).toHaveURL((url) => [...url.searchParams.values()].includes(value));
  await expect(page.getByTestId("synced-at")).toContainText("synced");
  return tableRows(resultsTable(page));
}

test("the sync fills the index; people find orders by serial, tracking and end customer and sort by total, at 0 Ingram calls", async ({
  page,
  request,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const panel = page.getByRole("region", { name: "Order index sync" });
  const seen = new Set<string>();
  await expect(async () => {
    await page.reload();
    const text = (await panel.textContent()) ?? "";
    seen.add(/indexed [\d,]+ of about [\d,?]+ orders/.exec(text)?.[0] ?? "");
    expect(text).toMatch(/last full pass \d+ (s|min) ago/);
  }).toPass({ timeout: 240_000, intervals: [2_000] });
  await expect(panel).not.toContainText("Last error");
  await screenshot(page, "index-sync-admin-panel");
  await phoneShot(page, "index-sync-admin-panel");

  const before = await ingramCalls(request);
  const bySerial = await search(
    page,
    "Search (order, PO, end customer, serial, tracking, part)",
    FIXTURES.shipped.serialNumber,
  );
  expect(bySerial.map((r) => r.Order)).toEqual([FIXTURES.shipped.orderNumber]);
  const endCustomer = bySerial[0]!["End customer"]!;
  expect(endCustomer).not.toBe("—");
  const byTracking = await search(
    page,
    "Search (order, PO, end customer, serial, tracking, part)",
    FIXTURES.shipped.trackingNumber,
  );
  expect(byTracking.map((r) => r.Order)).toEqual([FIXTURES.shipped.orderNumber]);
  const byCustomer = await search(page, "End customer", endCustomer);
  expect(byCustomer.map((r) => r.Order)).toContain(FIXTURES.shipped.orderNumber);
  expect(byCustomer.every((r) => r["End customer"] === endCustomer)).toBe(true);
  await screenshot(page, "index-sync-found-by-end-customer");
  expect(await ingramCalls(request)).toBe(before);

  // Sort by total through the column header, then page on: the global maximum first, pages in order.
  await page.goto("/orders");
  await resultsTable(page)
    .getByRole("link", { name: /^Total/ })
    .click();
  await expect(page).toHaveURL(/sort=total/);
  if (!/dir=desc/.test(page.url()))
    await resultsTable(page)
      .getByRole("link", { name: /^Total/ })
      .click();
  await expect(page).toHaveURL(/dir=desc/);
  const pages: number[][] = [];
  let url = page.url();
  for (;;) {
    await page.goto(url);
    pages.push((await tableRows(resultsTable(page))).map((r) => money(r.Total!)));
    const next = page.getByRole("navigation", { name: "Orders pages" }).getByRole("link", { name: "Next" });
    if (!(await next.count()) || pages.length > 10) break;
    url = new URL((await next.first().getAttribute("href"))!, page.url()).toString();
  }
  const all = pages.flat();
  expect(pages.length).toBeGreaterThan(1);
  expect(all[0]).toBe(Math.max(...all));
  expect(all).toEqual([...all].sort((a, b) => b - a));
  await page.goto(url);
  await screenshot(page, "index-sync-sorted-by-total-last-page");
  await phoneShot(page, "index-sync-sorted-by-total-last-page");
  expect(await ingramCalls(request)).toBe(before);
});
