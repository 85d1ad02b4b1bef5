import { readFileSync } from "node:fs";
import { apiAs, createHeldOrder } from "./support/api";
import { signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { SANDBOX, uniquePo } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

interface AuditRow {
  at: string;
  action: string;
  outcome: string;
  orderNumber: string | null;
}

test("select held orders, release them with one confirmation: one audited change each, a 429 shown on its row, the selection as CSV", async ({
  page,
  request,
}) => {
  const started = new Date(Date.now() - 1000).toISOString();
  const api = await apiAs("buyer");
  const stamp = uniquePo("BULK").slice(0, 15);
  const held = [
    await createHeldOrder(api, `${stamp}A`),
    await createHeldOrder(api, `${stamp}B`),
    await createHeldOrder(api, `${stamp}C`),
  ];
  const numbers = held.map((h) => h.orderNumber);

  await signIn(page, "buyer");
  await page.goto(`/orders?customerOrderNumber=${stamp}`);
  await expect(page.locator("table.data tbody tr")).toHaveCount(3);
  const bar = page.getByTestId("bulk-bar");
  await expect(bar).toContainText("Select orders on customer hold");
  await expect(bar.getByRole("button", { name: "Release selected" })).toBeDisabled();

  await page.getByRole("checkbox", { name: "Select every order on customer hold on this page" }).check();
  await expect(bar).toContainText("3 selected");

  const download = page.waitForEvent("download");
  await bar.getByRole("button", { name: "Export selection (CSV)" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8")
    .trim()
    .split("\r\n");
  expect(csv[0]).toBe("Order number,Order date,Customer PO,End customer,Vendor,Total,Status");
  expect(
    csv
      .slice(1)
      .map((l) => l.split(",")[0])
      .sort(),
  ).toEqual([...numbers].sort());

  // Ingram answers the first release 429 (its minute is used up): that row says so; nothing is queued.
  const fault = await request.post(`${SANDBOX}/__sandbox/faults`, {
    data: { kind: "status", status: 429, retryAfter: 30, op: "release", times: 1 },
  });
  expect(fault.status()).toBe(201);
  const before = (await sandboxStats(request)).counts.release;

  await bar.getByRole("button", { name: "Release selected" }).click();
  const dialog = page.getByRole("dialog", { name: "Release 3 orders?" });
  for (const n of numbers) await expect(dialog).toContainText(n);
  await screenshot(page, "orders-bulk-release-confirm");
  await dialog.getByRole("button", { name: "Release orders" }).click();
  await expect(dialog).toBeHidden();

  const results = page.getByTestId("bulk-results");
  await expect(results.getByRole("heading", { name: "Released 2 of 3" })).toBeVisible({ timeout: 30_000 });
  const refused = results.locator("tbody tr").filter({ hasText: "Refused" });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText("429");
  await expect(refused).toContainText("Try again in 30 s");
  await expect(results.locator("tbody tr").filter({ hasText: "Released to the warehouse" })).toHaveCount(2);
  // Three release calls reached Ingram (the refused one too), one per order: none was re-sent behind the user.
  expect((await sandboxStats(request)).counts.release).toBe(before + 3);
  await screenshot(page, "orders-bulk-results");
  await page.setViewportSize({ width: 390, height: 844 });
  await results.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "tests/artifacts/screenshots/orders-bulk-results-390.png", animations: "disabled" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoSeriousA11yViolations(page, "orders list with bulk results");

  // After the refresh only the order still on customer hold can be selected again.
  const refusedNumber = (await refused.getAttribute("data-order"))!;
  await expect(page.getByRole("checkbox", { name: /^Select order / })).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: `Select order ${refusedNumber}` })).toBeVisible();

  // Each order is its own audited change: an intent and a succeeded outcome for the two released.
  for (const n of numbers) {
    const res = await api.get(`/api/audit?orderNumber=${encodeURIComponent(n)}&action=order.release`);
    expect(res.status()).toBe(200);
    // Only this run's events: the sandbox's order numbers repeat across runs on one data directory.
    const rows = ((await res.json()) as { rows: AuditRow[] }).rows.filter((r) => r.at >= started);
    const outcomes = rows.map((r) => r.outcome).sort();
    expect(outcomes, `audit of ${n}`).toEqual(n === refusedNumber ? ["failed", "intent"] : ["intent", "succeeded"]);
  }
  await api.dispose();
});
