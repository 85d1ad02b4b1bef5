// The only module that reads process.env. It validates once, at import, and fails with a message that
// names the variable. Sandbox mode is "no INGRAM_CLIENT_ID": the portal then talks to the embedded Ingram
// simulator and keeps generated secrets under .data/ so that restarts keep sessions and webhook signatures.
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const SANDBOX_PORT_DEFAULT = 4010;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = optionalText.pipe(z.url({ protocol: /^https?$/ }).optional());

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
      .optional(),
  ),
  NEXTAUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: optionalUrl,
  INGRAM_BASE_URL: optionalUrl,
  INGRAM_TOKEN_URL: optionalUrl,
  INGRAM_CLIENT_ID: optionalText,
  INGRAM_CLIENT_SECRET: optionalText,
  INGRAM_CUSTOMER_NUMBER: optionalText.pipe(
    z.string().max(10, "must be at most 10 characters, e.g. 20-222222").optional(),
  ),
  INGRAM_COUNTRY_CODE: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Z]{2}$/, "must be a 2-letter ISO country code such as US")
      .optional(),
  ),
  INGRAM_SENDER_ID: optionalText.pipe(z.string().max(32, "must be at most 32 characters").optional()),
  INGRAM_WEBHOOK_SECRET: optionalText,
  INGRAM_REGION_CODE: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9]{1,10}$/, "must be 1-10 letters or digits, such as CS")
      .optional(),
  ),
  INGRAM_TIMEOUT_MS: optionalText.pipe(z.coerce.number().int().min(100).max(120_000).optional()),
  INGRAM_RATE_LIMIT_PER_MINUTE: optionalText.pipe(z.coerce.number().int().min(1).max(10_000).optional()),
  ORDER_FRESH_SECONDS: optionalText.pipe(z.coerce.number().int().min(0).max(86_400).optional()),
  ORDER_REQUEST_PENDING_SECONDS: optionalText.pipe(z.coerce.number().int().min(30).max(604_800).optional()),
  // Calls each priority leaves to the ones above it, per endpoint per minute (changes may use all).
  INGRAM_BUDGET_RESERVE_INTERACTIVE: optionalText.pipe(z.coerce.number().int().min(0).max(9_999).optional()),
  INGRAM_BUDGET_RESERVE_WEBHOOK: optionalText.pipe(z.coerce.number().int().min(0).max(9_999).optional()),
  INGRAM_BUDGET_RESERVE_SYNC: optionalText.pipe(z.coerce.number().int().min(0).max(9_999).optional()),
  INGRAM_BUDGET_RESERVE_EXPORT: optionalText.pipe(z.coerce.number().int().min(0).max(9_999).optional()),
  INGRAM_BUDGET_USER_SHARE: optionalText.pipe(z.coerce.number().int().min(1).max(10_000).optional()),
  SANDBOX_PORT: optionalText.pipe(z.coerce.number().int().min(0).max(65535).optional()),
  SANDBOX_ORDERS: optionalText.pipe(z.coerce.number().int().min(1).max(100_000).optional()),
  DEMO_PASSWORD: optionalText.pipe(z.string().min(8, "must be at least 8 characters").optional()),
  AUDIT_KEY: optionalText.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  OIDC_ISSUER: optionalUrl,
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  OIDC_NAME: optionalText,
  OIDC_TRUST_EMAIL: optionalText.pipe(z.enum(["0", "1", "true", "false"], "must be 1 or 0").optional()),
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .regex(/^(\d{1,2}|true|false)$/, "must be the number of trusted proxy hops (0, 1, 2, …)")
      .optional(),
  ),
  PORT: optionalText.pipe(z.coerce.number().int().min(1).max(65535).optional()),
  DATA_DIR: optionalText,
  // Set by our launcher when DATABASE_URL points at the PGlite database it serves on loopback.
  ORDERDESK_EMBEDDED_DB: optionalText,
  // Set by our launcher on the Next.js server it starts: that process runs the order-index sync.
  ORDERDESK_RUN_SYNC: optionalText,
  SYNC_ENABLED: optionalText.pipe(z.enum(["0", "1", "true", "false"], "must be 1 or 0").optional()),
  SYNC_HISTORY_DAYS: optionalText.pipe(z.coerce.number().int().min(1).max(3650).optional()),
  SYNC_CALLS_PER_MINUTE: optionalText.pipe(z.coerce.number().int().min(1).max(10_000).optional()),
  SYNC_RECENT_SECONDS: optionalText.pipe(z.coerce.number().int().min(10).max(86_400).optional()),
  SYNC_ACTIVE_REFRESH_MINUTES: optionalText.pipe(z.coerce.number().int().min(1).max(10_080).optional()),
  SYNC_FINAL_REFRESH_HOURS: optionalText.pipe(z.coerce.number().int().min(1).max(8_760).optional()),
  SYNC_FULL_PASS_HOURS: optionalText.pipe(z.coerce.number().int().min(1).max(8_760).optional()),
  // Watched-order e-mails go through this server (smtp://user:pass@host:port or smtps://…); unset sends none.
  SMTP_URL: optionalText.pipe(
    z.url({ protocol: /^smtps?$/, hostname: /./, error: "must be an smtp:// or smtps:// URL with a host" }).optional(),
  ),
  SMTP_FROM: optionalText.pipe(z.string().max(200, "must be at most 200 characters").optional()),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

