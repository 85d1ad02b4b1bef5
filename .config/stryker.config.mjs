// Mutation testing of the modules that guard money and trust (README "Mutation testing"). Slow: run one group
// at a time with `MUTATION_GROUP=authz npm run test:mutation` (or `-- --mutate <file>`); CI does not run it.
import { existsSync, readFileSync } from "node:fs";

/**
 * The groups the README's table reports: the modules mutated and the tests that speak for them. Naming the tests
 * (Stryker's `testFiles`) keeps each run to the suites about that group: related-file discovery alone pulls in
 * nearly every integration suite (every route imports authz and the audit), and each mutant re-runs its covering
 * tests, each file starting a database and often the sandbox. A narrower test set can only lower a score.
 *
 * Every group runs on the vitest runner with "perTest" coverage: one vitest process per worker, and each mutant
 * runs only the tests that reached it. Static mutants (module-level tables and regexes, evaluated once at import)
 * cannot be activated in a process that keeps its modules loaded, so they are ignored (`ignoreStatic`) and listed
 * as such in the report; `MUTATION_STATIC=1` measures a group's static mutants instead, with a fresh vitest process
 * per mutant (the command runner) and only those mutants (`--mutate` line ranges from a previous run's report).
 */
const GROUPS = {
  authz: {
    mutate: ["lib/authz.ts"],
    // The route-by-role matrix (tests/integration/orders/authz-matrix.test.ts) exercises the same table through
    // every route but needs the sandbox per mutant; the unit test pins the table exactly.
    tests: ["tests/unit/auth/permissions.test.ts"],
  },
  "page-guard": {
    mutate: ["lib/auth/page-guard.ts"],
    // password-reset-once.test.ts: a reset password sends every page but /account there.
    tests: ["tests/integration/auth/page-guard.test.ts", "tests/integration/auth/password-reset-once.test.ts"],
  },
  idempotency: {
    mutate: ["lib/orders/idempotency.ts"],
    tests: ["tests/unit/orders/wire.test.ts", "tests/integration/orders/idempotency-rules.test.ts"],
  },
  "webhook-payload": {
    mutate: ["lib/orders/webhook-payload.ts"],
    tests: [
      "tests/unit/orders/wire.test.ts",
      "tests/unit/orders/webhook-payload.test.ts",
      "tests/unit/orders/webhook-result.test.ts",
    ],
  },
  // The signature check alone, measured by its unit tests.
  "webhook-signature": {
    mutate: ["lib/orders/receive-ingram-webhook.ts:20-28"],
    tests: ["tests/unit/orders/wire.test.ts", "tests/unit/orders/webhook-signature.test.ts"],
  },
  webhooks: {
    mutate: ["lib/orders/receive-ingram-webhook.ts"],
    // webhooks.test.ts (deliveries from the sandbox, polled for seconds) is left to the ordinary suite.
    tests: [
      "tests/unit/orders/wire.test.ts",
      "tests/unit/orders/webhook-signature.test.ts",
      "tests/integration/orders/webhook-receive.test.ts",
      "tests/integration/orders/webhook-claims.test.ts",
    ],
  },
  "audit-hash": {
    mutate: ["lib/audit/chain.ts", "lib/audit/reconcile-verdict.ts"],
    tests: ["tests/unit/audit/chain.test.ts", "tests/unit/audit/reconcile-verdict.test.ts"],
  },
  audit: {
    mutate: [
      "lib/audit/append.ts",
      "lib/audit/record.ts",
      "lib/audit/verify.ts",
      "lib/audit/checkpoint.ts",
      "lib/audit/reconcile.ts",
    ],
    tests: [
      "tests/unit/audit/checkpoint.test.ts",
      "tests/integration/audit/chain.test.ts",
      "tests/integration/audit/keyed-chain.test.ts",
      "tests/integration/audit/guarded-outcome.test.ts",
      "tests/integration/audit/crash-recovery.test.ts",
      "tests/integration/audit/outcome-trials.test.ts",
      "tests/integration/audit/instances.test.ts",
      "tests/integration/audit/availability.test.ts",
      // Added after the first run: each column an event stores; the verifier's edges; what the reconciler hands on
      // and records; reconciliation beside a live owner, corrections; appends through the restricted database role.
      "tests/integration/audit/record-fields.test.ts",
      "tests/integration/audit/verify-edges.test.ts",
      "tests/integration/audit/reconcile-fields.test.ts",
      "tests/integration/audit/ownership.test.ts",
      "tests/integration/audit/restricted-role.test.ts",
      // After the second run: the heartbeat lease an intent takes and its outcome gives back; the append queue's
      // batches (one refused event, events already stored, several intents' outcomes together).
      "tests/integration/audit/intent-lease.test.ts",
      "tests/integration/audit/refused-appends.test.ts",
    ],
  },
  "sign-in-pure": {
    mutate: ["lib/auth/client-address.ts", "lib/auth/device-cookie.ts", "lib/auth/sign-in-attempt.ts"],
    tests: ["tests/unit/auth/cookies-and-redaction.test.ts", "tests/unit/auth/device-cookie.test.ts"],
  },
  "sign-in": {
    mutate: [
      "lib/auth/credentials.ts",
      "lib/auth/throttle.ts",
      "lib/auth/auth-post.ts",
      "lib/auth/session-revocation.ts",
    ],
    tests: [
      "tests/integration/auth/credentials-flow.test.ts",
      "tests/integration/auth/throttle.test.ts",
      "tests/integration/auth/refusals-and-sessions.test.ts",
      "tests/integration/auth/session.test.ts",
      // The password change's own check (reservePasswordCheck, clearPasswordChecks) is throttle.ts code too.
      "tests/integration/auth/password-check-throttle.test.ts",
      // The edges the first run left: keys a success clears, the wait read, audit rows, the POST's headers.
      "tests/integration/auth/sign-in-edges.test.ts",
    ],
  },
  changes: {
    mutate: [
      "lib/orders/create-order.ts",
      "lib/orders/create-order-request.ts",
      "lib/orders/modify-order.ts",
      "lib/orders/release-order.ts",
      "lib/orders/cancel-order.ts",
      "lib/orders/audited-change.ts",
    ],
    tests: [
      "tests/integration/orders/orders-api.test.ts",
      "tests/integration/orders/reliability.test.ts",
      "tests/integration/orders/security.test.ts",
      // Each command's own permission check, with the route's removed (use-case-authz); the hold rules before
      // any call (hold-refusals); the create's idempotency key; every request field as sent; the v7 request.
      "tests/integration/orders/use-case-authz.test.ts",
      "tests/integration/orders/hold-refusals.test.ts",
      "tests/integration/orders/idempotency.test.ts",
      "tests/integration/orders/request-fields.test.ts",
      "tests/integration/orders/order-request-outcomes.test.ts",
      // What each change records and answers off the happy path (written for this group's first run's survivors).
      "tests/integration/orders/change-outcomes.test.ts",
      // A create spends the budget's change priority (no reserve held back from it).
      "tests/integration/budget/change-priority.test.ts",
    ],
  },
};

