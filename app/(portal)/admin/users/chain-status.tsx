import "server-only";
import { verifySinceLastCheck } from "@/lib/audit/checkpoint";
import { type Actor, can } from "@/lib/authz";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

/**
 * Verifies the audit hash chain from the last point this process found intact (the whole chain the first time); rendered inside Suspense so the users table never waits for it. The chain is
 * the audit log, so its state is shown only to those who may read the audit log (audit.read).
 */
export async function ChainStatus({ actor }: { actor: Actor }) {
  if (!can(actor, "audit.read")) return null;
  const r = await verifySinceLastCheck(db).catch((err: unknown) => {
    log("error", "audit chain verification failed", { err });
    return null;
  });
  if (!r)
    return (
      <p className="panel panel-warn" role="status">
        The audit chain could not be verified right now.
      </p>
    );
  if (r.ok) {
    return (
      <p className="panel panel-ok" role="status">
        Audit chain verified up to #{r.lastSeq.toLocaleString("en-US")}.
      </p>
    );
  }
  return (
    <div className="panel panel-error" role="alert">
      <strong>Audit chain broken.</strong> Verified up to #{r.lastSeq.toLocaleString("en-US")}; event #
      {r.firstBroken?.seq} fails ({r.firstBroken?.reason}). Someone changed or removed audit rows outside Orderdesk.
    </div>
  );
}
