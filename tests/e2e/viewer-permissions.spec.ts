import { randomUUID } from "node:crypto";
import { apiAs } from "./support/api";
import { signIn } from "./support/auth";
import { FIXTURES, PORTAL, USERS } from "./support/env";
import { mutatingCalls, sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

const HELD = FIXTURES.held[2];

test("a viewer sees no New order, Edit, Release or Cancel control anywhere", async ({ page }) => {
  await signIn(page, "viewer");
  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New order" })).toHaveCount(0);

  await page.goto(`/orders/${HELD}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(HELD);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  for (const name of ["Edit", "New order"]) await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
  for (const name of ["Release", "Cancel order"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await screenshot(page, "order-held-viewer");

  for (const path of ["/orders/new", `/orders/${HELD}/edit`, "/admin/users"]) {
    await page.goto(path);
    await expect(page.locator("main"), path).not.toContainText("Save changes");
    await expect(page.getByRole("button", { name: /Create order|Save changes|Add user/ }), path).toHaveCount(0);
    await expect(page.getByText(/permission|not allowed|access/i).first(), path).toBeVisible();
  }
});

test("every mutation route answers 403 to a viewer, and Ingram sees no write", async ({ page, request }) => {
  await signIn(page, "viewer");
  const admin = await apiAs("admin");
  const users = (await (await admin.get("/api/users")).json()) as { users: { id: string; email: string }[] };
  const buyerId = users.users.find((u) => u.email === USERS.buyer)!.id;
  await admin.dispose();

  const headers = { Origin: PORTAL, "Idempotency-Key": randomUUID() };
  const order = {
    mode: "sync",
    customerOrderNumber: "E2E-VIEWER-DENIED",
    customerHold: true,
    lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }],
  };
  const calls: [string, string, unknown][] = [
    ["POST", "/api/orders", order],
    ["POST", "/api/order-requests", { ...order, mode: "async" }],
    ["PUT", `/api/orders/${HELD}`, { lines: [{ action: "add", ingramPartNumber: "TSXML1", quantity: 1 }] }],
    ["DELETE", `/api/orders/${HELD}`, undefined],
    ["POST", `/api/orders/${HELD}/release`, {}],
    ["POST", "/api/users", { email: "e2e-denied@demo.local", role: "admin", password: "a-long-enough-password" }],
    ["PATCH", `/api/users/${buyerId}`, { role: "admin" }],
    ["PATCH", `/api/users/${buyerId}`, { disabled: true }],
  ];

  const before = await sandboxStats(request);
  for (const [method, path, data] of calls) {
    // page.request shares the signed-in viewer's cookies.
    const res = await page.request.fetch(path, { method, headers, data });
    expect(res.status(), `${method} ${path}`).toBe(403);
    const body = (await res.json()) as { error: { code: string; correlationId: string } };
    expect(body.error.code, `${method} ${path}`).toBe("forbidden");
    expect(body.error.correlationId).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers()["cache-control"], `${method} ${path}`).toMatch(/private.*no-store|no-store.*private/);
  }
  const after = await sandboxStats(request);
  expect(mutatingCalls(after) - mutatingCalls(before), "mutating calls Ingram received").toBe(0);

  // Nothing changed: the order is still held with its two lines, the buyer is still a buyer.
  const detail = await page.request.get(`/api/orders/${HELD}`);
  expect(detail.status()).toBe(200);
  await page.goto(`/orders/${HELD}`);
  await expect(page.getByRole("region", { name: "Order lines" }).locator("tbody tr")).toHaveCount(2);
  const admin2 = await apiAs("admin");
  const again = (await (await admin2.get("/api/users")).json()) as {
    users: { id: string; role: string; disabled: boolean }[];
  };
  expect(again.users.find((u) => u.id === buyerId)).toMatchObject({ role: "buyer", disabled: false });
  await admin2.dispose();
});
