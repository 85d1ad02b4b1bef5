import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "@playwright/test";
import { apiAs, createHeldOrder } from "./support/api";
import { signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { SANDBOX, uniquePo, type Role } from "./support/env";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

// Each flow signs in two users and drives two pages: more than the default minute on a busy machine.
test.describe.configure({ timeout: 180_000 });

const SHOTS = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));

async function heldOrder(prefix: string): Promise<string> {
  const api = await apiAs("buyer");
  try {
    return (await createHeldOrder(api, uniquePo(prefix))).orderNumber;
  } finally {
    await api.dispose();
  }
}

/** A second browser: its own context (cookies, tabs), signed in as `role`, on the order's page, listening. */
async function openOrderAs(browser: Browser, role: Role, orderNumber: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signIn(page, role);
  await page.goto(`/orders/${orderNumber}`);
  await expect(page.getByTestId("live-note")).toHaveAttribute("data-live", "on");
  return page;
}

test("a release in one browser shows in a colleague's open order page within 5 s, without a reload", async ({
  page,
  browser,
}) => {
  const orderNumber = await heldOrder("LIVE");
  const colleague = await openOrderAs(browser, "admin", orderNumber);
  await expect(colleague.getByRole("heading", { level: 1 })).toContainText("On hold");
  // A marker in the colleague's window survives only if the page is not reloaded.
  await colleague.evaluate(() => ((window as unknown as { liveMarker: number }).liveMarker = 42));

  await signIn(page, "buyer");
  await page.goto(`/orders/${orderNumber}`);
  await page.getByRole("button", { name: "Release" }).click();
  await page
    .getByRole("dialog", { name: `Release order ${orderNumber}?` })
    .getByRole("button", { name: "Release order" })
    .click();
  await expect(page.locator(".panel-ok")).toHaveText(/released/i);

  await expect(colleague.getByRole("heading", { level: 1 })).not.toContainText("On hold", { timeout: 5_000 });
  await expect(colleague.getByRole("button", { name: "Release" })).toHaveCount(0);
  await expect(colleague.getByTestId("live-note")).toHaveText("Updated just now");
  expect(await colleague.evaluate(() => (window as unknown as { liveMarker?: number }).liveMarker)).toBe(42);
  await colleague.context().close();
});

test("a watched order that ships shows in the bell, which marks it read", async ({ page, request }) => {
  const orderNumber = await heldOrder("WATCH");
  await signIn(page, "viewer");
  await page.goto(`/orders/${orderNumber}`);
  await page.getByRole("button", { name: "Watch this order" }).click();
  await expect(page.getByRole("button", { name: "Stop watching" })).toBeVisible();
  await expect(page.getByTestId("live-note")).toHaveAttribute("data-live", "on");

  // Ingram ships it: the sandbox sends its signed status webhook to the portal.
  const shipped = await request.post(`${SANDBOX}/__sandbox/events`, {
    data: { orderNumber, eventType: "im::order_shipped" },
  });
  expect(shipped.status(), await shipped.text()).toBe(200);

  const bell = page.getByTestId("bell");
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Shipped");
  await bell.click();
  const panel = page.getByRole("region", { name: "Notifications" });
  const item = panel.getByTestId("bell-item").filter({ hasText: orderNumber });
  await expect(item).toContainText("is now shipped");
  await expect(item).toContainText(/was (on hold|open)/);
  await screenshot(page, "bell-open");
  await expectNoSeriousA11yViolations(page, "the open bell");

  // On a phone the bell sits in the header's Menu (whose button carries a dot while something is unread).
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Menu" }).click();
  await bell.click();
  await expect(panel).toBeInViewport({ ratio: 0.9 });
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}bell-open-390.png`, animations: "disabled", caret: "hide" });
  await page.setViewportSize({ width: 1280, height: 800 });

  await panel.getByRole("button", { name: "Mark all read" }).click();
  await expect(bell).toHaveAccessibleName("Notifications");
  await expect(page.getByTestId("bell-count")).toHaveCount(0);
});
