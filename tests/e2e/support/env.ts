import { DEMO_PASSWORD, E2E_PORT, E2E_SANDBOX_PORT } from "../playwright.config";

/** The portal origin the browser uses (NEXTAUTH_URL in the config), and the sandbox's control API. */
export const PORTAL = `http://localhost:${E2E_PORT}`;
export const SANDBOX = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
export { DEMO_PASSWORD };

export const USERS = {
  admin: "admin@demo.local",
  buyer: "buyer@demo.local",
  viewer: "viewer@demo.local",
} as const;
export type Role = keyof typeof USERS;

/**
 * Seeded sandbox data (lib/ingram/sandbox/fixtures.ts); every test uses its own held order. The seed's dates
 * follow the day the sandbox started: read them with `seededDates` (tests/e2e/support/sandbox.ts).
 */
export const FIXTURES = {
  held: ["20-HLD01", "20-HLD02", "20-HLD03", "20-HLD04", "20-HLD05"] as const,
  processing: "20-PRC01",
  /** On hold at Ingram (credit review): not a customer hold, so no change is offered. */
  ingramHeld: "20-IHD01",
  canceled: "20-CXL01",
  shipped: {
    orderNumber: "20-SHP01",
    customerOrderNumber: "PO79123920",
    trackingNumber: "390064340282",
    serialNumber: "Q2EV-5SJ3-E6LN",
  },
  rollout: { term: "ROLLOUT", count: 57 },
  inStockPart: "TSXML1",
  unknownPart: "XXXXXX",
} as const;

/** A PO unique to this run and call (Ingram v7 allows at most 18 characters). */
export function uniquePo(prefix: string): string {
  const stamp = Date.now().toString(36).slice(-6).toUpperCase();
  const rand = Math.floor(Math.random() * 36 ** 3)
    .toString(36)
    .padStart(3, "0")
    .toUpperCase();
  return `${prefix}-${stamp}${rand}`.slice(0, 18);
}
