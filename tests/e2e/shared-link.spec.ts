import { signIn, submitLogin } from "./support/auth";
import { FIXTURES, PORTAL, USERS, DEMO_PASSWORD } from "./support/env";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

test("a copied order link opened in a fresh browser asks for sign-in, then lands on that order", async ({
  page,
  context,
  browser,
  guard,
}) => {
  const order = FIXTURES.shipped.orderNumber;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: PORTAL });
  await signIn(page, "buyer");
  await page.goto(`/orders/${order}`);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText("Link copied")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${PORTAL}/orders/${order}`);

  const fresh = await guard.newContext(browser);
  expect(await fresh.cookies()).toEqual([]);
  const colleague = await fresh.newPage();
  await colleague.goto(copied);
  await expect(colleague).toHaveURL(`${PORTAL}/login?callbackUrl=${encodeURIComponent(`/orders/${order}`)}`);
  await expect(colleague.getByRole("heading", { name: "Sign in to Orderdesk" })).toBeVisible();
  // Nothing of the order reaches an anonymous browser.
  expect(await colleague.content()).not.toContain(FIXTURES.shipped.trackingNumber);
  await screenshot(colleague, "login");
  await submitLogin(colleague, USERS.viewer, DEMO_PASSWORD);
  await expect(colleague).toHaveURL(`${PORTAL}/orders/${order}`);
  await expect(colleague.getByRole("heading", { level: 1 })).toContainText(`Order ${order}`);
  await expect(colleague.getByText(FIXTURES.shipped.trackingNumber)).toBeVisible();
  await fresh.close();
});

const HOSTILE = [
  "https://evil.example/",
  "//evil.example",
  "/\\evil.example",
  "https:evil.example",
  "javascript:alert(document.domain)",
  "/%2F%2Fevil.example",
];

test("a hostile callbackUrl always lands on the portal's own origin", async ({ browser, guard }) => {
  test.setTimeout(120_000);
  for (const callbackUrl of HOSTILE) {
    const ctx = await guard.newContext(browser);
    const leaks: string[] = [];
    await ctx.route(
      (url) => url.hostname.endsWith("evil.example"),
      (route) => {
        leaks.push(route.request().url());
        return route.abort();
      },
    );
    const page = await ctx.newPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await submitLogin(page, USERS.viewer, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(new URL(page.url()).origin, callbackUrl).toBe(PORTAL);
    // Either the default landing page, or the value taken literally as a path on our own origin.
    await expect(page, callbackUrl).toHaveURL(
      new RegExp(`^${PORTAL.replace(/[.]/g, "\\.")}/(orders|%2F%2Fevil\\.example)$`),
    );

    // Already signed in: the login page's own server redirect stays home too.
    const res = await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(new URL(page.url()).origin, callbackUrl).toBe(PORTAL);
    expect(res?.status()).toBeLessThan(500);
    // next-auth's endpoint keeps the callback on our origin as well.
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signin = await page.request.post("/api/auth/signin/credentials", {
      form: { csrfToken: csrf.csrfToken, callbackUrl, json: "true" },
      maxRedirects: 0,
    });
    const location =
      signin.headers()["location"] ?? ((await signin.json().catch(() => ({}))) as { url?: string }).url ?? "";
    if (location) expect(new URL(location, PORTAL).origin, `${callbackUrl} → ${location}`).toBe(PORTAL);
    expect(leaks, callbackUrl).toEqual([]);
    await ctx.close();
  }
});
