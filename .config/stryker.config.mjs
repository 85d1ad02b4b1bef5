// Mutation testing of the modules that guard money and trust (README "Mutation testing"). Slow: run one group
// at a time with `MUTATION_GROUP=authz npm run test:mutation` (or `-- --mutate <file>`); CI does not run it.

/**
 * The groups the README's table reports: the modules mutated and the tests that speak for them. Naming the tests
 * keeps each run to the suites about that group; related-file discovery alone pulls in nearly every integration
 * suite (every route imports authz and the audit), which this machine cannot afford per mutant.
 */
const GROUPS = {
  authz: {
    mutate: ["lib/authz.ts", "lib/auth/page-guard.ts"],
    // The route-by-role matrix (tests/integration/orders/authz-matrix.test.ts) exercises the same table through
    // every route but needs the sandbox per mutant; the unit table and the page guards pin it exactly.
    tests: ["tests/unit/auth/permissions.test.ts", "tests/integration/auth/page-guard.test.ts"],
  },
  idempotency: {
    mutate: ["lib/orders/idempotency.ts"],
    tests: [
      "tests/unit/orders/wire.test.ts",
      "tests/integration/orders/idempotency.test.ts",
      "tests/integration/orders/idempotency-rules.test.ts",
    ],
  },
  webhooks: {
    mutate: ["lib/orders/receive-ingram-webhook.ts", "lib/orders/webhook-payload.ts"],
    tests: [
      "tests/unit/orders/wire.test.ts",
      "tests/unit/orders/webhook-signature.test.ts",
      "tests/unit/orders/webhook-payload.test.ts",
      "tests/integration/orders/webhooks.test.ts",
      "tests/integration/orders/webhook-claims.test.ts",
    ],
  },
  audit: {
    mutate: [
      "lib/audit/chain.ts",
      "lib/audit/append.ts",
      "lib/audit/record.ts",
      "lib/audit/verify.ts",
      "lib/audit/checkpoint.ts",
      "lib/audit/reconcile.ts",
      "lib/audit/reconcile-verdict.ts",
    ],
    tests: ["tests/unit/audit/*.test.ts", "tests/integration/audit/*.test.ts"],
  },
  "sign-in": {
    mutate: [
      "lib/auth/credentials.ts",
      "lib/auth/throttle.ts",
      "lib/auth/auth-post.ts",
      "lib/auth/client-address.ts",
      "lib/auth/device-cookie.ts",
      "lib/auth/session-revocation.ts",
      "lib/auth/sign-in-attempt.ts",
    ],
    tests: ["tests/unit/auth/*.test.ts", "tests/integration/auth/*.test.ts"],
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
      "tests/integration/orders/authz-matrix.test.ts",
      "tests/integration/orders/idempotency.test.ts",
      "tests/integration/orders/upstream-text.test.ts",
    ],
  },
};

const group = process.env.MUTATION_GROUP || "all";
// Each group keeps its own reports and incremental file, so runs of one group never discard another's results.
const out = `tests/artifacts/mutation/${group}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  packageManager: "npm",
  testRunner: "vitest",
  vitest: { configFile: "tests/vitest.config.ts", related: true },
  // Stryker's own checker is not used: tsc over the whole project per mutant would dominate the run.
  ...selectedGroup(process.env.MUTATION_GROUP),
  coverageAnalysis: "perTest",
  // Two cores shared with other work; PGlite-backed tests are CPU-bound, so more would only time out.
  concurrency: 2,
  // PGlite tests are slow and vary under load: a mutant is "timeout" only well past its dry-run time.
  timeoutFactor: 3,
  timeoutMS: 20_000,
  incremental: true,
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
    const all = Object.values(GROUPS);
    return { mutate: all.flatMap((g) => g.mutate), testFiles: [...new Set(all.flatMap((g) => g.tests))] };
  }
  const group = GROUPS[name];
  if (!group) throw new Error(`MUTATION_GROUP must be one of ${Object.keys(GROUPS).join(", ")}; got "${name}".`);
  return { mutate: group.mutate, testFiles: group.tests };
}
