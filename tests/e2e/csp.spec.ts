import type { Page } from "@playwright/test";
import { signIn } from "./support/auth";
import { FIXTURES } from "./support/env";
import { expect, test } from "./support/test";

// Security review finding: the CSP allowed inline scripts. Scripts now need the response's nonce; these pages
// must still work, with every script (Next.js's and next-auth's pages alike) carrying that nonce.

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(
        `Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  return violations;
}

/**
 * Loads `path`: its CSP needs a nonce and allows no inline script, and every script tag the server rendered
 * (Next.js's runtime, its inline payloads, next-auth's pages alike) carries that nonce. Chunks the runtime
 * loads later are trusted through 'strict-dynamic'; the violation listener catches anything refused.
 */
async function checkPage(page: Page, path: string): Promise<void> {
  const res = await page.goto(path);
  const csp = res!.headers()["content-security-policy"];
  const nonce = nonceOf(csp);
  expect(nonce, `${path}: CSP with a nonce`).toBeTruthy();
  expect(csp, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const tags = (await res!.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `${path}: scripts in the HTML`).toBeGreaterThan(0);
  expect(
    tags.filter((t) => !t.includes(`nonce="${nonce}"`)),
    `${path}: script tags without this response's nonce`,
  ).toEqual([]);
}

test("pages render and run under a nonce CSP, with a fresh nonce on every load", async ({ page }) => {
  const violations = await recordViolations(page);
  await checkPage(page, "/login");
  const a = nonceOf((await page.goto("/login"))!.headers()["content-security-policy"]);
  const b = nonceOf((await page.goto("/login"))!.headers()["content-security-policy"]);
  expect(a).not.toBe(b);

  // Signing in needs the login form's client script; the portal's pages need theirs.
  await signIn(page, "admin");
  for (const path of ["/orders", `/orders/${FIXTURES.shipped.orderNumber}`, "/orders/new", "/audit", "/admin/users"])
    await checkPage(page, path);
  await page.getByRole("link", { name: "Orders", exact: true }).click();
  await expect(page).toHaveURL("/orders");
  expect(violations).toEqual([]);
});

test("an inline script injected into the HTML without the nonce does not run", async ({ page }) => {
  const violations = await recordViolations(page);
  // Stands in for markup injection: the server's answer, CSP header included, with one script added.
  await page.route("**/login", async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response: res, body });
  });
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Orderdesk" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
