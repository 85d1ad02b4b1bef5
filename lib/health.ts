import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";

export interface Health {
  status: "ok" | "degraded";
  database: "up" | "down";
  upstream: { mode: "sandbox" | "ingram"; state: "up" | "down" | "not_checked" };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), ms).unref())]);
}

/**
 * Liveness for load balancers: public, no secrets, no Ingram call in production (its rate limit is per app);
 * in sandbox mode the loopback simulator is probed.
 */
export async function checkHealth(): Promise<Health> {
  const database = await withTimeout(db.$queryRaw`SELECT 1`, 2000).then(
    () => "up" as const,
    () => "down" as const,
  );
  let state: Health["upstream"]["state"] = "not_checked";
  if (env.sandboxMode) {
    state = await fetch(env.ingram.baseUrl, {
      method: "HEAD",
      signal: AbortSignal.timeout(1000),
      redirect: "manual",
    }).then(
      () => "up" as const,
      () => "down" as const,
    );
  }
  return {
    status: database === "up" && state !== "down" ? "ok" : "degraded",
    database,
    upstream: { mode: env.sandboxMode ? "sandbox" : "ingram", state },
  };
}
