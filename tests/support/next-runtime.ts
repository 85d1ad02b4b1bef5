// Next's request scope (headers(), cookies()) lives in AsyncLocalStorage instances that Next creates from
// globalThis.AsyncLocalStorage when its modules load; `next start` sets that global first, and so must tests.
import "next/dist/server/node-environment-baseline";
