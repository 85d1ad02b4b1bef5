import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, USERS, type Role } from "./env";

/** Fills and submits the login form already on screen (the page is at /login). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * Signs in through the login form as a demo role (or any email + password) and waits until the portal shell
 * shows that user. `from` is where to start (default /login, which lands on /orders).
 */
export async function signIn(
  page: Page,
  who: Role | { email: string; password: string },
  from = "/login",
): Promise<void> {
  const email = typeof who === "string" ? USERS[who] : who.email;
  const password = typeof who === "string" ? DEMO_PASSWORD : who.password;
  await page.goto(from);
  await expect(page.getByRole("heading", { name: "Sign in to Orderdesk" })).toBeVisible();
  await submitLogin(page, email, password);
  await expect(page.locator(".user-menu")).toContainText(email);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login(\?|$)/);
  await expect(page.getByRole("heading", { name: "Sign in to Orderdesk" })).toBeVisible();
}
