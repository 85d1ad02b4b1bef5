// Every page (support/screens.ts) in four passes: light and dark at 1280×800, light and dark at 390×844. Each
// pass is one browser context that signs in once; every page gets axe (serious/critical fail), a check that
// the document never scrolls sideways, and a screenshot. Then what a keyboard or a phone user does.
import { readFileSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { saveSignedInState } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { PORTAL } from "./support/env";
import { createScreenData, SCREENS, type ScreenData } from "./support/screens";
import { screenshot } from "./support/screenshot";
import { expect, PayloadGuard, test } from "./support/test";

interface Pass {
  scheme: "light" | "dark";
  width: number;
  height: number;
  /** axe at 390 in dark repeats the 1280 dark pass's contrast checks on the same colours: skipped for time. */
  axe: boolean;
}

const PASSES: Pass[] = [
  { scheme: "light", width: 1280, height: 800, axe: true },
  { scheme: "dark", width: 1280, height: 800, axe: true },
  { scheme: "light", width: 390, height: 844, axe: true },
  { scheme: "dark", width: 390, height: 844, axe: false },
];

const suffix = (p: Pass) => `${p.width === 1280 ? "" : `-${p.width}`}${p.scheme === "dark" ? "-dark" : ""}`;

let data: ScreenData;
test.beforeAll(async () => {
  data = await createScreenData();
});

/** The document never scrolls sideways; a failure names the elements that stick out past the right edge. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, clientWidth, outside } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const outside = Array.from(document.querySelectorAll("body *"))
      .filter((el) => sticksOut(el) && !Array.from(el.children).some(sticksOut))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} in ${el.parentElement?.tagName}`);
    return { scrollWidth: document.documentElement.scrollWidth, clientWidth: width, outside };
  });
  expect(scrollWidth, `${what}: the document is wider than the screen (${outside.join("; ")})`).toBeLessThanOrEqual(
    clientWidth,
  );
}

for (const pass of PASSES) {
  test.describe(`${pass.scheme} ${pass.width}×${pass.height}`, () => {
    let context: BrowserContext;
    let page: Page;
    let signedIn = false;
    const guard = new PayloadGuard();
    const admin = async () => JSON.parse(readFileSync(await saveSignedInState("admin"), "utf8")) as { cookies: [] };

    test.beforeAll(async ({ browser }) => {
      context = await browser.newContext({ baseURL: PORTAL, viewport: { width: pass.width, height: pass.height } });
      guard.watch(context);
      page = await context.newPage();
      await page.emulateMedia({ colorScheme: pass.scheme });
    });
    test.afterAll(async ({ playwright }) => {
      await context.close();
      const request = await playwright.request.newContext({ baseURL: PORTAL });
      await guard.verify(request);
      await request.dispose();
    });

    async function as(who: "guest" | "admin"): Promise<void> {
      if (who === "guest" && signedIn) await context.clearCookies();
      if (who === "admin" && !signedIn) await context.addCookies((await admin()).cookies);
      signedIn = who === "admin";
    }

    for (const screen of SCREENS.filter((s) => !s.widths || s.widths.includes(pass.width))) {
      test(screen.name, async () => {
        await as(screen.as);
        await screen.open(page, data);
        const what = `${screen.name} (${pass.scheme}, ${pass.width} px)`;
        if (pass.axe) await expectNoSeriousA11yViolations(page, what);
        await expectNoSidewaysScroll(page, what);
        await screenshot(page, `${screen.name}${suffix(pass)}`);
      });
    }

    test("a 50-line order keeps its column headers in view while its lines scroll", async () => {
      await as("admin");
      await page.goto(`/orders/${data.manyLines.orderNumber}`);
      const wrap = page.locator(".table-wrap", { has: page.locator("caption", { hasText: "Lines (50)" }) });
      const header = wrap.locator("thead th").first();
      // Streamed in: the server first sends the lines hidden, then swaps them into place.
      await expect(wrap).toBeVisible();
      const scrolls = await wrap.evaluate((el) => el.scrollHeight > el.clientHeight + 200);
      expect(scrolls, "the lines table scrolls within its card").toBe(true);
      await wrap.evaluate((el) => {
        el.scrollTo(0, el.scrollHeight);
        window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 56);
      });
      expect(await wrap.evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
      const [wrapBox, headerBox, appHeader] = [
        await wrap.boundingBox(),
        await header.boundingBox(),
        await page.locator(".app-header").boundingBox(),
      ];
      expect(Math.abs(headerBox!.y - wrapBox!.y), "the header sits at the top of the scrolled table").toBeLessThan(2);
      expect(headerBox!.y, "below the page's own sticky header").toBeGreaterThanOrEqual(
        appHeader!.y + appHeader!.height,
      );
      await expect(header).toBeInViewport();
      await screenshot(page, `order-50-lines-scrolled${suffix(pass)}`);
    });

    if (pass.width === 1280 && pass.scheme === "light") {
      test("from the orders page, the first order is at most 5 Tab presses away (skip link)", async () => {
        await as("admin");
        await page.goto("/orders");
        const firstOrder = page.locator("#results tr").first().getByRole("link").first();
        await expect(firstOrder).toBeVisible();
        let tabs = 0;
        const isFirstOrder = () => firstOrder.evaluate((el) => el === document.activeElement);
        while (tabs < 5 && !(await isFirstOrder())) {
          await page.keyboard.press("Tab");
          tabs++;
          if ((await page.evaluate(() => document.activeElement?.textContent)) === "Skip to results") {
            await expect(page.getByRole("link", { name: "Skip to results" })).toBeVisible();
            await page.keyboard.press("Enter");
          }
        }
        await expect(firstOrder).toBeFocused();
        expect(tabs, "Tab presses from the top of the page to the first order").toBeLessThanOrEqual(5);
      });

      test("other pages skip to the main content", async () => {
        await as("admin");
        await page.goto("/audit");
        await page.keyboard.press("Tab");
        await expect(page.locator(":focus")).toHaveText("Skip to content");
        await page.keyboard.press("Enter");
        await expect(page.locator("main#content")).toBeFocused();
      });
    }

    if (pass.width === 390) {
      test("the header collapses behind a Menu button with the nav, bell, account and Sign out", async () => {
        await as("admin");
        await page.goto("/orders");
        const menu = page.getByRole("button", { name: "Menu" });
        const nav = page.getByRole("navigation", { name: "Main" });
        const signOut = page.getByRole("button", { name: "Sign out" });
        await expect(menu).toHaveAttribute("aria-expanded", "false");
        await expect(nav).toBeHidden();
        await expect(signOut).toBeHidden();
        await menu.click();
        await expect(menu).toHaveAttribute("aria-expanded", "true");
        await expect(nav.getByRole("link", { name: "Audit" })).toBeVisible();
        await expect(page.getByTestId("bell")).toBeVisible();
        await expect(page.getByRole("link", { name: "admin@demo.local" })).toBeVisible();
        await expect(signOut).toBeInViewport();
        if (pass.axe) await expectNoSeriousA11yViolations(page, `open header menu (${pass.scheme})`);
        await expectNoSidewaysScroll(page, "open header menu");
        await screenshot(page, `header-menu-open${suffix(pass)}`);
        await page.keyboard.press("Escape");
        await expect(nav).toBeHidden();
        await expect(menu).toBeFocused();
        await menu.click();
        await nav.getByRole("link", { name: "Audit" }).click();
        await expect(page).toHaveURL(/\/audit$/);
        await expect(nav).toBeHidden();
      });
    }
  });
}
