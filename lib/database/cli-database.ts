import "server-only";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "@/lib/env.mjs";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/database/embedded";

/** Where a running launcher says which loopback URL serves the embedded database (PGlite has one owner). */
const ANNOUNCE_FILE = join(env.dataDir, "embedded-db.json");

export function announceEmbedded(embedded: EmbeddedPostgres): void {
  writeFileSync(ANNOUNCE_FILE, JSON.stringify({ url: embedded.url, pid: process.pid }), { mode: 0o600 });
}

export function withdrawEmbedded(): void {
  rmSync(ANNOUNCE_FILE, { force: true });
}

function runningEmbeddedUrl(): string | null {
  if (!existsSync(ANNOUNCE_FILE)) return null;
  try {
    const { url, pid } = JSON.parse(readFileSync(ANNOUNCE_FILE, "utf8")) as { url: string; pid: number };
    process.kill(pid, 0);
    return url;
  } catch {
    return null;
  }
}

export interface CliDatabase {
  url: string;
  /** The embedded database takes one connection at a time (see lib/db.ts). */
  maxConnections: number;
  close(): Promise<void>;
}

/**
 * The database a command-line tool works on: DATABASE_URL; else the embedded database through the running
 * portal's launcher; else the embedded database opened directly from its data directory.
 */
export async function openCliDatabase(): Promise<CliDatabase> {
  if (env.databaseUrl) return { url: env.databaseUrl, maxConnections: 2, close: async () => undefined };
  const served = runningEmbeddedUrl();
  if (served) return { url: served, maxConnections: 1, close: async () => undefined };
  const embedded = await startEmbeddedPostgres({ dataDir: join(env.dataDir, "pglite") });
  return { url: embedded.url, maxConnections: 1, close: () => embedded.close() };
}
