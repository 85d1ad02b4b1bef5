import { signIn } from "./support/auth";
import { FIXTURES, PORTAL } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { expect, PayloadGuard, test } from "./support/test";

const PAGES = [
  "/orders",
  `/orders/${FIXTURES.shipped.orderNumber}`,
  `/orders/${FIXTURES.held[2]}/edit`,
  "/orders/new",
  "/audit",
  "/admin/users",
];

test("no Ingram token or client secret in any HTML or RSC payload of the portal's pages", async ({
  page,
  request,
  guard,
}) => {
  await signIn(page, "admin");
  const stats = await sandboxStats(request);
  const tokens = [
    ...new Set(
      stats.requests
        .map((r) => (r as unknown as { headers: Record<string, string> }).headers?.authorization)
        .filter(Boolean),
    ),
  ];
  expect(tokens.length, "the portal has called Ingram with a bearer token").toBeGreaterThan(0);
  for (const path of PAGES) {
    await page.goto(path);
    const html = await page.content();
    for (const needle of ["sandbox-secret", "access_token", ...tokens.map((t) => t!.replace(/^Bearer\s+/i, ""))]) {
      expect(html.includes(needle), `${path} HTML contains a secret`).toBe(false);
    }
  }
  // Client-side navigation fetches RSC payloads; the guard reads each one.
  await page.goto("/orders");
  await page.getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL("/audit");
  await page.getByRole("link", { name: "Orders", exact: true }).click();
  await expect(page).toHaveURL("/orders");
  expect(guard.scanned, "payloads read by the guard").toBeGreaterThan(PAGES.length);
});

test("authenticated /api responses carry Cache-Control: private, no-store", async ({ page }) => {
  await signIn(page, "admin");
  const paths = [
    "/api/orders?customerOrderNumber=ROLLOUT",
    `/api/orders/${FIXTURES.shipped.orderNumber}`,
    "/api/audit",
    "/api/users",
    "/api/order-requests",
    "/api/orders/export?customerOrderNumber=ROLLOUT",
  ];
  for (const path of paths) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    const cc = res.headers()["cache-control"] ?? "";
    expect(cc, path).toContain("private");
    expect(cc, path).toContain("no-store");
    const body = await res.text();
    expect(body, path).not.toContain("sandbox-secret");
    expect(body, path).not.toContain("access_token");
  }
  // Writes too, including refused ones.
  const res = await page.request.delete(`/api/orders/${FIXTURES.processing}`, {
    headers: { Origin: "https://evil.example" },
  });
  expect(res.status()).toBe(403);
  expect(res.headers()["cache-control"]).toMatch(/private/);
});

test("the payload guard itself catches a leaked token and a cacheable /api response", async ({ browser, request }) => {
  const probe = new PayloadGuard();
  const ctx = await probe.newContext(browser);
  await ctx.route(`${PORTAL}/api/health`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      headers: { "cache-control": "public, max-age=60" },
      body: '{"access_token":"x"}',
    }),
  );
  const page = await ctx.newPage();
  await page.goto(`${PORTAL}/api/health`);
  await expect(probe.verify(request)).rejects.toThrow(/access_token/);
  await ctx.close();

  const headersOnly = new PayloadGuard();
  const ctx2 = await headersOnly.newContext(browser);
  await ctx2.route(`${PORTAL}/api/health`, (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      headers: { "cache-control": "public, max-age=60" },
      body: "{}",
    }),
  );
  const page2 = await ctx2.newPage();
  await page2.goto(`${PORTAL}/api/health`);
  await expect(headersOnly.verify(request)).rejects.toThrow(/Cache-Control/);
  await ctx2.close();
});
