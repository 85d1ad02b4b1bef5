import "server-only";
import { env } from "@/lib/env.mjs";

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

// Keys whose values never reach a log line, wherever they sit in the record.
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|signature|credential|api[-_]?key/i;

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return "[depth]";
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEY.test(k) ? "[redacted]" : redact(v, depth + 1);
    return out;
  }
  return value;
}

function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { errName: err.name, errMessage: err.message, errStack: err.stack };
  return { err: String(err) };
}

/** One JSON object per line; JSON.stringify escapes control characters, so a value cannot forge a line. */
export function log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[env.logLevel]) return;
  const { err, ...rest } = fields;
  const record = { t: new Date().toISOString(), level, msg, ...(redact(rest) as object), ...(err ? errorFields(err) : {}) };
  const line = JSON.stringify(record);
  if (level === "error" || level === "warn") process.stderr.write(line + "\n");
  else process.stdout.write(line + "\n");
}
