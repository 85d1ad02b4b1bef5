import "server-only";
import { formatAge, formatNumber } from "@/app/_components/format";
import { type Actor, can } from "@/lib/authz";
import { db } from "@/lib/db";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";
import { getSyncStatus } from "@/lib/order-index/sync-status";

/**
 * The order-index sync's progress and health for admins: indexed orders against Ingram's own count, the last
 * full pass, the sync's calls this minute against its share, and the last error. Rendered inside Suspense.
 */
export async function SyncPanel({ actor }: { actor: Actor }) {
  if (!can(actor, "users.manage")) return null;
  const account = { customerNumber: env.ingram.customerNumber, countryCode: env.ingram.countryCode };
  const s = await getSyncStatus(actor, db, account).catch((err: unknown) => {
    log("error", "sync status could not be read", { err });
    return null;
  });
  if (!s)
    return (
      <p className="panel panel-warn" role="status">
        The order index&apos;s sync status could not be read right now.
      </p>
    );
  const share = env.sync.callsPerMinute;
  return (
    <section
      className={`panel ${s.lastError?.recent || !s.leaderReporting || !env.sync.enabled ? "panel-warn" : "panel-ok"}`}
      aria-label="Order index sync"
    >
      <p>
        <strong>Order index:</strong> indexed {formatNumber(s.indexed)} of about{" "}
        {s.estimatedTotal === null ? "?" : formatNumber(s.estimatedTotal)} orders of the last {env.sync.historyDays}{" "}
        days ({formatNumber(s.detailed)} with full details); last full pass {formatAge(s.lastFullPassAt)}
        {s.passStartedAt ? `; a pass is running since ${formatAge(s.passStartedAt)}` : ""}.
      </p>
      <p>
        Sync calls this minute: search {s.calls.search}/{share}, details {s.calls.details}/{share} (Ingram allows{" "}
        {env.ingram.rateLimitPerMinute} per endpoint; the rest is kept for people).{" "}
        {!env.sync.enabled
          ? "The sync is switched off (SYNC_ENABLED=0)."
          : !s.leaderReporting
            ? `No sync leader has reported for a while (last ${formatAge(s.heartbeatAt)}).`
            : `Leader reported ${formatAge(s.heartbeatAt)}.`}
      </p>
      {s.lastError ? (
        <p>
          Last error ({formatAge(s.lastError.at)}): {s.lastError.message}
        </p>
      ) : null}
    </section>
  );
}
