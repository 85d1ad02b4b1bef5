// Temporary directories for tests (spools, checkpoints, data directories). Each test file's are removed after
// its last test (tests/support/temp-dir-cleanup.ts, a setup file), so a run leaves nothing under the system's
// temporary directory.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const made: string[] = [];

/** A new empty directory, `<tmp>/orderdesk-<purpose>-XXXXXX`, removed when the calling test file ends. */
export function tempDir(purpose: string): string {
  const dir = mkdtempSync(join(tmpdir(), `orderdesk-${purpose}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
