import { signIn } from "./support/auth";
import { FIXTURES } from "./support/env";
import { seededDates } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { resultsTable } from "./support/tables";
import { expect, test } from "./support/test";

test("opening the shipped order from the table shows status, lines, totals, carrier, tracking and serials", async ({
  page,
  request,
}) => {
  const s = FIXTURES.shipped;
  const { shipDate } = (await seededDates(request)).shippedOrder;
  await signIn(page, "viewer");
  await page.goto(`/orders?customerOrderNumber=${s.customerOrderNumber}`);
  await resultsTable(page).getByRole("link", { name: s.orderNumber, exact: true }).click();
  await expect(page).toHaveURL(`/orders/${s.orderNumber}`);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${s.orderNumber} Shipped`);
  const facts = page.getByRole("region", { name: "Order", exact: true });
  await expect(facts.locator("dd").first()).toHaveText("Shipped");
  await expect(facts).toContainText(s.customerOrderNumber);

  const lines = page.getByRole("region", { name: "Order lines" });
  await expect(lines.locator("caption")).toHaveText("Lines (2)");
  await expect(lines.locator("tbody tr")).toHaveCount(2);
  await expect(lines.locator("tbody tr").nth(0)).toContainText("4AW708");
  await expect(lines.locator("tbody tr").nth(1)).toContainText("2GZ200");

  const totals = page.getByRole("region", { name: "Totals" });
  await expect(totals).toContainText("USD");
  const total = totals.locator("dt", { hasText: /^Total$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(total).toHaveText(/^USD [\d,]+\.\d{2}$/);
  await expect(totals.locator("dt", { hasText: "Freight" }).locator("xpath=following-sibling::dd[1]")).toHaveText(
    "USD 7.83",
  );

  const shipments = page.getByRole("region", { name: "Shipments, tracking and serial numbers" });
  const first = shipments.locator("tbody tr").filter({ hasText: s.trackingNumber });
  await expect(first).toHaveCount(1);
  await expect(first).toContainText("FEDEX GROUND");
  await expect(first).toContainText(s.serialNumber);
  await expect(first).toContainText(shipDate);
  const tracking = first.getByRole("link", { name: new RegExp(s.trackingNumber) });
  await expect(tracking).toHaveAttribute("href", `https://www.fedex.com/fedextrack/?trknbr=${s.trackingNumber}`);
  await expect(tracking).toHaveAttribute("rel", /noopener/);
  await screenshot(page, "order-shipped");
  await shipments.scrollIntoViewIfNeeded();
  await screenshot(page, "order-shipped-shipments");
});

test("a held order shows its hold, its two lines and no shipments; a processing order offers no edit", async ({
  page,
}) => {
  await signIn(page, "buyer");
  await page.goto("/orders?orderStatus-in=ON+HOLD");
  await resultsTable(page).getByRole("link", { name: FIXTURES.held[2], exact: true }).click();
  await expect(page).toHaveURL(`/orders/${FIXTURES.held[2]}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("On hold");
  await expect(page.getByText("on customer hold")).toBeVisible();
  const lines = page.getByRole("region", { name: "Order lines" }).locator("tbody tr");
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0)).toContainText("001");
  await expect(lines.nth(0)).toContainText(FIXTURES.inStockPart);
  await expect(
    page.getByRole("region", { name: "Shipments, tracking and serial numbers" }).getByRole("link"),
  ).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();

  await page.goto(`/orders/${FIXTURES.processing}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Processing");
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Release" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
});

test("an unknown order number is not found both on its page and from the API", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/orders/20-NOPE99");
  await expect(page.getByRole("heading", { name: "No such order" })).toBeVisible();
  // The page streams (loading.tsx), so Next marks it noindex instead of answering 404 (reported to the lead).
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute("content", /noindex/);
  await expect(page.getByText("could not be loaded")).toHaveCount(0);
  // Whichever of the page or the API reached Ingram first, both must map Ingram's 404 to "not found".
  const api = await page.request.get("/api/orders/20-NOPE98");
  expect(api.status(), await api.text()).toBe(404);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("not_found");
  await page.goto("/orders/20-NOPE97");
  await expect(page.getByRole("heading", { name: "No such order" })).toBeVisible();
  await expect(page.getByText("could not be loaded")).toHaveCount(0);

  await page.goto("/orders/..%2F..%2Fetc");
  await expect(page.getByRole("heading", { name: /not found|No such order/i })).toBeVisible();
  await screenshot(page, "order-not-found");
});
