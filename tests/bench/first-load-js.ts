// First-load JavaScript per page from a production build, gzipped: the chunks a browser fetches before the
// page is interactive. For each page that is the framework's root chunks (build-manifest.json rootMainFiles)
// plus every chunk its client reference manifest lists for the page's entries (layouts, page, loading,
// error and not-found boundaries). Polyfills are left out: only browsers without ES modules load them.
// Chunks loaded later (next/dynamic, import() on use) are not in these lists, so they do not count.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export interface PageJs {
  /** The URL path, route groups removed, e.g. /orders/[orderNumber]. */
  route: string;
  bytes: number;
  chunks: number;
}

/** Page client reference manifests under .next/server/app (route handlers and built-in pages left out). */
function manifests(appDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "page_client-reference-manifest.js") out.push(full);
    }
  };
  walk(appDir);
  return out.filter((f) => !/(^|\/)(_global-error|_not-found)\//.test(relative(appDir, f).split(sep).join("/")));
}

function routeOf(appDir: string, file: string): string {
  const parts = relative(appDir, file).split(sep).slice(0, -1);
  const path = parts.filter((p) => !(p.startsWith("(") && p.endsWith(")"))).join("/");
  return `/${path}`;
}

export function firstLoadJs(distDir: string): PageJs[] {
  const build = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const appDir = join(distDir, "server", "app");
  const gz = new Map<string, number>();
  const size = (chunk: string) => {
    let n = gz.get(chunk);
    if (n === undefined) {
      n = gzipSync(readFileSync(join(distDir, chunk))).length;
      gz.set(chunk, n);
    }
    return n;
  };
  const pages: PageJs[] = [];
  for (const file of manifests(appDir)) {
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[entry]; run it in an empty context.
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> } = {};
    runInNewContext(readFileSync(file, "utf8"), { globalThis: sandbox });
    const chunks = new Set(build.rootMainFiles);
    for (const manifest of Object.values(sandbox.__RSC_MANIFEST ?? {})) {
      for (const files of Object.values(manifest.entryJSFiles)) for (const f of files) chunks.add(f);
    }
    const js = [...chunks].filter((c) => c.endsWith(".js"));
    pages.push({ route: routeOf(appDir, file), bytes: js.reduce((a, c) => a + size(c), 0), chunks: js.length });
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1]?.endsWith("first-load-js.ts")) {
  for (const p of firstLoadJs(process.argv[2] ?? ".next")) {
    console.log(`${p.route.padEnd(32)} ${kb(p.bytes).padStart(9)}  (${p.chunks} chunks)`);
  }
}
