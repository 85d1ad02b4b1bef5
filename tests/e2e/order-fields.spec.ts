import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { FIXTURES, uniquePo } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

const QUOTE = "QUO-20-SANDBOX1";

// Each flow fills a long form, runs axe and takes four screenshots: give it the slow-test allowance.
test.beforeEach(() => test.slow());
const DIR = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));

/** The same page on a phone (390×844), whole page, then back to the desktop viewport the suite uses. */
async function phoneShot(page: Page, name: string) {
  mkdirSync(DIR, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${DIR}${name}-390.png`, fullPage: true, animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test("a v7 order from an Ingram quote number: quote, PO, submit; the order shows the quote's lines and its subscription", async ({
  page,
  request,
}) => {
  const po = uniquePo("E2E-QUOTE");
  await signIn(page, "buyer");
  await page.goto("/orders/new");
  await page.getByRole("link", { name: "From an Ingram quote" }).click();
  await expect(page).toHaveURL("/orders/new?from=quote");
  await page.getByRole("button", { name: "Order from quote" }).click();
  await expect(page.locator("#quoteNumber-error")).toHaveText(/Quote number is required/);
  await page.getByLabel("Quote number").fill(QUOTE);
  await page.getByLabel("Customer PO number").fill(po);
  await expectNoSeriousA11yViolations(page, "the quote form");
  await screenshot(page, "order-new-quote");
  await phoneShot(page, "order-new-quote");
  const before = (await sandboxStats(request)).counts.createV7;
  await page.getByRole("button", { name: "Order from quote" }).click();

  const card = page.getByRole("region", { name: `Order request for PO ${po}` });
  await expect(card.locator(".badge")).toHaveText("Created", { timeout: 30_000 });
  const stats = await sandboxStats(request);
  expect(stats.counts.createV7).toBe(before + 1);
  const sent = stats.requests.filter((r) => r.op === "createV7").at(-1)!.body;
  expect(sent).toEqual({ quoteNumber: QUOTE, customerOrderNumber: po });

  await card.getByRole("link", { name: /^\d{2}-\w+$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Order");
  const lines = page.getByRole("region", { name: "Order lines" });
  await expect(lines.getByText("TSXML1", { exact: true })).toBeVisible();
  await expect(lines.getByText("9HG002", { exact: true })).toBeVisible();
  const subs = page.getByRole("region", { name: "Subscriptions, contracts and licences" });
  await expect(subs.getByText("renews 12 Months")).toBeVisible();
  await expect(subs.getByText("billing M365-BS-ANNUAL")).toBeVisible();
  await expect(page.getByText("Web order id")).toBeVisible();
  await subs.scrollIntoViewIfNeeded();
  await expectNoSeriousA11yViolations(page, "an order with a subscription");
  await screenshot(page, "order-detail-subscription");
  await phoneShot(page, "order-detail-subscription");
});

test("a v6 order with shipment details and end-user information through the collapsed sections", async ({
  page,
  request,
}) => {
  const po = uniquePo("E2E-SHIP");
  await signIn(page, "buyer");
  await page.goto("/orders/new");
  const shipping = page.getByTestId("section-shipping");
  const endUser = page.getByTestId("section-endUserInfo");
  await expect(shipping).not.toHaveAttribute("open");
  await screenshot(page, "order-new-sections-closed");
  await phoneShot(page, "order-new-sections-closed");

  await page.getByLabel("Customer PO number", { exact: true }).fill(po);
  const line = page.getByRole("group", { name: "Line 1" });
  await line.getByLabel("Line 1 · Ingram part number").fill(FIXTURES.inStockPart);
  await line.getByLabel("Quantity").fill("2");
  await line.locator("summary").click();
  await line.getByLabel("Line notes").fill("Fragile: glass");
  await line.getByLabel("Special bid number").fill("SB-E2E-1");

  await shipping.locator("summary").first().click();
  await shipping.getByLabel("Company").fill("E2E SHIP TO CO");
  await shipping.getByLabel("Address line 1").fill("9 DOCK RD");
  await shipping.getByLabel("City").fill("IRVINE");
  await shipping.getByLabel("Country code").fill("US");
  await shipping.getByLabel("Carrier code").fill("UG");
  await shipping.getByLabel("Requested delivery date").fill("2099-05-01");
  await shipping.getByLabel("Shipping instructions").fill("Call 30 minutes before");
  await shipping.getByLabel("Ship complete").selectOption("P");
  await shipping.getByLabel("Signature required on delivery").check();

  await endUser.locator("summary").click();
  await endUser.getByLabel("Company").fill("E2E END USER");
  await endUser.getByLabel("Contact").fill("Robin Diaz");
  await endUser.getByLabel("Email").fill("robin@enduser.example");
  await expectNoSeriousA11yViolations(page, "the new order form with its sections open");
  await screenshot(page, "order-new-sections-open");
  await phoneShot(page, "order-new-sections-open");

  await page.getByRole("button", { name: "Create order" }).click();
  const result = page.locator("section[aria-labelledby='create-result-h']");
  await expect(result).toBeVisible();
  const sent = (await sandboxStats(request)).requests.filter((r) => r.op === "create").at(-1)!.body;
  expect(sent).toMatchObject({
    customerOrderNumber: po,
    shipmentDetails: {
      carrierCode: "UG",
      requestedDeliveryDate: "2099-05-01",
      shippingInstructions: "Call 30 minutes before",
      shipComplete: "P",
      signatureRequired: true,
    },
    endUserInfo: { companyName: "E2E END USER", contact: "Robin Diaz", email: "robin@enduser.example" },
    lines: [
      { ingramPartNumber: FIXTURES.inStockPart, quantity: 2, notes: "Fragile: glass", specialBidNumber: "SB-E2E-1" },
    ],
  });

  await result.locator("ul.timeline a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Order");
  const addresses = page.getByRole("region", { name: "Addresses" });
  await expect(addresses.getByText("E2E END USER")).toBeVisible();
  await expect(addresses.getByText("robin@enduser.example")).toBeVisible();
  await expect(addresses.getByText("E2E SHIP TO CO")).toBeVisible();
  const dates = page.getByRole("region", { name: "Dates, schedule and shipping per line" });
  await expect(dates.getByText("2099-05-01")).toBeVisible();
  await expect(dates.getByText("UPS GROUND")).toBeVisible();
  await expect(dates.getByText("SB-E2E-1")).toBeVisible();
  await expect(page.getByRole("region", { name: "Order lines" }).getByText("Note: Fragile: glass")).toBeVisible();
  await expect(page.getByText("Total weight")).toBeVisible();
  await screenshot(page, "order-detail-fields");
  await dates.scrollIntoViewIfNeeded();
  await screenshot(page, "order-detail-line-dates");
  await phoneShot(page, "order-detail-fields");
});
