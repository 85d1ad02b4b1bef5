// Preloaded into the portal's processes by `npm run bench -- --profile` (NODE_OPTIONS=--require, since Node
// refuses --cpu-prof there). Only in the HTTP server process (lib/cli/serve.mjs): V8's sampling profiler runs
// from start, and each SIGUSR2 writes what it sampled since the previous one to BENCH_PROFILE_DIR and starts
// anew, so the bench can cut one profile per measured configuration.
/* eslint-disable @typescript-eslint/no-require-imports */
const { Session } = require("node:inspector");
const { writeFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");

if (process.argv[1] && process.argv[1].endsWith("serve.mjs") && process.env.BENCH_PROFILE_DIR) {
  const dir = process.env.BENCH_PROFILE_DIR;
  const session = new Session();
  session.connect();
  const start = () => session.post("Profiler.start");
  session.post("Profiler.enable", () => session.post("Profiler.setSamplingInterval", { interval: 500 }, start));
  let n = 0;
  process.on("SIGUSR2", () => {
    session.post("Profiler.stop", (err, result) => {
      if (!err) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `portal-${process.pid}-${++n}.cpuprofile`), JSON.stringify(result.profile));
        console.log(`BENCH_PROFILE written ${n}`);
      }
      start();
    });
  });
}
