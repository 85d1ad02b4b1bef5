import { apiAs, createHeldOrder } from "./support/api";
import type { APIRequestContext } from "@playwright/test";
import { signIn } from "./support/auth";
import { FIXTURES, SANDBOX, uniquePo } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

const [ADD_LINE, RELEASE, , , CANCEL] = FIXTURES.held;

test.beforeEach(async ({ page }) => {
  await signIn(page, "buyer");
});

test(`adding a TSXML1 × 2 line to held order ${ADD_LINE} saves it and the order shows the new line`, async ({
  page,
}) => {
  await page.goto(`/orders/${ADD_LINE}`);
  await expect(page.getByRole("region", { name: "Order lines" }).locator("tbody tr")).toHaveCount(2);
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`/orders/${ADD_LINE}/edit`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit order ${ADD_LINE}`);

  await page.getByRole("button", { name: "Add line" }).click();
  const row = page.getByRole("group", { name: "New line 1" });
  await row.getByLabel("New line 1 · Ingram part number").fill(FIXTURES.inStockPart);
  await row.getByLabel("Quantity").fill("2");
  await screenshot(page, "order-edit-add-line");
  await page.getByRole("button", { name: "Save changes" }).click();

  const result = page.getByRole("region", { name: /Changes saved/ });
  await expect(result.getByRole("heading", { name: "Changes saved" })).toBeVisible();
  const added = result.locator("tbody tr").filter({ hasText: FIXTURES.inStockPart });
  await expect(added).toContainText("Accepted");
  await screenshot(page, "order-edit-saved");

  await page.getByRole("link", { name: "Back to order" }).click();
  await expect(page).toHaveURL(`/orders/${ADD_LINE}`);
  const lines = page.getByRole("region", { name: "Order lines" }).locator("tbody tr");
  await expect(lines).toHaveCount(3);
  const newLine = lines.nth(2);
  await expect(newLine).toContainText(FIXTURES.inStockPart);
  await expect(newLine.locator("td").nth(3)).toHaveText("2");
});

test(`releasing held order ${RELEASE} after confirming takes it off hold`, async ({ page, request }) => {
  await page.goto(`/orders/${RELEASE}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("On hold");
  const before = (await sandboxStats(request)).counts.release;

  await page.getByRole("button", { name: "Release" }).click();
  const dialog = page.getByRole("dialog", { name: `Release order ${RELEASE}?` });
  await expect(dialog).toBeVisible();
  await screenshot(page, "order-release-confirm");
  await dialog.getByRole("button", { name: "Release order" }).click();

  await expect(dialog).toBeHidden();
  await expect(page.locator(".panel-ok")).toHaveText(/released/i);
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("On hold");
  await expect(page.locator("p.meta")).not.toContainText("on customer hold");
  // Where the buttons were, the hold rule now says why there are none.
  await expect(page.getByTestId("changes-refused")).toContainText("this order is released to Ingram's warehouse");
  await expect(page.getByRole("button", { name: "Release" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  expect((await sandboxStats(request)).counts.release).toBe(before + 1);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("On hold");
});

test(`cancelling held order ${CANCEL} asks in a dialog that names the order, then cancels it`, async ({
  page,
  request,
}) => {
  await page.goto(`/orders/${CANCEL}`);
  const before = (await sandboxStats(request)).counts.cancel;

  // "Keep order" backs out without calling Ingram.
  await page.getByRole("button", { name: "Cancel order" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancel order ${CANCEL}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(CANCEL);
  await dialog.getByRole("button", { name: "Keep order" }).click();
  await expect(dialog).toBeHidden();
  expect((await sandboxStats(request)).counts.cancel).toBe(before);

  await page.getByRole("button", { name: "Cancel order" }).click();
  await expect(dialog).toBeVisible();
  await screenshot(page, "order-cancel-confirm");
  await dialog.getByRole("button", { name: "Cancel order" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(".panel-ok")).toHaveText(new RegExp(`Order ${CANCEL} (was )?cancell?ed`));
  expect((await sandboxStats(request)).counts.cancel).toBe(before + 1);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Cancell?ed/);
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await screenshot(page, "order-canceled");
});

test("released in another tab: Release answers 409, the page re-reads the order and offers only what still applies, saying why", async ({
  page,
}) => {
  const api = await apiAs("buyer");
  const { orderNumber } = await createHeldOrder(api, uniquePo("E2E-409"));
  await page.goto(`/orders/${orderNumber}`);
  await expect(page.getByTestId("hold-void")).toContainText(/Release by .* UTC \(in (23|24) h/);
  await expect(page.getByTestId("hold-void")).toContainText(
    "Ingram voids a customer hold that is not released within 24 hours",
  );

  // The other tab.
  expect((await api.post(`/api/orders/${orderNumber}/release`, { data: {} })).status()).toBe(200);
  await api.dispose();

  await page.getByRole("button", { name: "Release" }).click();
  await page
    .getByRole("dialog", { name: `Release order ${orderNumber}?` })
    .getByRole("button", { name: "Release order" })
    .click();
  await expect(page.getByTestId("order-conflict")).toContainText("This order changed since the page was loaded");
  await expect(page.getByRole("heading", { level: 1 })).not.toContainText("On hold");
  for (const name of ["Release", "Cancel order"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByTestId("refused-cancel")).toHaveText("Cancel: Ingram cancels only orders on customer hold.");
  await expect(page.getByTestId("refused-release")).toHaveText(
    "Release: Ingram releases only orders on customer hold.",
  );
  await expect(page.getByTestId("hold-void")).toHaveCount(0);
  await screenshot(page, "order-conflict-409");
});

/**
 * An order placed at Ingram outside the portal (straight to the sandbox), so the portal has never read it and
 * its page must ask Ingram: the test does not depend on what earlier runs left in the order index.
 */
async function orderTheIndexNeverSaw(request: APIRequestContext): Promise<string> {
  const token = await request.post(`${SANDBOX}/oauth/oauth20/token`, {
    form: { grant_type: "client_credentials", client_id: "orderdesk-sandbox", client_secret: "sandbox-secret" },
  });
  expect(token.status()).toBe(200);
  const { access_token: bearer } = (await token.json()) as { access_token: string };
  const res = await request.post(`${SANDBOX}/resellers/v6/orders`, {
    headers: {
      Authorization: `Bearer ${bearer}`,
      "IM-CustomerNumber": "20-222222",
      "IM-CountryCode": "US",
      "IM-CorrelationID": `e2e${Date.now()}`,
      "IM-SenderID": "e2e",
    },
    data: {
      customerOrderNumber: uniquePo("E2E-RTRY"),
      lines: [{ customerLineNumber: "1", ingramPartNumber: "TSXML1", quantity: 1 }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { orders: { ingramOrderNumber: string }[] }).orders[0]!.ingramOrderNumber;
}

test("an error panel's Retry waits for Ingram's Retry-After, counting down, then loads the order", async ({
  page,
  request,
}) => {
  // Ingram answers 503 with Retry-After: 4 to the page's read and to both of the client's retries.
  const orderNumber = await orderTheIndexNeverSaw(request);
  const fault = await request.post(`${SANDBOX}/__sandbox/faults`, {
    data: { kind: "status", status: 503, retryAfter: 4, op: "get", times: 3 },
  });
  expect(fault.status()).toBe(201);
  await page.goto(`/orders/${orderNumber}`);
  const panel = page.getByRole("alert").filter({ hasText: `Order ${orderNumber} could not be loaded` });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  const retry = panel.getByRole("button", { name: /^Retry/ });
  await expect(retry).toBeDisabled();
  await expect(retry).toHaveText(/^Retry in [1-4] s$/);
  await screenshot(page, "order-error-retry-countdown");
  await expect(retry).toBeEnabled({ timeout: 6_000 });
  await expect(retry).toHaveText("Retry");
  await retry.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Order ${orderNumber}`);
  await expect(panel).toHaveCount(0);
});
