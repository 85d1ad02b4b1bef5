import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, PORTAL, USERS, type Role } from "./env";

/**
 * An API client signed in through next-auth's credentials endpoint (the same one the login form posts to).
 * Writes carry Origin = the portal, as a browser on the portal would send. Dispose it when done.
 */
export async function apiAs(who: Role | { email: string; password: string }): Promise<APIRequestContext> {
  const email = typeof who === "string" ? USERS[who] : who.email;
  const password = typeof who === "string" ? DEMO_PASSWORD : who.password;
  const api = await playwrightRequest.newContext({ baseURL: PORTAL, extraHTTPHeaders: { Origin: PORTAL } });
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await api.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: `${PORTAL}/orders` },
  });
  expect(res.ok(), `sign-in of ${email} through the API`).toBe(true);
  // The session endpoint exposes only id and role; the portal's own API proves the cookie works.
  const session = (await (await api.get("/api/auth/session")).json()) as { user?: { id?: string } };
  expect(session.user?.id, `session of ${email}`).toBeTruthy();
  return api;
}

export interface CreatedOrder {
  orderNumber: string;
  customerOrderNumber: string;
}

/** A fresh order on customer hold (v6 create of one TSXML1 line), for tests that need a held order of their own. */
export async function createHeldOrder(api: APIRequestContext, customerOrderNumber: string): Promise<CreatedOrder> {
  const res = await api.post("/api/orders", {
    headers: { "Idempotency-Key": randomUUID() },
    data: {
      mode: "sync",
      customerOrderNumber,
      customerHold: true,
      lines: [{ ingramPartNumber: "TSXML1", quantity: 1 }],
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { result: { orders: { orderNumber: string }[] } };
  expect(body.result.orders).toHaveLength(1);
  return { orderNumber: body.result.orders[0]!.orderNumber, customerOrderNumber };
}

/** Signs `role` in through the API and saves the cookies as a Playwright storage state file; returns its path. */
export async function saveSignedInState(role: Role): Promise<string> {
  const path = fileURLToPath(new URL(`../../artifacts/e2e-state/${role}.json`, import.meta.url));
  const api = await apiAs(role);
  await api.storageState({ path });
  await api.dispose();
  return path;
}
