import { expect, type APIRequestContext } from "@playwright/test";
import { SANDBOX } from "./env";

export type SandboxOp = "token" | "search" | "get" | "create" | "createV7" | "modify" | "release" | "cancel";
export const MUTATING_OPS: SandboxOp[] = ["create", "createV7", "modify", "release", "cancel"];

export interface SandboxRequest {
  op: SandboxOp;
  method: string;
  path: string;
  query: [string, string][];
  body: unknown;
}

export interface SandboxStats {
  counts: Record<SandboxOp, number>;
  requests: SandboxRequest[];
}

/** The seed's dates (yyyy-MM-dd) in the sandbox the portal calls; they follow the day it started. */
export interface SeededDates {
  seedBaseDate: string;
  shippedOrder: { orderDate: string; shipDate: string };
}

/** GET /__sandbox/fixtures: asked of the sandbox itself, so a run that crosses midnight still agrees with it. */
export async function seededDates(request: APIRequestContext): Promise<SeededDates> {
  const res = await request.get(`${SANDBOX}/__sandbox/fixtures`);
  expect(res.status()).toBe(200);
  const { seedBaseDate, shippedOrder } = (await res.json()) as SeededDates;
  return { seedBaseDate, shippedOrder: { orderDate: shippedOrder.orderDate, shipDate: shippedOrder.shipDate } };
}

/** GET /__sandbox/stats: per-operation counters and the recent request log of the sandbox the portal calls. */
export async function sandboxStats(request: APIRequestContext): Promise<SandboxStats> {
  const res = await request.get(`${SANDBOX}/__sandbox/stats`);
  expect(res.status()).toBe(200);
  return (await res.json()) as SandboxStats;
}

export function mutatingCalls(stats: SandboxStats): number {
  return MUTATING_OPS.reduce((n, op) => n + (stats.counts[op] ?? 0), 0);
}
