// The system under test: the Ingram sandbox (its CLI) and an embedded database as separate processes, and
// the portal started by our launcher (lib/cli/start.ts) in "real Ingram" mode pointed at that sandbox.
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { encode } from "next-auth/jwt";
import { type IngramCredentials, fetchToken, ingramHeaders } from "./baseline-proxy";
import { ARTIFACTS, type Child, ROOT, descendants, spawnTs, tail } from "./children";

export const PORTAL_PORT = 3300;
export const CREDS: IngramCredentials = {
  clientId: "orderdesk-sandbox",
  clientSecret: "sandbox-secret",
  customerNumber: "20-222222",
  countryCode: "US",
};
// The portal paces its own GETs per endpoint; lib/env.mjs caps this at 10000/min (about 166/s per endpoint).
export const PORTAL_RATE_LIMIT_PER_MINUTE = 10_000;

export interface Stack {
  sandboxUrl: string;
  portalUrl: string;
  cookie: string;
  orderNumber: string;
  /** The server process (lib/cli/serve.mjs, the one serving HTTP). */
  serverPid: number;
  serverCmd: string;
  stop(): Promise<void>;
  /** With StackOptions.profiling: writes the server's CPU profile since start (or the previous call). */
  writeProfile(): Promise<void>;
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer().once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });
}

export async function startSandboxProcess(): Promise<{ url: string; child: Child }> {
  const child = spawnTs("sandbox", join(ROOT, "lib/ingram/sandbox/cli.ts"), ["--port", "0", "--rate-limit", "off"]);
  const url = await child.waitFor(/listening on (http:\/\/\S+)/, 60_000);
  return { url, child };
}

async function firstOrderNumber(sandboxUrl: string): Promise<string> {
  const token = await fetchToken(sandboxUrl, CREDS);
  const res = await fetch(`${sandboxUrl}/resellers/v6/orders/search?pageSize=1`, {
    headers: ingramHeaders(token, CREDS),
  });
  const body = (await res.json()) as { orders?: { ingramOrderNumber: string }[] };
  const n = body.orders?.[0]?.ingramOrderNumber;
  if (!n) throw new Error(`sandbox search returned no order (HTTP ${res.status})`);
  return n;
}

async function waitHealthy(url: string, launcher: Child, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  let exited = false;
  launcher.proc.once("exit", () => (exited = true));
  while (Date.now() < until && !exited) {
    const ok = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`portal did not become healthy (see ${launcher.logFile}):\n${tail(launcher.logFile)}`);
}

function findServer(launcherPid: number): { pid: number; cmd: string } {
  // lib/cli/serve.mjs (Next.js's handler behind our own node:http server) is what `npm start` runs.
  const nextProcs = descendants(launcherPid).filter((p) => /serve\.mjs|next/.test(p.cmd));
  const server = nextProcs.at(-1);
  if (!server) throw new Error("could not find the server process (lib/cli/serve.mjs) under the launcher");
  return server;
}

export interface StackOptions {
  sandboxUrl: string;
  /** A PostgreSQL server URL (the bench creates and drops a database there); the embedded database when absent. */
  postgres?: string;
  /** lib/env.mjs variables for this configuration (e.g. ORDER_FRESH_SECONDS, SYNC_ENABLED). */
  vars?: Record<string, string>;
  /** Sample the server process with V8's profiler (tests/bench/cpu-profile-hook.cjs) into profileDir. */
  profiling?: { profileDir: string; hook: string };
  label: string;
}

