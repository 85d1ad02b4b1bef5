import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

const DIR = fileURLToPath(new URL("../../artifacts/screenshots/", import.meta.url));

/** The review's two screen sizes: a laptop and a phone. */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/** Saves the viewport (1280×800 or 390×844) as tests/artifacts/screenshots/<name>.png (for the visual review). */
export async function screenshot(page: Page, name: string): Promise<string> {
  expect(SIZES).toContainEqual(page.viewportSize());
  mkdirSync(DIR, { recursive: true });
  const path = `${DIR}${name}.png`;
  await page.screenshot({ path, fullPage: false, animations: "disabled", caret: "hide" });
  return path;
}
