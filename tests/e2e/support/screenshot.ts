import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";

const DIR = fileURLToPath(new URL("../../artifacts/screenshots/", import.meta.url));

/** Saves the 1280×800 viewport as tests/artifacts/screenshots/<name>.png (for the visual review). */
export async function screenshot(page: Page, name: string): Promise<string> {
  expect(page.viewportSize()).toEqual({ width: 1280, height: 800 });
  mkdirSync(DIR, { recursive: true });
  const path = `${DIR}${name}.png`;
  await page.screenshot({ path, fullPage: false, animations: "disabled", caret: "hide" });
  return path;
}
