// Child processes for the benchmark: each runs in its own process group so that stopping it also stops what
// it spawned (the launcher's `next start`); every group is killed when this process exits, however it exits.
import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";

export const ROOT = process.cwd();
export const ARTIFACTS = join(ROOT, "tests", "artifacts");
const LOG_DIR = join(ARTIFACTS, "bench-logs");

export interface Child {
  name: string;
  proc: ChildProcess;
  pid: number;
  logFile: string;
  /** Resolves with the first stdout line matching `pattern` (capture group 1 when present). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  stop(): Promise<void>;
}

const live = new Set<Child>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

process.on("exit", () => {
  for (const child of live) killGroup(child.pid, "SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

/**
 * A child's whole environment: only what it is given plus a PATH and HOME, so that the bench never depends on
 * (or reads) the caller's environment; configuration reaches the portal as lib/env.mjs variables.
 */
function childEnvironment(vars: Record<string, string>): NodeJS.ProcessEnv {
  return {
    NODE_ENV: "production",
    PATH: [dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":"),
    HOME: homedir(),
    NEXT_TELEMETRY_DISABLED: "1",
    ...vars,
  };
}

/** Runs a TypeScript entry with the same loader and conditions as `npm run` scripts (tsx, react-server). */
export function spawnTs(name: string, file: string, args: string[], vars: Record<string, string> = {}): Child {
  return spawnNode(name, ["--conditions=react-server", "--import", "tsx", file, ...args], vars);
}

/** Runs this Node binary with `args` (e.g. the project's `next` CLI) as a bench child. */
export function spawnNode(name: string, args: string[], vars: Record<string, string> = {}): Child {
  mkdirSync(LOG_DIR, { recursive: true });
  const logFile = join(LOG_DIR, `${name}.log`);
  const log = createWriteStream(logFile);
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: childEnvironment(vars),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (!proc.pid) throw new Error(`could not start ${name}`);
  const pid = proc.pid;
  let buffered = "";
  const waiters: { pattern: RegExp; resolve: (s: string) => void }[] = [];
  proc.stdout!.on("data", (chunk: Buffer) => {
    log.write(chunk);
    buffered += chunk.toString("utf8");
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      for (const w of [...waiters]) {
        const m = w.pattern.exec(line);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m[1] ?? m[0]);
        }
      }
    }
  });
  proc.stderr!.on("data", (chunk: Buffer) => log.write(chunk));
  const exited = new Promise<number>((resolve) => proc.on("exit", (code, sig) => resolve(code ?? (sig ? 128 : 0))));

  const child: Child = {
    name,
    proc,
    pid,
    logFile,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${name}: no "${pattern.source}" within ${timeoutMs} ms (see ${logFile})`)),
          timeoutMs,
        );
        const done = (s: string) => {
          clearTimeout(timer);
          resolve(s);
        };
        waiters.push({ pattern, resolve: done });
        void exited.then((code) => {
          clearTimeout(timer);
          reject(new Error(`${name} exited with ${code} (see ${logFile}):\n${tail(logFile)}`));
        });
      });
    },
    async stop() {
      if (!live.has(child)) return;
      killGroup(pid, "SIGTERM");
      // Give the whole group (e.g. `next start` under the launcher) up to 8 s to shut down cleanly.
      const deadline = Date.now() + 8000;
      await Promise.race([exited, new Promise<void>((r) => setTimeout(r, 8000).unref())]);
      while (groupAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      killGroup(pid, "SIGKILL");
      live.delete(child);
      log.end();
    },
  };
  live.add(child);
  void exited.then(() => live.delete(child));
  return child;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((c) => c.stop()));
}

export function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** Resident set size of a process in bytes, or null once it is gone (Linux /proc). */
export function rssBytes(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** Descendant pids of `root` with their command lines, by scanning /proc (children before grandchildren). */
export function descendants(root: number): { pid: number; cmd: string }[] {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const entry of readdirSafe("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parent.set(pid, ppid);
      cmd.set(pid, readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim());
    } catch {
      // raced with exit
    }
  }
  const out: { pid: number; cmd: string }[] = [];
  let frontier = [root];
  for (let depth = 0; depth < 8 && frontier.length; depth++) {
    const next = [...parent].filter(([, pp]) => frontier.includes(pp)).map(([p]) => p);
    for (const p of next) out.push({ pid: p, cmd: cmd.get(p) ?? "" });
    frontier = next;
  }
  return out;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
