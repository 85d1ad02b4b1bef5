import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { apiAs, createHeldOrder } from "./support/api";
import { signIn } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { FIXTURES, PORTAL, SANDBOX, uniquePo } from "./support/env";
import { sandboxStats } from "./support/sandbox";
import { screenshot } from "./support/screenshot";
import { expect, test } from "./support/test";

const DIR = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));

/** The same view at a phone's size (390×844), beside the 1280×800 one. */
async function phoneScreenshot(page: Page, name: string) {
  const size = page.viewportSize()!;
  mkdirSync(DIR, { recursive: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${DIR}${name}-390.png`, fullPage: false, animations: "disabled", caret: "hide" });
  await page.setViewportSize(size);
}

test("an order on hold at Ingram shows no change actions and says why; the API refuses without a change call", async ({
  page,
  request,
}) => {
  await signIn(page, "buyer");
  await page.goto(`/orders/${FIXTURES.ingramHeld}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("On hold");
  await expect(page.locator("p.meta")).not.toContainText("on customer hold");
  for (const name of ["Release", "Cancel order"]) await expect(page.getByRole("button", { name })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByTestId("changes-refused")).toHaveText(
    "Ingram changes only orders placed on customer hold; this order is on hold at Ingram (credit review).",
  );
  await screenshot(page, "order-ingram-hold");
  await phoneScreenshot(page, "order-ingram-hold");

  // The edit page, opened by its address, says the same instead of a form.
  await page.goto(`/orders/${FIXTURES.ingramHeld}/edit`);
  await expect(page.getByTestId("change-refused")).toContainText("on hold at Ingram (credit review)");

  const before = (await sandboxStats(request)).counts;
  // As the browser on the portal sends it: with the portal's Origin and the signed-in session.
  const res = await page.request.delete(`/api/orders/${FIXTURES.ingramHeld}`, { headers: { Origin: PORTAL } });
  expect(res.status()).toBe(409);
  expect((await res.json()).error).toMatchObject({ code: "not_on_customer_hold", correlationId: expect.any(String) });
  const after = (await sandboxStats(request)).counts;
  expect([after.cancel - before.cancel, after.modify - before.modify, after.release - before.release]).toEqual([
    0, 0, 0,
  ]);

  // A customer hold still offers every change, and a shipped order says why it offers none. The held order is
  // this test's own: the seeded ones are changed by other specs.
  const api = await apiAs("buyer");
  const held = await createHeldOrder(api, uniquePo("E2E-HOLD"));
  await api.dispose();
  await page.goto(`/orders/${held.orderNumber}`);
  await expect(page.getByRole("button", { name: "Cancel order" })).toBeVisible();
  await expect(page.getByTestId("changes-refused")).toHaveCount(0);
  await page.goto(`/orders/${FIXTURES.shipped.orderNumber}`);
  await expect(page.getByTestId("changes-refused")).toHaveText(
    "Shipped orders cannot be changed, released or cancelled.",
  );
});

test("a viewer is not told about changes it could not make anyway", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto(`/orders/${FIXTURES.ingramHeld}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("On hold");
  await expect(page.getByTestId("changes-refused")).toHaveCount(0);
});

test("a v7 request Ingram refuses by webhook shows failed with Ingram's reason", async ({ page }) => {
  const po = uniquePo("E2E-V7F");
  await signIn(page, "buyer");
  await page.goto("/orders/new");
  await page.getByLabel(/Asynchronous \(v7\)/).check();
  await page.getByLabel("Customer PO number", { exact: true }).fill(po);
  const line = page.getByRole("group", { name: "Line 1" });
  await line.getByLabel("Line 1 · Ingram part number").fill(FIXTURES.unknownPart);
  await line.getByLabel("Quantity").fill("1");
  await page.getByRole("button", { name: "Submit order request" }).click();

  const card = page.getByRole("region", { name: `Order request for PO ${po}` });
  await expect(card.locator(".badge")).toHaveText("Failed", { timeout: 30_000 });
  await expect(card.getByRole("progressbar")).toHaveCount(0);
  await expect(card.getByRole("status")).toHaveText("Ingram Micro did not create the order.");
  const reasons = card.getByTestId("request-reasons");
  await expect(reasons).toContainText("Ingram Micro's reasons:");
  await expect(reasons).toContainText(FIXTURES.unknownPart);
  await expect(card.getByText("Ingram Micro's result notification")).toBeVisible();
  await expect(card.getByRole("link")).toHaveCount(0);
  await screenshot(page, "order-new-v7-failed");
  await phoneScreenshot(page, "order-new-v7-failed");
});

test("the order requests page lists a pending and a failed v7 request, the failure in plain words with Ingram's code", async ({
  page,
  request,
}) => {
  const api = await apiAs("buyer");
  const send = (po: string) =>
    api.post("/api/order-requests", {
      headers: { "Idempotency-Key": `e2e-${po}` },
      data: {
        mode: "async",
        customerOrderNumber: po,
        lines: [{ ingramPartNumber: FIXTURES.unknownPart, quantity: 1 }],
      },
    });
  const failedPo = uniquePo("E2E-RQF");
  const failed = await send(failedPo);
  expect(failed.status(), await failed.text()).toBe(202);
  const { request: created } = (await failed.json()) as { request: { id: string } };
  await expect
    .poll(
      async () =>
        ((await (await api.get(`/api/order-requests/${created.id}`)).json()) as { request: { status: string } }).request
          .status,
      {
        timeout: 30_000,
      },
    )
    .toBe("failed");

  await signIn(page, "buyer");
  await page.goto("/orders");
  // Ingram takes 8 s to acknowledge this one: meanwhile it waits for Ingram.
  expect(
    (
      await request.post(`${SANDBOX}/__sandbox/faults`, {
        data: { kind: "latency", ms: 8_000, op: "createV7", times: 1 },
      })
    ).status(),
  ).toBe(201);
  const pendingPo = uniquePo("E2E-RQP");
  const slow = send(pendingPo);
  await expect
    .poll(async () => JSON.stringify(await (await api.get("/api/order-requests?status=submitted")).json()), {
      timeout: 5_000,
    })
    .toContain(pendingPo);
  await page.getByRole("link", { name: "Order requests" }).click();
  await expect(page).toHaveURL("/orders/requests");
  const pending = page.getByTestId("requests-pending");
  await expect(pending.locator("tbody tr").filter({ hasText: pendingPo })).toContainText("Sending");
  const failedRow = page.getByTestId("requests-failed").locator("tbody tr").filter({ hasText: failedPo });
  await expect(failedRow).toContainText(`Ingram does not know the part number ${FIXTURES.unknownPart}`);
  await expect(failedRow).toContainText(`SKU-NOTFOUND ${FIXTURES.unknownPart}`);
  await screenshot(page, "order-requests");
  await phoneScreenshot(page, "order-requests");
  await expectNoSeriousA11yViolations(page, "order requests");

  expect((await slow).status()).toBe(202);
  await api.dispose();
});
