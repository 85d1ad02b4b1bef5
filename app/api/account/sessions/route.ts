import { endAllSessions } from "@/lib/auth/session-revocation";
import { route } from "@/lib/http";

/** Sign out everywhere: ends every session of the signed-in user, this one included. */
export const DELETE = route({ permission: "account.manage" }, async ({ actor, correlationId }) => {
  await endAllSessions(actor!, correlationId);
  return new Response(null, { status: 204 });
});
