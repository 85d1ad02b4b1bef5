import { parseArgs } from "node:util";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, startSandbox } from "./start-sandbox.ts";

const USAGE = `Usage: tsx lib/ingram/sandbox/cli.ts [--port 4010] [--host 127.0.0.1] [--seed 42] [--orders 600]
  [--webhook-url URL] [--webhook-secret SECRET] [--webhook-delay-ms 1500] [--rate-limit 60|off]`;

function numberArg(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    port: { type: "string" },
    host: { type: "string" },
    seed: { type: "string" },
    orders: { type: "string" },
    "webhook-url": { type: "string" },
    "webhook-secret": { type: "string" },
    "webhook-delay-ms": { type: "string" },
    "rate-limit": { type: "string" },
    help: { type: "boolean" },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const rateArg = values["rate-limit"];
const sandbox = await startSandbox({
  port: numberArg("port", values.port, 4010),
  host: values.host ?? "127.0.0.1",
  seed: numberArg("seed", values.seed, 42),
  orderCount: numberArg("orders", values.orders, 600),
  webhookUrl: values["webhook-url"],
  webhookSecret: values["webhook-secret"],
  webhookDelayMs: numberArg("webhook-delay-ms", values["webhook-delay-ms"], 1500),
  rateLimitPerMinute: rateArg === "off" ? null : numberArg("rate-limit", rateArg, 60),
});

console.log(`Ingram sandbox listening on ${sandbox.url}`);
console.log(`  token URL:     ${sandbox.tokenUrl}`);
console.log(`  client id:     ${SANDBOX_CLIENT_ID} / secret: ${SANDBOX_CLIENT_SECRET}`);
console.log(`  customer no.:  20-222222   orders: ${sandbox.store.size}, dated up to ${sandbox.fixtures.seedBaseDate}`);
console.log(`  webhooks:      ${values["webhook-url"] ?? "(none; pass --webhook-url)"}`);

const stop = () => {
  sandbox.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