const group = process.env.MUTATION_GROUP || "all";
// Each group keeps its own reports and incremental file, so runs of one group never discard another's results.
// A static run (MUTATION_STATIC=1) reports beside it, under <group>-static, a re-test (MUTATION_RETEST=1) under
// <group>-retest.
const mode = process.env.MUTATION_STATIC ? "-static" : process.env.MUTATION_RETEST ? "-retest" : "";
const out = `tests/artifacts/mutation/${group}${mode}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  packageManager: "npm",
  testRunner: "vitest",
  // The group names its test files; vitest's related-file filter would only narrow them further.
  vitest: { configFile: "tests/vitest.config.ts", related: false },
  // Stryker's own checker is not used: tsc over the whole project per mutant would dominate the run.
  ...selectedGroup(process.env.MUTATION_GROUP),
  // With bail, vitest stops a file at its first failure and leaves the file's database and sandbox open, and the
  // run then hangs until Stryker's timeout: a kill reported as "timeout". Running the covering tests to the end
  // costs less than restarting a hung runner.
  disableBail: true,
  // Two cores shared with other work; PGlite-backed tests are CPU-bound, so more would only time out.
  concurrency: 2,
  // PGlite tests are slow and vary under load (each run of a file starts a database, and often the sandbox): a
  // mutant is "timeout" only well past its dry-run time, so a busy machine does not pass for a killed mutant.
  timeoutFactor: 3,
  timeoutMS: 60_000,
  // A static run has no per-test results to tell a changed test by, and a re-test is for changed tests: both
  // run in full.
  incremental: !mode,
  incrementalFile: `${out}/incremental.json`,
  reporters: ["html", "json", "clear-text", "progress"],
  htmlReporter: { fileName: `${out}/index.html` },
  jsonReporter: { fileName: `${out}/mutation.json` },
  tempDirName: "tests/artifacts/mutation/.stryker-tmp",
  cleanTempDir: "always",
  // Only what the tests need is copied into the sandbox (not .next/, .data/ or earlier reports).
  ignorePatterns: [".next", ".data", "tests/artifacts", "test-results", "playwright-report"],
  mutator: {
    // Log and error messages are text for people; the tests pin codes, statuses and fields, not wording.
    // See README "Mutation testing" for why each entry is ignored.
    excludedMutations: [],
  },
  thresholds: { high: 90, low: 80, break: null },
};
export default config;

/** One group's files and tests, or every group's with no MUTATION_GROUP. */
function selectedGroup(name) {
  if (!name) {
    // Every group at once: each mutant runs every group's tests (hours; one group at a time is the usual use).
    const all = Object.values(GROUPS);
    const mutate = all.flatMap((g) => g.mutate).filter((m) => !m.includes(":"));
    const tests = [...new Set(all.flatMap((g) => g.tests))];
    return { ...vitestRunner(tests), mutate: [...new Set(mutate)] };
  }
  const group = GROUPS[name];
  if (!group) throw new Error(`MUTATION_GROUP must be one of ${Object.keys(GROUPS).join(", ")}; got "${name}".`);
  if (process.env.MUTATION_STATIC)
    return { ...freshProcess(group.tests), mutate: lastRun(name, (m) => m.status === "Ignored" && m.static) };
  // After tests were added: only the lines of the last run's survivors, not the whole group again.
  if (process.env.MUTATION_RETEST)
    return { ...vitestRunner(group.tests), mutate: lastRun(name, (m) => /Survived|NoCoverage/.test(m.status)) };
  return { ...vitestRunner(group.tests), mutate: group.mutate };
}

/** The vitest runner over the named tests: each mutant runs the tests that covered it; static mutants ignored. */
function vitestRunner(tests) {
  return { testRunner: "vitest", testFiles: tests, coverageAnalysis: "perTest", ignoreStatic: true };
}

/**
 * The lines holding the mutants of the group's last full run that `keep` selects, as Stryker `mutate` ranges
 * (file:line-line): such a run tests those (and any other mutant on the same lines) and nothing else.
 */
function lastRun(name, keep) {
  const report = `tests/artifacts/mutation/${name}/mutation.json`;
  if (!existsSync(report)) throw new Error(`${report} is missing: run MUTATION_GROUP=${name} first.`);
  const { files } = JSON.parse(readFileSync(report, "utf8"));
  const ranges = Object.entries(files).flatMap(([file, { mutants }]) =>
    mutants.filter(keep).map(({ location: { start, end } }) => `${file}:${start.line}-${end.line}`),
  );
  if (!ranges.length) throw new Error(`${report} lists no such mutants.`);
  return [...new Set(ranges)];
}

/** Stryker's command runner: a fresh vitest per mutant, so module-level mutants are activated before loading. */
function freshProcess(tests) {
  // --bail: the first failing test settles a mutant as killed. (--hookTimeout on the command line does not reach
  // the config's projects, so a database start slower than the suite's 60 s fails the dry run on a busy machine.)
  const vitest = "npx vitest run --config tests/vitest.config.ts --bail=1";
  return { testRunner: "command", commandRunner: { command: `${vitest} ${tests.join(" ")}` }, coverageAnalysis: "off" };
}
