import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
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

const SHOTS = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));
async function phoneShot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}${name}-390.png`, fullPage: true, animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

const partInputs = (page: Page) => page.getByLabel(/^Line \d+ · Ingram part number$/);

test("three rows pasted from a spreadsheet: two become lines, the bad one stays with its row and field named; fixed, it joins them and the order is created", async ({
  page,
  request,
}) => {
  const po = uniquePo("E2E-PASTE");
  await page.getByLabel("Customer PO number", { exact: true }).fill(po);
  const paste = page.getByTestId("section-paste");
  await paste.locator("summary").click();
  const box = paste.getByLabel("Rows from a spreadsheet");
  await box.fill("Part\tQty\tUnit price\nTSXML1\t2\t10.50\nBAD PART\tx\t\nTSXML3\t1\t");
  await paste.getByRole("button", { name: "Add pasted lines" }).click();

  await expect(paste.getByRole("status")).toHaveText("Added 2 lines. 1 row needs fixing below.");
  await expect(partInputs(page)).toHaveCount(2);
  await expect(page.getByLabel("Line 1 · Ingram part number")).toHaveValue("TSXML1");
  await expect(page.getByRole("group", { name: "Line 1" }).getByLabel("Unit price (optional)")).toHaveValue("10.50");
  await expect(page.getByLabel("Line 2 · Ingram part number")).toHaveValue("TSXML3");
  // The bad row stays (under its header) and is named by its row there and by its fields.
  await expect(box).toHaveValue("Part\tQty\tUnit price\nBAD PART\tx\t");
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(paste.getByTestId("paste-errors")).toHaveText(
    'Row 2: Part number "BAD PART" may contain only letters, digits and - _ . / (at most 18). Quantity "x" must be a whole number from 1 to 9999.',
  );
  await expectNoSeriousA11yViolations(page, "the new order form with a pasted row to fix");
  await screenshot(page, "order-new-paste-errors");
  await phoneShot(page, "order-new-paste-errors");

  await box.fill("Part\tQty\tUnit price\nDF4128\t3\t");
  await paste.getByRole("button", { name: "Add pasted lines" }).click();
  await expect(paste.getByRole("status")).toHaveText("Added 1 line.");
  await expect(box).toHaveValue("");
  await expect(partInputs(page)).toHaveCount(3);

  await page.getByRole("button", { name: "Create order" }).click();
  await expect(page.locator("section[aria-labelledby='create-result-h']")).toBeVisible();
  const sent = (await sandboxStats(request)).requests.filter((r) => r.op === "create").at(-1)!.body;
  expect(sent).toMatchObject({
    customerOrderNumber: po,
    lines: [
      { ingramPartNumber: "TSXML1", quantity: 2, unitPrice: 10.5 },
      { ingramPartNumber: "TSXML3", quantity: 1 },
      { ingramPartNumber: "DF4128", quantity: 3 },
    ],
  });
});

test("the address book: save the ship-to under a name, a taken name is refused by name, and a later order is filled from it", async ({
  page,
  request,
}) => {
  const name = `E2E DC ${Date.now().toString(36)}`;
  const shipping = page.getByTestId("section-shipping");
  await shipping.locator("summary").first().click();
  const book = shipping.getByTestId("address-book");
  await shipping.getByLabel("Company").fill("E2E BOOK CO");
  await shipping.getByLabel("Address line 1").fill("12 HARBOR WAY");
  await shipping.getByLabel("City").fill("AUSTIN");
  await shipping.getByLabel("State").fill("TX");
  await shipping.getByLabel("Country code").fill("US");
  await book.getByLabel("Save the ship-to below as").fill(name);
  await book.getByRole("button", { name: "Save address" }).click();
  await expect(book.getByRole("status")).toHaveText(`Saved "${name}" to the address book.`);
  await book.getByLabel("Save the ship-to below as").fill(name.toLowerCase());
  await book.getByRole("button", { name: "Save address" }).click();
  await expect(book.getByLabel("Save the ship-to below as")).toHaveAttribute("aria-invalid", "true");
  await expect(book.locator("#address-book-name-error")).toContainText("is already in the address book");
  await screenshot(page, "order-new-address-book");

  // A fresh form: pick the saved address, and the order goes out with it.
  await page.reload();
  const po = uniquePo("E2E-BOOK");
  await page.getByLabel("Customer PO number", { exact: true }).fill(po);
  await page.getByLabel("Line 1 · Ingram part number").fill(FIXTURES.inStockPart);
  await shipping.locator("summary").first().click();
  await book
    .getByLabel("Saved addresses (shared by the account)")
    .selectOption({ label: `${name} (E2E BOOK CO, AUSTIN)` });
  await book.getByRole("button", { name: "Use address" }).click();
  await expect(shipping.getByLabel("City")).toHaveValue("AUSTIN");
  await expect(shipping.getByLabel("Address line 1")).toHaveValue("12 HARBOR WAY");
  await expectNoSeriousA11yViolations(page, "the new order form with the address book");
  await phoneShot(page, "order-new-address-book");
  await page.getByRole("button", { name: "Create order" }).click();
  await expect(page.locator("section[aria-labelledby='create-result-h']")).toBeVisible();
  const sent = (await sandboxStats(request)).requests.filter((r) => r.op === "create").at(-1)!.body;
  expect(sent).toMatchObject({
    customerOrderNumber: po,
    shipToInfo: { companyName: "E2E BOOK CO", addressLine1: "12 HARBOR WAY", city: "AUSTIN", state: "TX" },
  });
});

test("Duplicate order on an order page starts a new order with its lines, ship-to and end user, and no PO", async ({
  page,
  request,
}) => {
  const source = FIXTURES.shipped.orderNumber;
  await page.goto(`/orders/${source}`);
  const table = page.getByRole("region", { name: "Order lines" }).locator("table.data").first();
  // allTextContents does not wait: the lines stream in after the page's head.
  await expect(table.locator("tbody tr td:nth-child(2) > span.mono").first()).toBeVisible();
  const parts = await table.locator("tbody tr td:nth-child(2) > span.mono").allTextContents();
  expect(parts.length).toBeGreaterThan(0);
  await page.getByRole("link", { name: "Duplicate order" }).click();
  await expect(page).toHaveURL(`/orders/new?duplicate=${source}`);
  await expect(page.getByTestId("duplicate-note")).toContainText(`Copied from order ${source}`);
  const po = page.getByLabel("Customer PO number", { exact: true });
  await expect(po).toHaveValue("");
  await expect(partInputs(page)).toHaveCount(parts.length);
  for (const [i, part] of parts.entries()) {
    await expect(page.getByLabel(`Line ${i + 1} · Ingram part number`)).toHaveValue(part!);
  }
  await expect(page.getByTestId("section-shipping").locator("summary")).toContainText("fields filled");
  await expect(page.getByTestId("section-endUserInfo").locator("summary")).toContainText("fields filled");
  await screenshot(page, "order-new-duplicate");

  const newPo = uniquePo("E2E-DUP");
  await po.fill(newPo);
  await page.getByRole("button", { name: "Create order" }).click();
  await expect(page.locator("section[aria-labelledby='create-result-h']")).toBeVisible();
  const sent = (await sandboxStats(request)).requests.filter((r) => r.op === "create").at(-1)!.body as {
    customerOrderNumber: string;
    lines: { ingramPartNumber: string }[];
    shipToInfo?: unknown;
    endUserInfo?: unknown;
  };
  expect(sent.customerOrderNumber).toBe(newPo);
  expect(sent.lines.map((l) => l.ingramPartNumber)).toEqual(parts);
  expect(sent.shipToInfo).toBeTruthy();
  expect(sent.endUserInfo).toBeTruthy();
});
