import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { apiAs, createHeldOrder, type CreatedOrder } from "./api";
import { FIXTURES, uniquePo } from "./env";

/** What the screens need that a run creates: a held order of its own and a 50-line order. */
export interface ScreenData {
  held: CreatedOrder;
  manyLines: CreatedOrder;
}

/**
 * One page (or one state of a page) that the accessibility spec visits in every theme and size: axe, no
 * horizontal overflow, a screenshot. `open` navigates and waits until the page shows what it is about.
 */
export interface Screen {
  name: string;
  /** guest: signed out (login, not-found); otherwise signed in as the admin, who may see every page. */
  as: "guest" | "admin";
  /** Only at these widths (a state that costs a server-side attempt is not repeated per size). */
  widths?: number[];
  open: (page: Page, data: ScreenData) => Promise<void>;
}

/** A held order with 50 lines: long enough that its lines table scrolls under a sticky header. */
async function createManyLineOrder(api: APIRequestContext): Promise<CreatedOrder> {
  const customerOrderNumber = uniquePo("E2E-50L");
  const res = await api.post("/api/orders", {
    headers: { "Idempotency-Key": randomUUID() },
    data: {
      mode: "sync",
      customerOrderNumber,
      customerHold: true,
      lines: Array.from({ length: 50 }, (_, i) => ({ ingramPartNumber: i % 2 ? "TSXML3" : "TSXML1", quantity: i + 1 })),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { result: { orders: { orderNumber: string }[] } };
  return { orderNumber: body.result.orders[0]!.orderNumber, customerOrderNumber };
}

export async function createScreenData(): Promise<ScreenData> {
  const api = await apiAs("buyer");
  const held = await createHeldOrder(api, uniquePo("E2E-AXE"));
  const manyLines = await createManyLineOrder(api);
  await api.dispose();
  return { held, manyLines };
}

const results = (page: Page) => page.getByRole("region", { name: "Search results" });

/** Every page of the portal. Append a page here and the spec checks it in light and dark, wide and narrow. */
export const SCREENS: Screen[] = [
  {
    name: "login",
    as: "guest",
    open: async (page) => {
      await page.goto("/login");
      await expect(page.getByRole("heading", { name: "Sign in to Orderdesk" })).toBeVisible();
    },
  },
  {
    name: "login-field-errors",
    as: "guest",
    open: async (page) => {
      await page.goto("/login");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("#email-error")).toBeVisible();
    },
  },
  {
    name: "not-found",
    as: "guest",
    open: async (page) => {
      await page.goto("/no-such-page");
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    },
  },
  {
    name: "orders-list",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders");
      await expect(results(page).locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    // The list's tools open: the column chooser, saved views and the header search's results.
    name: "orders-list-tools-open",
    as: "admin",
    widths: [1280],
    open: async (page) => {
      await page.goto("/orders");
      await expect(results(page).locator("tbody tr").first()).toBeVisible();
      await page.getByText("Columns and density").click();
      await page.getByText(/^Saved views/).click();
      await page.getByRole("combobox", { name: "Find orders" }).fill("20-");
      await expect(page.getByRole("listbox", { name: "Matching orders" }).getByRole("option").first()).toBeVisible();
    },
  },
  {
    name: "order-requests",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders/requests");
      await expect(page.getByRole("heading", { level: 1, name: "Order requests" })).toBeVisible();
    },
  },
  {
    name: "orders-list-page2-sorted",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders?customerOrderNumber=ROLLOUT&pageNumber=2&sort=orderDate&dir=desc");
      await expect(page.getByText("26–50 of 57")).toBeVisible();
    },
  },
  {
    name: "orders-list-empty",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders?customerOrderNumber=NOTHING-MATCHES-E2E");
      await expect(page.getByRole("heading", { name: "No orders match these filters" })).toBeVisible();
    },
  },
  {
    name: "orders-list-invalid-filters",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders?ingramOrderDate-bt=2026-13-40&ingramOrderDate-bt=x");
      await expect(page.getByText("Some filters are not valid")).toBeVisible();
    },
  },
  {
    name: "order-held",
    as: "admin",
    open: async (page, { held }) => {
      await page.goto(`/orders/${held.orderNumber}`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("On hold");
    },
  },
  {
    name: "order-held-cancel-dialog",
    as: "admin",
    open: async (page, { held }) => {
      await page.goto(`/orders/${held.orderNumber}`);
      await page.getByRole("button", { name: "Cancel order" }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
    },
  },
  {
    name: "order-shipped",
    as: "admin",
    open: async (page) => {
      await page.goto(`/orders/${FIXTURES.shipped.orderNumber}`);
      await expect(page.getByText(FIXTURES.shipped.serialNumber)).toBeVisible();
    },
  },
  {
    name: "order-50-lines",
    as: "admin",
    open: async (page, { manyLines }) => {
      await page.goto(`/orders/${manyLines.orderNumber}`);
      await expect(page.locator("table.data caption", { hasText: "Lines (50)" })).toBeVisible();
    },
  },
  {
    name: "order-edit",
    as: "admin",
    open: async (page, { held }) => {
      await page.goto(`/orders/${held.orderNumber}/edit`);
      await expect(page.getByRole("button", { name: "Save changes" })).toBeVisible();
    },
  },
  {
    name: "order-edit-errors",
    as: "admin",
    open: async (page, { held }) => {
      await page.goto(`/orders/${held.orderNumber}/edit`);
      await page.getByRole("button", { name: "Add line" }).click();
      await expect(page.getByLabel("New line 1 · Ingram part number")).toBeFocused();
      await page.getByRole("button", { name: "Save changes" }).click();
      await expect(page.locator(".field .error").first()).toBeVisible();
      // Checked from the top of the page, as every other screen: where the focus leaves the page scrolled, an
      // input half under the sticky header counts for axe as a too-small target, whichever input it is.
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: "order-new",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders/new");
      await expect(page.getByRole("button", { name: "Create order" })).toBeVisible();
    },
  },
  {
    name: "order-new-errors",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders/new");
      await page.getByRole("button", { name: "Add line" }).first().click();
      await expect(page.getByLabel("Line 2 · Ingram part number")).toBeFocused();
      await page.getByRole("button", { name: "Create order" }).click();
      await expect(page.locator("#customerOrderNumber-error")).toBeVisible();
    },
  },
  {
    name: "order-new-quote",
    as: "admin",
    open: async (page) => {
      await page.goto("/orders/new?from=quote");
      await expect(page.getByRole("link", { name: "From an Ingram quote" })).toHaveAttribute("aria-current", "page");
      await expect(page.getByLabel(/Quote number/)).toBeVisible();
    },
  },
  {
    name: "order-history",
    as: "admin",
    open: async (page, { held }) => {
      await page.goto(`/orders/${held.orderNumber}/history`);
      await expect(page.getByRole("region", { name: `History of order ${held.orderNumber}` })).toContainText(
        "Create order",
      );
    },
  },
  {
    name: "audit-list",
    as: "admin",
    open: async (page) => {
      await page.goto("/audit");
      await expect(page.getByRole("region", { name: "Audit events" }).locator("tbody tr").first()).toBeVisible();
    },
  },
  {
    name: "audit-list-empty",
    as: "admin",
    open: async (page) => {
      await page.goto("/audit?orderNumber=20-NONE00");
      await expect(page.getByText("No events match these filters")).toBeVisible();
    },
  },
  {
    name: "audit-event",
    as: "admin",
    open: async (page, { held }) => {
      await page.goto(`/audit?orderNumber=${held.orderNumber}&action=order.create&outcome=succeeded`);
      await page
        .getByRole("link", { name: /^Open event \d+$/ })
        .first()
        .click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Create order");
    },
  },
  {
    name: "admin-users",
    as: "admin",
    open: async (page) => {
      await page.goto("/admin/users");
      await expect(page.getByText(/Audit chain verified up to #\d+/)).toBeVisible();
    },
  },
  {
    name: "account",
    as: "admin",
    open: async (page) => {
      await page.goto("/account");
      await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    },
  },
  {
    // A wrong current password counts against the user's attempts: shown at one width (two themes) only.
    name: "account-errors",
    as: "admin",
    widths: [1280],
    open: async (page) => {
      await page.goto("/account");
      await page.getByLabel("Current password").fill("not-the-current-one");
      await page.getByLabel("New password").fill("password12345");
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.locator("#p-current-error")).toHaveText("This is not your current password.");
    },
  },
];
