import { signIn, signOut } from "./support/auth";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { FIXTURES, USERS } from "./support/env";
import { screenshot } from "./support/screenshot";
import { tableRows } from "./support/tables";
import { expect, test } from "./support/test";

const ORDER = FIXTURES.held[3];
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;
const CID = /^[0-9a-f]{32}$/;

test(`after a modify and a cancel of ${ORDER}, /audit lists both with actor, time and correlation id, and each event shows its before/after diff`, async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "buyer");

  // Modify: line 002 from 1 to 3, and one line added.
  await page.goto(`/orders/${ORDER}/edit`);
  await page.getByLabel("New quantity for line 002").fill("3");
  await page.getByRole("button", { name: "Add line" }).click();
  const added = page.getByRole("group", { name: "New line 1" });
  await added.getByLabel("New line 1 · Ingram part number").fill("TSXML3");
  await added.getByLabel("Quantity").fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { name: "Changes saved" })).toBeVisible();

  // Cancel.
  await page.goto(`/orders/${ORDER}`);
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page
    .getByRole("dialog", { name: `Cancel order ${ORDER}?` })
    .getByRole("button", { name: "Cancel order" })
    .click();
  await expect(page.locator(".panel-ok")).toBeVisible();
  await signOut(page);

  // An admin reads the log.
  await signIn(page, "admin");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL("/audit");
  await screenshot(page, "audit-list");
  const filters = page.getByRole("search", { name: "Filter audit events" });
  await filters.getByLabel("Order number").fill(ORDER);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(`/audit?orderNumber=${ORDER}`);

  const table = page.getByRole("region", { name: "Audit events" }).locator("table.data");
  const rows = await tableRows(table);
  for (const r of rows) expect(r.Order).toBe(ORDER);
  const modify = rows.filter((r) => r.Action === "Modify order");
  const cancel = rows.filter((r) => r.Action === "Cancel order");
  expect(modify.map((r) => r.Outcome).sort()).toEqual(["Started", "Succeeded"]);
  expect(cancel.map((r) => r.Outcome).sort()).toEqual(["Started", "Succeeded"]);
  for (const r of [...modify, ...cancel]) {
    expect(r.Actor).toBe(USERS.buyer);
    expect(r.Time).toMatch(TIME);
    expect(r["Correlation id"]).toMatch(CID);
  }
  // Intent and outcome of one action share a correlation id; the two actions do not.
  expect(new Set(modify.map((r) => r["Correlation id"])).size).toBe(1);
  expect(new Set(cancel.map((r) => r["Correlation id"])).size).toBe(1);
  expect(modify[0]!["Correlation id"]).not.toBe(cancel[0]!["Correlation id"]);
  // Newest first: the cancel happened after the modify.
  expect(Number(cancel[0]!["#"])).toBeGreaterThan(Number(modify[0]!["#"]));
  await screenshot(page, "audit-list-filtered");

  // Open the modify outcome: a one-line summary, the added line as a buyer reads it, then every changed field
  // (line 002's quantity going from 1 to 3) under Ingram's names, collapsed.
  const modifyDone = modify.find((r) => r.Outcome === "Succeeded")!;
  await table.getByRole("link", { name: `Open event ${modifyDone["#"]}` }).click();
  await expect(page).toHaveURL(`/audit/${modifyDone["#"]}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modify order Succeeded");
  const facts = page.getByRole("region", { name: "Event", exact: true });
  await expect(facts).toContainText(USERS.buyer);
  await expect(facts).toContainText(modifyDone["Correlation id"]!);
  const diff = page.getByRole("region", { name: "Order before and after" });
  await expect(diff.getByTestId("diff-summary")).toHaveText(
    /^Added 1 line \(INGRAM TEST TSXML3-TEST ×2\); changed line 002 quantity 1 → 3(; changed .+)?$/,
  );
  const addedRows = await tableRows(diff.getByTestId("diff-lines"));
  expect(addedRows).toHaveLength(1);
  expect(addedRows[0]).toMatchObject({
    Change: "Added",
    Vendor: "INGRAM TEST",
    Part: "TSXML3 · TSXML3-TEST",
    Description: "SANDBOX TEST SKU 3",
    Qty: "2",
    "Unit price": "30",
  });
  const raw = diff.locator("details.diff-raw");
  await expect(raw.getByRole("rowheader", { name: /Line changed 002/ })).toBeHidden();
  await expectNoSeriousA11yViolations(page, "an audit event with its summary and line table");
  await screenshot(page, "audit-event-modify-summary");
  await raw.locator("summary").click();
  await expect(diff.getByRole("rowheader", { name: /Line changed 002/ })).toBeVisible();
  const qty = raw
    .locator("tbody tr")
    .filter({ has: page.getByRole("rowheader", { name: /^quantity/i }) })
    .first();
  await expect(qty.locator("td").nth(0)).toHaveText("1");
  await expect(qty.locator("td").nth(1)).toHaveText("3");
  await expect(page.getByRole("region", { name: "Related events" })).toContainText("Started by");
  await screenshot(page, "audit-event-modify");

  // Open the cancel outcome: the diff shows the status leaving "On Hold".
  await page.goto(`/audit?orderNumber=${ORDER}&action=order.cancel&outcome=succeeded`);
  const cancelRows = await tableRows(page.getByRole("region", { name: "Audit events" }).locator("table.data"));
  expect(cancelRows).toHaveLength(1);
  await page.getByRole("link", { name: `Open event ${cancelRows[0]!["#"]}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cancel order Succeeded");
  const cancelDiff = page.getByRole("region", { name: "Order before and after" });
  await expect(cancelDiff.getByTestId("diff-summary")).toHaveText("Cancelled");
  await cancelDiff.locator("details.diff-raw summary").click();
  await expect(cancelDiff.locator("table")).toBeVisible();
  await expect(cancelDiff).toContainText(/On Hold/i);
  await expect(cancelDiff).toContainText(/Cancell?ed/i);
  await screenshot(page, "audit-event-cancel");
});
