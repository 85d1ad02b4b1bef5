// `next build` for the browser tests, run with canary values for every secret (tests/e2e/canaries.ts).
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { CANARIES } from "./canaries";

const next = join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
const result = spawnSync(process.execPath, [next, "build"], {
  stdio: "inherit",
  env: { ...process.env, ...CANARIES, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
