import { signIn, submitLogin } from "./support/auth";
import { USERS } from "./support/env";
import { screenshot } from "./support/screenshot";
import { tableRows } from "./support/tables";
import { expect, test } from "./support/test";

test("an admin lists users with a verified audit chain, adds a user, disables them, and the disabled user loses access", async ({
  page,
  browser,
  guard,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL("/admin/users");
  const chain = page.getByText(/Audit chain verified up to #\d+/);
  await expect(chain).toBeVisible();
  const seq = Number(/#([\d,]+)/.exec((await chain.textContent())!)![1]!.replace(/,/g, ""));
  expect(seq).toBeGreaterThanOrEqual(1);

  const usersTable = page.getByRole("region", { name: "Users" }).locator("table.data");
  const listed = (await tableRows(usersTable)).map((r) => r.Email);
  for (const email of Object.values(USERS)) expect(listed).toContain(email);
  await screenshot(page, "admin-users");

  // Field errors beside the fields first.
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "Add a user" }) });
  await form.getByLabel("Email").fill("not-an-email");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.locator("#u-email-error")).toBeVisible();
  await expect(form.locator("#u-password-error")).toHaveText("Use at least 12 characters.");
  await screenshot(page, "admin-users-errors");

  const email = `e2e-${Date.now().toString(36)}@demo.local`;
  const password = "e2e-user-password-1";
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name (optional)").fill("E2E Temp");
  await form.getByLabel("Role").selectOption("buyer");
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(form.getByText(`Added ${email}.`)).toBeVisible();
  const row = usersTable.locator("tbody tr").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Active");
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("buyer");

  // The new user signs in elsewhere and can load the orders list.
  const other = await guard.newContext(browser);
  const newUser = await other.newPage();
  await newUser.goto("/login");
  await submitLogin(newUser, email, password);
  await expect(newUser.locator(".user-menu")).toContainText(email);
  await expect(newUser.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();

  // Disable them (with confirmation).
  await row.getByRole("button", { name: `Disable ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Disable ${email}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Disable user" }).click();
  await expect(row).toContainText("Disabled");
  await expect(row.getByRole("button", { name: `Enable ${email}` })).toBeVisible();

  // Their next request is refused: /orders sends them to sign in; the API says 401; signing in again fails.
  await newUser.goto("/orders");
  await expect(newUser).toHaveURL(/\/login\?callbackUrl=%2Forders$/);
  expect((await newUser.request.get("/api/orders?orderStatus=PROCESSING")).status()).toBe(401);
  await submitLogin(newUser, email, password);
  await expect(newUser.locator("#login-error")).toBeVisible();
  await expect(newUser).toHaveURL(/\/login/);
  await other.close();

  // The chain still verifies, now further along.
  await page.reload();
  const after = Number(
    /#([\d,]+)/.exec((await page.getByText(/Audit chain verified up to #\d+/).textContent())!)![1]!.replace(/,/g, ""),
  );
  expect(after).toBeGreaterThan(seq);
});