/** A portal on PORTAL_PORT with a database of its own, against `sandboxUrl`. */
export async function startStack(opts: StackOptions): Promise<Stack> {
  if (!(await portFree(PORTAL_PORT)))
    throw new Error(`port ${PORTAL_PORT} is in use: stop whatever listens there first`);
  const dataDir = join(ARTIFACTS, "bench-data");
  rmSync(dataDir, { recursive: true, force: true });
  const started: Child[] = [];
  const stop = async () => {
    for (const c of started.reverse()) await c.stop();
  };
  try {
    const secret = randomBytes(32).toString("base64url");
    const vars: Record<string, string> = {
      INGRAM_CLIENT_ID: CREDS.clientId,
      INGRAM_CLIENT_SECRET: CREDS.clientSecret,
      INGRAM_CUSTOMER_NUMBER: CREDS.customerNumber,
      INGRAM_COUNTRY_CODE: CREDS.countryCode,
      INGRAM_BASE_URL: opts.sandboxUrl,
      INGRAM_WEBHOOK_SECRET: "bench-secret",
      INGRAM_RATE_LIMIT_PER_MINUTE: String(PORTAL_RATE_LIMIT_PER_MINUTE),
      // One user drives the load: the fair share must not be what limits the run.
      INGRAM_BUDGET_USER_SHARE: String(PORTAL_RATE_LIMIT_PER_MINUTE),
      // The order-index sync may use the whole budget: a full pass then takes seconds, not hours.
      SYNC_CALLS_PER_MINUTE: String(PORTAL_RATE_LIMIT_PER_MINUTE),
      NEXTAUTH_SECRET: secret,
      PORT: String(PORTAL_PORT),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ...opts.vars,
    };
    // Not "production": lib/env.mjs would then demand the DATABASE_URL this child is about to create.
    const dbChild = spawnTs(
      `database-${opts.label}`,
      join(ROOT, "tests/bench/db-child.ts"),
      opts.postgres ? [opts.postgres] : [],
      { ...vars, NODE_ENV: "development" },
    );
    started.push(dbChild);
    const db = JSON.parse(await dbChild.waitFor(/^BENCH_DB (.+)$/, 60_000)) as {
      url: string;
      embedded: boolean;
      user: { id: string; role: string; sessionVersion: number };
    };
    const token = await encode({
      token: {
        sid: randomUUID(),
        sub: db.user.id,
        role: db.user.role,
        sv: db.user.sessionVersion,
        at: Math.floor(Date.now() / 1000),
      },
      secret,
      maxAge: 8 * 60 * 60,
    });
    const building = !existsSync(join(ROOT, ".next", "BUILD_ID"));
    const launcher = spawnTs(`portal-${opts.label}`, join(ROOT, "lib/cli/start.ts"), [], {
      ...vars,
      DATABASE_URL: db.url,
      ...(db.embedded ? { ORDERDESK_EMBEDDED_DB: "1" } : { AUDIT_KEY: randomBytes(32).toString("base64url") }),
      ...(opts.profiling
        ? { NODE_OPTIONS: `--require ${opts.profiling.hook}`, BENCH_PROFILE_DIR: opts.profiling.profileDir }
        : {}),
    });
    started.push(launcher);
    const portalUrl = `http://127.0.0.1:${PORTAL_PORT}`;
    await waitHealthy(portalUrl, launcher, building ? 600_000 : 120_000);
    const server = findServer(launcher.pid);
    return {
      sandboxUrl: opts.sandboxUrl,
      portalUrl,
      cookie: `next-auth.session-token=${token}`,
      orderNumber: await firstOrderNumber(opts.sandboxUrl),
      serverPid: server.pid,
      serverCmd: server.cmd,
      stop,
      async writeProfile() {
        process.kill(server.pid, "SIGUSR2");
        await launcher.waitFor(/BENCH_PROFILE written/, 30_000);
        console.log(`  CPU profile of the portal server written under ${opts.profiling?.profileDir}`);
      },
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Waits until the portal's order search answers from the order index (the sync finished a full pass), so that
 * list reads measured next are index hits.
 */
export async function waitIndexed(stack: Stack, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const res = await fetch(`${stack.portalUrl}/api/orders?pageSize=1`, { headers: { cookie: stack.cookie } });
    const body = (await res.json().catch(() => ({}))) as { source?: string };
    if (res.ok && body.source === "index") return;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the portal's order index did not cover the account within ${timeoutMs / 1000} s`);
}

/** One request that must succeed before any load is put on `url`; also warms lazily compiled routes. */
export async function expectOk(url: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(30_000) });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}
