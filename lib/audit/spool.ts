import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { db as processDb, type Db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";
import { appendEvent, type NewEvent } from "@/lib/audit/append";

// Outcomes that could not be written (database unreachable) wait here as JSON lines, fsync'd, until
// flushSpool() appends them. Each process appends to its own pending-<pid>.jsonl; a flush renames it to a
// batch-*.jsonl file and appends the batch in order. Events keep their id, and a flush skips ids already
// stored, so a batch replayed after a crash is never written twice.

export function defaultSpoolDir(): string {
  return join(env.dataDir, "audit-spool");
}

const locks = new Map<string, Promise<unknown>>();
const flushTails = new Map<string, Promise<unknown>>();
const flushing = new Set<string>();
const pendingDirs = new Set<string>();
let batchCounter = 0;

function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const run = (locks.get(dir) ?? Promise.resolve()).then(fn, fn);
  locks.set(
    dir,
    run.catch(() => undefined),
  );
  return run;
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Writes one event to the spool and fsyncs it before returning. Throws if the disk write fails. */
export async function spoolEvent(e: NewEvent, dir = defaultSpoolDir()): Promise<void> {
  const line = JSON.stringify({ v: 1, e: { ...e, at: e.at.toISOString() } }) + "\n";
  await withLock(dir, async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `pending-${process.pid}.jsonl`);
    const fh = await open(file, "a", 0o600);
    try {
      await fh.appendFile(line, "utf8");
      await fh.sync();
    } finally {
      await fh.close();
    }
    await syncDir(dir);
  });
  pendingDirs.add(dir);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Moves pending files (this process's, and those of processes no longer running) to batch files. */
async function claimPending(dir: string): Promise<void> {
  await withLock(dir, async () => {
    for (const name of await readdir(dir)) {
      const m = /^pending-(\d+)\.jsonl$/.exec(name);
      if (!m) continue;
      const pid = Number(m[1]);
      if (pid !== process.pid && pidAlive(pid)) continue;
      // Names sort in claim order: time, then a per-process counter.
      const order = `${String(Date.now()).padStart(15, "0")}-${String(batchCounter++).padStart(9, "0")}`;
      const batch = `batch-${order}-${pid}-${randomBytes(4).toString("hex")}.jsonl`;
      await rename(join(dir, name), join(dir, batch)).catch(() => undefined);
    }
  });
}

function parseLine(line: string): NewEvent | null {
  try {
    const parsed = JSON.parse(line) as { v?: number; e?: Record<string, unknown> };
    if (parsed.v !== 1 || !parsed.e || typeof parsed.e.id !== "string") return null;
    return { ...(parsed.e as unknown as NewEvent), at: new Date(parsed.e.at as string) };
  } catch {
    return null;
  }
}

export interface FlushResult {
  written: number;
  /** Spooled events still waiting (the database failed again during the flush). */
  remaining: number;
}

async function flushOnce(db: Db, dir: string): Promise<FlushResult> {
  let names: string[];
  try {
    await claimPending(dir);
    names = (await readdir(dir)).filter((n) => /^batch-.*\.jsonl$/.test(n)).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return { written: 0, remaining: 0 };
    throw err;
  }
  let written = 0;
  for (const [i, name] of names.entries()) {
    const file = join(dir, name);
    const lines = (await readFile(file, "utf8").catch(() => "")).split("\n").filter((l) => l.trim() !== "");
    for (const [j, line] of lines.entries()) {
      const event = parseLine(line);
      if (!event) {
        log("error", "audit spool: unreadable line skipped", { file: name, line: j + 1 });
        continue;
      }
      try {
        if ((await appendEvent(db, event, { ifAbsent: true })).appended) written++;
      } catch (err) {
        log("warn", "audit spool: database still unavailable", { err, written });
        let remaining = lines.length - j;
        for (const rest of names.slice(i + 1)) {
          remaining += (await readFile(join(dir, rest), "utf8").catch(() => "")).split("\n").filter(Boolean).length;
        }
        return { written, remaining };
      }
    }
    await unlink(file).catch(() => undefined);
  }
  pendingDirs.delete(dir);
  if (written) log("info", "audit spool flushed", { written });
  return { written, remaining: 0 };
}

/**
 * Appends every spooled event to the database, oldest first. Call at start-up; also called before appends
 * when this process has spooled something. Runs one flush at a time per spool directory.
 */
export function flushSpool(opts: { db?: Db; dir?: string } = {}): Promise<FlushResult> {
  const dir = opts.dir ?? defaultSpoolDir();
  const db = opts.db ?? processDb;
  const run = (flushTails.get(dir) ?? Promise.resolve()).then(async () => {
    flushing.add(dir);
    try {
      return await flushOnce(db, dir);
    } finally {
      flushing.delete(dir);
    }
  });
  flushTails.set(
    dir,
    run.catch(() => undefined),
  );
  return run;
}

/** Best-effort flush before an append, only when this process has spooled events; never throws. */
export async function flushSpoolIfPending(db: Db, dir = defaultSpoolDir()): Promise<void> {
  if (!pendingDirs.has(dir) || flushing.has(dir)) return;
  await flushSpool({ db, dir }).catch((err) => log("warn", "audit spool flush failed", { err }));
}
