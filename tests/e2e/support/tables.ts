import type { Locator, Page } from "@playwright/test";

/** The results table of /orders (the first table in the "Search results" card). */
export function resultsTable(page: Page): Locator {
  return page.getByRole("region", { name: "Search results" }).locator("table.data").first();
}

/** The column headers' visible names (without sort indicators or screen-reader hints). */
export async function tableHeaders(table: Locator): Promise<string[]> {
  return table.evaluate((t: HTMLTableElement) =>
    Array.from(t.tHead?.rows[0]?.cells ?? []).map((c) =>
      (c.querySelector(".sort-link")?.childNodes[0]?.textContent ?? c.textContent ?? "").replace(/[▲▼↕]/g, "").trim(),
    ),
  );
}

/** Each body row as { header text: cell text } using the table's own column headers. */
export async function tableRows(table: Locator): Promise<Record<string, string>[]> {
  return table.evaluate((t: HTMLTableElement) => {
    const heads = Array.from(t.tHead?.rows[0]?.cells ?? []).map((c) =>
      (c.querySelector(".sort-link")?.childNodes[0]?.textContent ?? c.textContent ?? "").replace(/[▲▼↕]/g, "").trim(),
    );
    return Array.from(t.tBodies[0]?.rows ?? []).map((r) =>
      Object.fromEntries(Array.from(r.cells).map((c, i) => [heads[i] ?? String(i), (c.textContent ?? "").trim()])),
    );
  });
}
