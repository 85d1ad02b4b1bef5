import { apiAs, createHeldOrder, saveSignedInState, type CreatedOrder } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { FIXTURES, uniquePo } from "./support/env";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";

/** axe + a 1280×800 screenshot of the page as it stands. */
async function check(page: Page, name: string): Promise<void> {
  await expectNoSeriousA11yViolations(page, name);
  await screenshot(page, name);
}

test("login page (and its error state)", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Orderdesk" })).toBeVisible();
  await check(page, "login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toBeVisible();
  await check(page, "login-field-errors");
});

test("not-found page", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await check(page, "not-found");
});

test.describe("as a buyer", () => {
  let order: CreatedOrder;
  test.beforeAll(async () => {
    const api = await apiAs("buyer");
    order = await createHeldOrder(api, uniquePo("E2E-AXE"));
    await api.dispose();
  });
  test.use({ storageState: async ({}, use) => use(await saveSignedInState("buyer")) });

  test("orders list with results, paged and sorted", async ({ page }) => {
    await page.goto("/orders");
    await expect(page.getByRole("region", { name: "Search results" }).locator("tbody tr").first()).toBeVisible();
    await check(page, "orders-list");
    // The list's tools open: the column chooser, saved views and the header search's results.
    await page.getByText("Columns and density").click();
    await page.getByText(/^Saved views/).click();
    await page.getByRole("combobox", { name: "Find orders" }).fill("20-");
    await expect(page.getByRole("listbox", { name: "Matching orders" }).getByRole("option").first()).toBeVisible();
    await check(page, "orders-list-tools-open");
    await page.goto("/orders?customerOrderNumber=ROLLOUT&pageNumber=2&sort=orderDate&dir=desc");
    await expect(page.getByText("26–50 of 57")).toBeVisible();
    await check(page, "orders-list-page2-sorted");
  });

  test("orders list empty state", async ({ page }) => {
    await page.goto("/orders?customerOrderNumber=NOTHING-MATCHES-E2E");
    await expect(page.getByRole("heading", { name: "No orders match these filters" })).toBeVisible();
    await check(page, "orders-list-empty");
  });

  test("orders list with invalid filters", async ({ page }) => {
    await page.goto("/orders?ingramOrderDate-bt=2026-13-40&ingramOrderDate-bt=x");
    await expect(page.getByText("Some filters are not valid")).toBeVisible();
    await check(page, "orders-list-invalid-filters");
  });

  test("order detail: held order, its confirm dialog, and the shipped order", async ({ page }) => {
    await page.goto(`/orders/${order.orderNumber}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("On hold");
    await check(page, "order-held");
    await page.getByRole("button", { name: "Cancel order" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await check(page, "order-held-cancel-dialog");
    await page.getByRole("button", { name: "Keep order" }).click();

    await page.goto(`/orders/${FIXTURES.shipped.orderNumber}`);
    await expect(page.getByText(FIXTURES.shipped.serialNumber)).toBeVisible();
    await check(page, "order-shipped");
  });

  test("edit page, with a field error shown", async ({ page }) => {
    await page.goto(`/orders/${order.orderNumber}/edit`);
    await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
    await check(page, "order-edit");
    await page.getByRole("button", { name: "Add line" }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.locator(".field .error").first()).toBeVisible();
    await check(page, "order-edit-errors");
  });

  test("new order page, blank and with validation errors shown", async ({ page }) => {
    await page.goto("/orders/new");
    await expect(page.getByRole("button", { name: "Create order" })).toBeVisible();
    await check(page, "order-new");
    await page.getByRole("button", { name: "Create order" }).click();
    await expect(page.locator("#customerOrderNumber-error")).toBeVisible();
    await check(page, "order-new-errors");
  });

  test("order history", async ({ page }) => {
    await page.goto(`/orders/${order.orderNumber}/history`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`History of order ${order.orderNumber}`);
    await expect(page.getByRole("region", { name: `History of order ${order.orderNumber}` })).toContainText(
      "Create order",
    );
    await check(page, "order-history");
  });

  test("audit list, empty audit filter and an audit event", async ({ page }) => {
    await page.goto("/audit");
    await expect(page.getByRole("region", { name: "Audit events" }).locator("tbody tr").first()).toBeVisible();
    await check(page, "audit-list");
    await page.goto("/audit?orderNumber=20-NONE00");
    await expect(page.getByText("No events match these filters")).toBeVisible();
    await check(page, "audit-list-empty");
    await page.goto(`/audit?orderNumber=${order.orderNumber}&action=order.create&outcome=succeeded`);
    await page
      .getByRole("link", { name: /^Open event \d+$/ })
      .first()
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Create order");
    await check(page, "audit-event");
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: async ({}, use) => use(await saveSignedInState("admin")) });

  test("admin users page", async ({ page }) => {
    await page.goto("/admin/users");
    await expect(page.getByText(/Audit chain verified up to #\d+/)).toBeVisible();
    await check(page, "admin-users");
  });

  test("own account page, with a too-easy new password refused", async ({ page }) => {
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await check(page, "account");
    await page.getByLabel("Current password").fill("not-the-current-one");
    await page.getByLabel("New password").fill("password12345");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#p-current-error")).toHaveText("This is not your current password.");
    await check(page, "account-errors");
  });
});
