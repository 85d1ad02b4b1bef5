import { signIn } from "./support/auth";
import { FIXTURES, uniquePo } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

test("a v7 order request shows pending with progress, then links to the order once Ingram's webhook arrives", async ({
  page,
  request,
}) => {
  const po = uniquePo("E2E-V7");
  await signIn(page, "buyer");
  await page.goto("/orders/new");
  await page.getByLabel(/Asynchronous \(v7\)/).check();
  await page.getByLabel("Customer PO number", { exact: true }).fill(po);
  const line = page.getByRole("group", { name: "Line 1" });
  await line.getByLabel("Line 1 · Ingram part number").fill(FIXTURES.inStockPart);
  await line.getByLabel("Quantity").fill("3");
  const before = (await sandboxStats(request)).counts.createV7;
  await page.getByRole("button", { name: "Submit order request" }).click();

  const card = page.getByRole("region", { name: `Order request for PO ${po}` });
  await expect(card).toBeVisible();
  await expect(card.locator(".badge")).toHaveText("Pending");
  await expect(card.getByRole("progressbar", { name: "Waiting for Ingram Micro" })).toBeVisible();
  await expect(card.getByText(/checking every 2 seconds/)).toBeVisible();
  await screenshot(page, "order-new-v7-pending");
  expect((await sandboxStats(request)).counts.createV7).toBe(before + 1);

  await expect(card.locator(".badge")).toHaveText("Created", { timeout: 30_000 });
  await expect(card.getByRole("progressbar")).toHaveCount(0);
  const link = card.getByRole("link", { name: /^\d{2}-\w+$/ });
  await expect(link).toHaveCount(1);
  const orderNumber = (await link.textContent())!.trim();
  await screenshot(page, "order-new-v7-created");

  await link.click();
  await expect(page).toHaveURL(`/orders/${orderNumber}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(orderNumber);
  await expect(page.getByText(`PO ${po}`)).toBeVisible();
});