function fail(messages) {
  const text = `Invalid environment:\n${messages.map((m) => `  - ${m}`).join("\n")}`;
  throw new Error(text);
}

function parse(source) {
  const result = schema.safeParse(source);
  if (!result.success) {
    fail(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  return result.data;
}

function loadOrCreateSecrets(dataDir) {
  const file = join(dataDir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8"));
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = {
    nextauthSecret: randomBytes(32).toString("base64url"),
    webhookSecret: randomBytes(32).toString("base64url"),
    demoPassword: randomBytes(9).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * The audit key generated once under the data directory (0600), in a file of its own so that existing
 * secrets files stay as they are. Created by hard-linking a complete temporary file, so processes starting at
 * once all end up with the first one's key, never a half-written file.
 */
function loadOrCreateAuditKey(dataDir) {
  const file = join(dataDir, "audit-key");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, randomBytes(32).toString("base64url"), { mode: 0o600 });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  return readFileSync(file, "utf8").trim();
}

export function buildEnv(source) {
  const raw = parse(source);
  const sandboxMode = !raw.INGRAM_CLIENT_ID;
  const production = raw.NODE_ENV === "production";
  // Runtime data, not a build input: keep Turbopack from tracing the whole project through this path.
  const dataDir = resolve(/* turbopackIgnore: true */ process.cwd(), raw.DATA_DIR ?? ".data");
  const problems = [];

  if (!sandboxMode) {
    for (const name of [
      "INGRAM_CLIENT_SECRET",
      "INGRAM_CUSTOMER_NUMBER",
      "INGRAM_COUNTRY_CODE",
      "INGRAM_WEBHOOK_SECRET",
    ]) {
      if (!raw[name]) problems.push(`${name}: required when INGRAM_CLIENT_ID is set`);
    }
    if (production && !raw.NEXTAUTH_SECRET)
      problems.push("NEXTAUTH_SECRET: required in production with Ingram credentials");
    if (production && !raw.DATABASE_URL) problems.push("DATABASE_URL: required in production with Ingram credentials");
  }
  const embeddedDb = raw.ORDERDESK_EMBEDDED_DB === "1" || !raw.DATABASE_URL;
  // The audit chain's HMAC key must live apart from the database it protects; only the embedded default,
  // whose database is itself a directory under .data/, may generate it there.
  if (production && !embeddedDb && !raw.AUDIT_KEY) problems.push("AUDIT_KEY: required in production with DATABASE_URL");
  if (raw.OIDC_ISSUER && (!raw.OIDC_CLIENT_ID || !raw.OIDC_CLIENT_SECRET)) {
    problems.push("OIDC_CLIENT_ID / OIDC_CLIENT_SECRET: required when OIDC_ISSUER is set");
  }
  // Reserves and the user share not given here scale with the limit (lib/ingram/call-policy.ts budgetLimits).
  const perMinute = raw.INGRAM_RATE_LIMIT_PER_MINUTE ?? 60;
  const reserve = {
    interactive: raw.INGRAM_BUDGET_RESERVE_INTERACTIVE,
    webhook: raw.INGRAM_BUDGET_RESERVE_WEBHOOK,
    sync: raw.INGRAM_BUDGET_RESERVE_SYNC,
    export: raw.INGRAM_BUDGET_RESERVE_EXPORT,
  };
  for (const [name, value] of Object.entries(reserve)) {
    if (value !== undefined && value >= perMinute) {
      problems.push(
        `INGRAM_BUDGET_RESERVE_${name.toUpperCase()}: must be below INGRAM_RATE_LIMIT_PER_MINUTE (${perMinute})`,
      );
    }
  }
  if (problems.length) fail(problems);

  const needsGenerated = sandboxMode && (!raw.NEXTAUTH_SECRET || !raw.INGRAM_WEBHOOK_SECRET || !raw.DEMO_PASSWORD);
  const generated = needsGenerated ? loadOrCreateSecrets(dataDir) : {};
  const sandboxPort = raw.SANDBOX_PORT ?? SANDBOX_PORT_DEFAULT;
  const port = raw.PORT ?? 3000;
  const sandboxBase = `http://127.0.0.1:${sandboxPort}`;
  const baseUrl = raw.INGRAM_BASE_URL ?? (sandboxMode ? sandboxBase : "https://api.ingrammicro.com:443");

  return Object.freeze({
    nodeEnv: raw.NODE_ENV,
    production,
    sandboxMode,
    dataDir,
    databaseUrl: raw.DATABASE_URL,
    embeddedDb,
    auditKey: raw.AUDIT_KEY ?? loadOrCreateAuditKey(dataDir),
    nextauthSecret: raw.NEXTAUTH_SECRET ?? generated.nextauthSecret,
    nextauthUrl: raw.NEXTAUTH_URL ?? `http://localhost:${port}`,
    port,
    sandboxPort,
    // Orders the embedded sandbox starts with (its own default when unset: 600).
    sandboxOrders: raw.SANDBOX_ORDERS,
    // Reverse-proxy hops in front of the portal whose X-Forwarded-For entries are believed (0: none).
    trustProxy: raw.TRUST_PROXY === "true" ? 1 : raw.TRUST_PROXY === "false" ? 0 : Number(raw.TRUST_PROXY ?? 0),
    logLevel: raw.LOG_LEVEL,
    // How old an indexed order detail may be and still answer an order page without asking Ingram.
    orderFreshSeconds: raw.ORDER_FRESH_SECONDS ?? 60,
    // How long a v7 order request may wait for Ingram's result webhook before a search by its PO decides it.
    orderRequestPendingSeconds: raw.ORDER_REQUEST_PENDING_SECONDS ?? 300,
    demoPassword: raw.DEMO_PASSWORD ?? generated.demoPassword,
    demoPasswordGenerated: !raw.DEMO_PASSWORD,
    ingram: Object.freeze({
      baseUrl: baseUrl.replace(/\/+$/, ""),
      tokenUrl: raw.INGRAM_TOKEN_URL ?? `${new URL(baseUrl).origin}/oauth/oauth20/token`,
      clientId: raw.INGRAM_CLIENT_ID ?? "orderdesk-sandbox",
      clientSecret: raw.INGRAM_CLIENT_SECRET ?? "sandbox-secret",
      customerNumber: raw.INGRAM_CUSTOMER_NUMBER ?? "20-222222",
      countryCode: raw.INGRAM_COUNTRY_CODE ?? "US",
      senderId: raw.INGRAM_SENDER_ID ?? "orderdesk",
      webhookSecret: raw.INGRAM_WEBHOOK_SECRET ?? generated.webhookSecret,
      timeoutMs: raw.INGRAM_TIMEOUT_MS ?? 10_000,
      rateLimitPerMinute: perMinute,
      budget: Object.freeze({
        perMinute,
        reserve: Object.freeze(reserve),
        userShare: raw.INGRAM_BUDGET_USER_SHARE,
      }),
      regionCode: raw.INGRAM_REGION_CODE,
    }),
    runSync: raw.ORDERDESK_RUN_SYNC === "1",
    smtpUrl: raw.SMTP_URL,
    smtpFrom: raw.SMTP_FROM ?? "Orderdesk <orderdesk@localhost>",
    sync: Object.freeze({
      enabled: raw.SYNC_ENABLED !== "0" && raw.SYNC_ENABLED !== "false",
      historyDays: raw.SYNC_HISTORY_DAYS ?? 90,
      callsPerMinute: raw.SYNC_CALLS_PER_MINUTE ?? 20,
      recentMs: (raw.SYNC_RECENT_SECONDS ?? 60) * 1000,
      activeRefreshMs: (raw.SYNC_ACTIVE_REFRESH_MINUTES ?? 15) * 60_000,
      finalRefreshMs: (raw.SYNC_FINAL_REFRESH_HOURS ?? 24) * 3_600_000,
      fullPassMs: (raw.SYNC_FULL_PASS_HOURS ?? 24) * 3_600_000,
    }),
    oidc: raw.OIDC_ISSUER
      ? Object.freeze({
          issuer: raw.OIDC_ISSUER,
          clientId: raw.OIDC_CLIENT_ID,
          clientSecret: raw.OIDC_CLIENT_SECRET,
          name: raw.OIDC_NAME ?? "Company SSO",
          // The provider vouches for every email it issues, so a missing email_verified claim is accepted.
          trustEmail: raw.OIDC_TRUST_EMAIL === "1" || raw.OIDC_TRUST_EMAIL === "true",
        })
      : null,
  });
}

export const env = buildEnv(process.env);

/**
 * Variables handed to child processes started by our own launcher (next build, next start, the sandbox). Next's
 * anonymous telemetry is off: nothing the portal runs may reach the internet.
 */
export function childEnv(extra) {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}
