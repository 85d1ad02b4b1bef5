import "server-only";
import { env } from "@/lib/env.mjs";
import { maskSecrets } from "@/lib/redact";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { errName: err.name, errMessage: err.message, errStack: err.stack };
  return { err: String(err) };
}

/** One JSON object per line; JSON.stringify escapes control characters, so a value cannot forge a line. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[env.logLevel]) return;
  const { err, ...rest } = fields;
  const record = {
    t: new Date().toISOString(),
    level,
    msg,
    ...(maskSecrets(rest) as object),
    ...(err ? errorFields(err) : {}),
  };
  const line = JSON.stringify(record);
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}
