import { signIn, signOut, submitLogin } from "./support/auth";
import { USERS, type Role } from "./support/env";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

const NAV_BY_ROLE: Record<Role, string[]> = {
  viewer: ["Orders", "Audit"],
  buyer: ["Orders", "New order", "Audit"],
  admin: ["Orders", "New order", "Audit", "Users"],
};

for (const role of ["viewer", "buyer", "admin"] as const) {
  test(`${role} signs in through the login form and lands on the orders list`, async ({ page }) => {
    await signIn(page, role);
    await expect(page).toHaveURL(/\/orders$/);
    await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
    await expect(page.getByLabel(`Role: ${role}`)).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(nav).toHaveText(NAV_BY_ROLE[role]);
  });
}

test("a wrong password shows an error beside the form and signs nobody in", async ({ page, context }) => {
  await page.goto("/login");
  await submitLogin(page, USERS.buyer, "not-the-password");
  const error = page.locator("#login-error");
  await expect(error).toHaveText("That email and password do not match an active account.");
  // Beside the form: inside the same card, right above the submit button, and announced.
  const form = page.locator("form").filter({ has: page.getByLabel("Password") });
  await expect(form.locator("#login-error")).toBeVisible();
  await expect(form).toHaveAttribute("aria-describedby", "login-error");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page).toHaveURL(/\/login/);
  await screenshot(page, "login-error");
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name.includes("session-token"))).toBeUndefined();
  await page.goto("/orders");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Forders/);
});

test("empty fields are flagged next to each field before anything is sent", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#email-error")).toHaveText("Enter your email address.");
  await expect(page.locator("#password-error")).toHaveText("Enter your password.");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
});

test("sign out ends the session: the portal sends the user back to the login page", async ({ page, context }) => {
  await signIn(page, "buyer");
  expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(true);
  await signOut(page);
  expect((await context.cookies()).some((c) => c.name.includes("session-token"))).toBe(false);
  await page.goto("/orders/20-PRC01");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Forders%2F20-PRC01$/);
  const api = await page.request.get("/api/orders?orderStatus=PROCESSING");
  expect(api.status()).toBe(401);
});

test("a copy of the session cookie stops working once its owner signs out", async ({ page, context, playwright }) => {
  await signIn(page, "viewer");
  const session = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(session).toBeDefined();
  const copy = await playwright.request.newContext({
    baseURL: new URL(page.url()).origin,
    extraHTTPHeaders: { cookie: `${session!.name}=${session!.value}` },
  });
  expect((await copy.get("/api/orders?orderStatus=PROCESSING")).status()).toBe(200);
  await signOut(page);
  expect((await copy.get("/api/orders?orderStatus=PROCESSING")).status()).toBe(401);
  await copy.dispose();
});

test("a forged X-Orderdesk-Peer or X-Forwarded-For does not change the address sign-ins are counted under", async ({
  page,
  playwright,
}) => {
  const origin = new URL((await page.goto("/login"))!.url()).origin;
  const api = await playwright.request.newContext({ baseURL: origin });
  const email = `nobody-${Date.now()}@demo.local`;
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    // Past the account's own delay (1 s after the fifth guess): only the account-and-address limit can refuse.
    if (i === 5) await page.waitForTimeout(2500);
    const csrf = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await api.post("/api/auth/callback/credentials", {
      headers: { origin, "x-orderdesk-peer": `203.0.113.${i}`, "x-forwarded-for": `198.51.100.${i}` },
      form: { email, password: "wrong", csrfToken: csrf.csrfToken, json: "true" },
      maxRedirects: 0,
    });
    statuses.push(res.status());
  }
  // One account from one (real) address: five guesses, then 429, whatever the headers claim.
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  await api.dispose();
});
