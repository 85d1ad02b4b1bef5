import { signIn } from "./support/auth";
import { FIXTURES, uniquePo } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { resultsTable, tableRows } from "./support/tables";
import { expect, test } from "./support/test";

test.beforeEach(async ({ page }) => {
  await signIn(page, "buyer");
  await page.goto("/orders/new");
  await expect(page.getByRole("heading", { level: 1, name: "New order" })).toBeVisible();
});

test("an empty submission shows each error beside its field and sends nothing", async ({ page, request }) => {
  const before = (await sandboxStats(request)).counts.create;
  await page.getByRole("group", { name: "Line 1" }).getByLabel("Quantity").fill("0");
  await page.getByRole("button", { name: "Create order" }).click();
  const po = page.getByLabel("Customer PO number", { exact: true });
  await expect(po).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#customerOrderNumber-error")).toHaveText("Customer PO number is required.");
  const line = page.getByRole("group", { name: "Line 1" });
  await expect(line.locator(".error")).toHaveCount(2);
  await expect(line.getByLabel("Line 1 · Ingram part number")).toHaveAttribute("aria-invalid", "true");
  await expect(po).toBeFocused();
  await screenshot(page, "order-new-errors");
  expect((await sandboxStats(request)).counts.create).toBe(before);
});

test("one good and one unknown part: the 207 result shows each line accepted or rejected with the reason; a double-click creates 1 order", async ({
  page,
  request,
}) => {
  const po = uniquePo("E2E-207");
  // A second server render of the form: row ids must still match what the browser's rows use.
  await page.reload();
  await page.getByLabel("Customer PO number", { exact: true }).fill(po);
  await page
    .getByRole("group", { name: "Line 1" })
    .getByLabel("Line 1 · Ingram part number")
    .fill(FIXTURES.inStockPart);
  await page.getByRole("group", { name: "Line 1" }).getByLabel("Quantity").fill("1");
  await page.getByRole("button", { name: "Add line" }).first().click();
  const line2 = page.getByRole("group", { name: "Line 2" });
  await line2.getByLabel("Line 2 · Ingram part number").fill(FIXTURES.unknownPart);
  await line2.getByLabel("Quantity").fill("1");
  await screenshot(page, "order-new-filled");

  const before = await sandboxStats(request);
  await page.getByRole("button", { name: "Create order" }).dblclick();

  const result = page.getByRole("region", { name: /Order created with 1 rejected line/ });
  await expect(result).toBeVisible();
  const rows = await tableRows(result.locator("table.data"));
  expect(rows).toHaveLength(2);
  const good = rows.find((r) => r.Part === FIXTURES.inStockPart)!;
  const bad = rows.find((r) => r.Part === FIXTURES.unknownPart)!;
  expect(good.Result).toBe("Accepted");
  const orderLink = result.locator("ul.timeline a");
  await expect(orderLink).toHaveCount(1);
  const orderNumber = (await orderLink.textContent())!.trim();
  expect(orderNumber).toMatch(/^\d{2}-[A-Z0-9]+$/);
  // The accepted line names the (sub-)order it went to.
  expect(good.Order?.startsWith(orderNumber)).toBe(true);
  expect(bad.Result).toBe("Rejected");
  // Ingram lists rejected lines under the order it did create, with its reason code.
  expect(["—", orderNumber]).toContain(bad.Order);
  expect(bad["Status or reason"]).toMatch(/NOTFOUND/i);
  // In plain words, with Ingram's own text and code kept.
  expect(bad["Status or reason"]).toContain(`Ingram does not know the part number ${FIXTURES.unknownPart}`);
  expect(bad["Status or reason"]).toContain(`Ingram: SKU-NOTFOUND ${FIXTURES.unknownPart} (EN)`);
  await expect(result.getByRole("link", { name: "Open order" })).toHaveAttribute("href", `/orders/${orderNumber}`);
  await screenshot(page, "order-new-207-result");

  const after = await sandboxStats(request);
  expect(after.counts.create - before.counts.create, "upstream creates for one double-clicked submission").toBe(1);
  const creates = after.requests.filter((r) => r.op === "create" && JSON.stringify(r.body).includes(po));
  expect(creates).toHaveLength(1);

  // "Resend rejected lines" starts a new order with the rejected line, for the buyer to correct.
  await result.getByRole("link", { name: "Resend rejected lines" }).click();
  await expect(page).toHaveURL(`/orders/new?line=${FIXTURES.unknownPart}*1`);
  await expect(page.getByTestId("prefilled")).toContainText("Started with the line Ingram rejected");
  const resent = page.getByRole("group", { name: "Line 1" });
  await expect(resent.getByLabel("Line 1 · Ingram part number")).toHaveValue(FIXTURES.unknownPart);
  await expect(resent.getByLabel("Quantity")).toHaveValue("1");
  await expect(page.getByRole("group", { name: "Line 2" })).toHaveCount(0);

  await page.goto(`/orders?customerOrderNumber=${po}`);
  const found = await tableRows(resultsTable(page));
  expect(found.map((r) => r.Order)).toEqual([orderNumber]);
});
