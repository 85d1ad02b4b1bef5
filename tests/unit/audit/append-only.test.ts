// The audit log is append-only: no code under lib/ or app/ may update or delete an audit event.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..", "..");
const FORBIDDEN = [
  /auditEvent\s*\.\s*(update|updateMany|updateManyAndReturn|delete|deleteMany|upsert)\b/i,
  /UPDATE\s+"?audit_events"?/i,
  /DELETE\s+FROM\s+"?audit_events"?/i,
  /TRUNCATE\s+(TABLE\s+)?"?audit_events"?/i,
];

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "generated" || name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|js|mjs|cjs|sql)$/.test(name)) yield path;
  }
}

describe("append-only audit log", () => {
  it("finds no update/delete of audit events in lib/ or app/", () => {
    const hits: string[] = [];
    for (const top of ["lib", "app"]) {
      let files: string[] = [];
      try {
        files = [...sourceFiles(join(ROOT, top))];
      } catch {
        continue;
      }
      for (const file of files) {
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (FORBIDDEN.some((re) => re.test(line))) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
      }
    }
    expect(hits).toEqual([]);
  });

  it("would catch each forbidden form", () => {
    const samples = [
      "await db.auditEvent.update({ where })",
      "tx.auditEvent.deleteMany()",
      "db.auditEvent.upsert({})",
      'await tx.$executeRaw`UPDATE "audit_events" SET outcome = 1`',
      'DELETE FROM "audit_events" WHERE seq = 1',
      "delete from audit_events",
    ];
    for (const s of samples)
      expect(
        FORBIDDEN.some((re) => re.test(s)),
        s,
      ).toBe(true);
    expect(FORBIDDEN.some((re) => re.test('UPDATE "audit_head" SET seq = 1'))).toBe(false);
  });
});
