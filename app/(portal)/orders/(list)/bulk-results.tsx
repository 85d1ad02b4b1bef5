import type { ApiError } from "@/app/_components/api-fetch";
import { Button } from "@/app/_components/button";
import { StatusBadge } from "@/app/_components/status-badge";

export type BulkAction = "release" | "cancel";

export type RowResult =
  | { orderNumber: string; state: "waiting" | "running" }
  | { orderNumber: string; state: "done"; message: string }
  | { orderNumber: string; state: "refused"; error: ApiError };

/** Why one change was refused, in the words that say what to do next. */
function refusal(error: ApiError): string {
  if (error.status === 429) {
    const wait = error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : "";
    return `Not sent: the Ingram budget for this minute is used up (429).${wait} ${error.message}`;
  }
  if (error.status === 409) return `${error.message} (409: it changed since the list was loaded)`;
  return error.status ? `${error.message} (HTTP ${error.status})` : error.message;
}

const BADGE = {
  waiting: { state: "pending", label: "Waiting" },
  running: { state: "in_progress", label: "Sending" },
  done: { state: "succeeded", label: "Done" },
  refused: { state: "failed", label: "Refused" },
} as const;

/** One row per selected order: waiting, sending, done or refused with the server's reason. */
export function BulkResults({ action, rows, onClose }: { action: BulkAction; rows: RowResult[]; onClose: () => void }) {
  const finished = rows.every((r) => r.state === "done" || r.state === "refused");
  const done = rows.filter((r) => r.state === "done").length;
  return (
    <section className="card bulk-results" aria-labelledby="bulk-results-h" data-testid="bulk-results">
      <div className="card-head">
        <h2 id="bulk-results-h" aria-live="polite">
          {finished
            ? `${action === "release" ? "Released" : "Cancelled"} ${done} of ${rows.length}`
            : `${action === "release" ? "Releasing" : "Cancelling"} ${rows.length} orders…`}
        </h2>
        {finished ? (
          <Button size="sm" variant="ghost" onClick={onClose}>
            Dismiss
          </Button>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">Result per order</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Result</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.orderNumber} data-order={r.orderNumber}>
                <td className="mono nowrap">{r.orderNumber}</td>
                <td>
                  <StatusBadge status={BADGE[r.state]} />
                </td>
                <td>
                  {r.state === "done" ? r.message : r.state === "refused" ? refusal(r.error) : "—"}
                  {r.state === "refused" && r.error.correlationId ? (
                    <span className="subtle" style={{ display: "block" }}>
                      Correlation id <code>{r.error.correlationId}</code>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
