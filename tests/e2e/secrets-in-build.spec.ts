import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { SECRET_CANARIES } from "./canaries";

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

test("no secret given to the build appears anywhere under .next/", () => {
  const root = join(process.cwd(), ".next");
  let scanned = 0;
  const hits: string[] = [];
  for (const file of files(root)) {
    const text = readFileSync(file).toString("latin1");
    scanned++;
    for (const canary of SECRET_CANARIES) if (text.includes(canary)) hits.push(`${file}: ${canary}`);
  }
  expect(scanned).toBeGreaterThan(50);
  expect(hits).toEqual([]);
});
