import Link from "next/link";
import { formatDateTime } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/status-badge";
import type { AuditEventView } from "@/lib/audit/types";
import { upstreamText } from "@/lib/redact";
import { actionLabel, outcomeBadge } from "./action-labels";

function errorsText(errors: unknown): string | null {
  if (!Array.isArray(errors) || errors.length === 0) return null;
  // Events written before Ingram's errors were redacted on the way in are masked here.
  return errors
    .map((e) =>
      upstreamText(
        e && typeof e === "object" && "message" in e ? String((e as { message: unknown }).message) : String(e),
      ),
    )
    .join("; ");
}

/** An order's audit events as a list, newest first; each opens the event page with its diff. */
export function AuditTimeline({ events }: { events: AuditEventView[] }) {
  const ordered = [...events].sort((a, b) => b.seq - a.seq);
  return (
    <ol className="timeline">
      {ordered.map((e) => {
        const errors = errorsText(e.ingramErrors);
        return (
          <li key={e.id}>
            <div className="subtle nowrap">
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
            </div>
            <div>
              <div className="row" style={{ gap: 8 }}>
                <Link href={`/audit/${e.seq}`}>{actionLabel(e.action)}</Link>
                <StatusBadge status={outcomeBadge(e.outcome)} />
                <span className="muted">{e.actor?.email || "Ingram Micro / system"}</span>
                {e.ingramStatus ? <span className="subtle">HTTP {e.ingramStatus}</span> : null}
              </div>
              {errors ? (
                <p className="subtle" style={{ marginTop: 2 }}>
                  {errors}
                </p>
              ) : null}
              {e.correlationId ? (
                <p className="subtle" style={{ marginTop: 2 }}>
                  Correlation id <code>{e.correlationId}</code>
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
