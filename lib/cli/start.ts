// `npm start`: migrate, seed (sandbox mode only), build when there is no build, then serve on PORT.
// With no DATABASE_URL this process owns the embedded PGlite database and serves it to Next.js over the
// PostgreSQL wire protocol; with no INGRAM_CLIENT_ID it also runs the Ingram sandbox.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { childEnv, env } from "@/lib/env.mjs";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/database/embedded";
import { migrate } from "@/lib/database/apply-migrations";
import { createDb, installDb } from "@/lib/db";
import { setIngramBudget } from "@/lib/ingram/client";
import { sharedIngramBudget } from "@/lib/ingram-budget/pg-budget";
import { announceEmbedded, withdrawEmbedded } from "@/lib/database/cli-database";
import { startSandbox, type Sandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { seedDemoUsers } from "@/lib/users/seed-demo";
import { pruneExpiredRows, pruneIfDue } from "@/lib/database/retention";
import { recoverAudit, recoverEmbeddedAudit, startAuditReconciler } from "@/lib/audit/recover";

const dev = process.argv.includes("--dev");
const nextBin = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function run(args: string[], extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env: childEnv(extraEnv) });
}

/** `next start` cannot show route handlers the peer address; our own server in front of Next's handler does. */
function serve(extraEnv: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [join(process.cwd(), "lib", "cli", "serve.mjs")], {
    stdio: "inherit",
    env: childEnv({ ...extraEnv, NODE_ENV: "production" }),
  });
}

function waitExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/**
 * The server starts the order-index sync with its database client, on its first database use: one health
 * check once it listens makes that happen at start-up rather than at the first visit.
 */
async function wakeSync(port: number): Promise<void> {
  for (let i = 0; i < 180; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) }).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

async function main(): Promise<void> {
  let embedded: EmbeddedPostgres | null = null;
  let sandbox: Sandbox | null = null;
  let databaseUrl = env.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(env.dataDir, "pglite") });
    databaseUrl = embedded.url;
    announceEmbedded(embedded);
  }
  const applied = await migrate(databaseUrl);

  const appUrl = env.nextauthUrl;
  if (env.sandboxMode) {
    sandbox = await startSandbox({
      port: env.sandboxPort,
      orderCount: env.sandboxOrders,
      // Ingram's own limit unless INGRAM_RATE_LIMIT_PER_MINUTE says otherwise, the same the portal's budget keeps.
      rateLimitPerMinute: env.ingram.rateLimitPerMinute,
      webhookUrl: `http://127.0.0.1:${env.port}/api/webhooks/ingram`,
      webhookSecret: env.ingram.webhookSecret,
    });
  }

  const db = createDb(databaseUrl, embedded ? 1 : 2);
  installDb(db);
  // The reconciler below reads Ingram too: within the budget every instance shares.
  setIngramBudget(() => sharedIngramBudget(db));
  // Audit intents left open by a dead instance. The embedded database serves one connection at a time, so
  // its launcher reconciles once, before Next.js starts; on PostgreSQL the launcher keeps reconciling while
  // it runs, for this and every other instance (owners are told apart by their heartbeats).
  let stopReconciler: (() => Promise<void>) | null = null;
  try {
    if (env.sandboxMode) await seedDemoUsers(env.demoPassword, db);
    await pruneExpiredRows(db);
    if (embedded) await recoverEmbeddedAudit(db);
    else {
      await recoverAudit(db);
      stopReconciler = startAuditReconciler(db);
      // The launcher keeps its connection on PostgreSQL, so it also keeps the short-lived tables bounded.
      setInterval(() => void pruneIfDue(db), 10 * 60 * 1000).unref();
    }
  } finally {
    if (!stopReconciler) await db.$disconnect();
  }

  const childVars: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_URL: appUrl,
    NEXTAUTH_SECRET: env.nextauthSecret,
    PORT: String(env.port),
  };
  if (embedded) childVars.ORDERDESK_EMBEDDED_DB = "1";

  if (!dev && !existsSync(join(process.cwd(), ".next", "BUILD_ID"))) {
    console.log("No build found: running `next build` once (about a minute)…");
    const code = await waitExit(run(["build"], childVars));
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  }

  const banner = [
    "",
    "Orderdesk",
    `  URL:       ${appUrl}`,
    `  Ingram:    ${env.sandboxMode ? `sandbox (simulator at ${sandbox?.url})` : env.ingram.baseUrl}`,
    `  Database:  ${embedded ? `embedded PGlite (${join(env.dataDir, "pglite")})` : "PostgreSQL (DATABASE_URL)"}`,
    `  Migrations applied now: ${applied.length ? applied.join(", ") : "none (up to date)"}`,
  ];
  if (env.sandboxMode) {
    banner.push(
      "  Demo users: admin@demo.local, buyer@demo.local, viewer@demo.local",
      `  Password:   ${env.demoPasswordGenerated ? `${env.demoPassword} (generated; set DEMO_PASSWORD to choose)` : "DEMO_PASSWORD"}`,
    );
  }
  console.log(banner.join("\n") + "\n");

  const serverVars = { ...childVars, ORDERDESK_RUN_SYNC: "1" };
  const server = dev ? run(["dev", "-p", String(env.port)], serverVars) : serve(serverVars);
  if (env.sync.enabled) void wakeSync(env.port);
  const stop = async (code: number) => {
    server.kill("SIGTERM");
    await stopReconciler?.();
    await db.$disconnect().catch(() => undefined);
    await sandbox?.close();
    if (embedded) withdrawEmbedded();
    await embedded?.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  const code = await waitExit(server);
  await stop(code);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
