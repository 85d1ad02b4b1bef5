import "server-only";
import { recordEvent } from "@/lib/audit/record";
import type { EventInput } from "@/lib/audit/types";
import { db } from "@/lib/db";

/** One audit row per refusal key per window: a flood of refusals adds a row, not a row per request. */
export const REFUSAL_WINDOW_SECONDS = 15 * 60;

/**
 * Records `event` unless a refusal with the same `key` (account, address, what was refused) was recorded in the
 * last window. The marker lives in login_throttle under "note:" keys; claiming it is one atomic upsert, so
 * concurrent refusals record once.
 */
export async function recordRefusalOnce(key: string, event: EventInput, now = new Date()): Promise<boolean> {
  const cutoff = new Date(now.getTime() - REFUSAL_WINDOW_SECONDS * 1000);
  const claimed = await db.$queryRaw<{ key: string }[]>`
    INSERT INTO "login_throttle" AS t ("key", "failures", "window_start", "locked_until")
    VALUES (${`note:${key}`}, 1, ${now}::timestamptz, NULL)
    ON CONFLICT ("key") DO UPDATE SET "failures" = 1, "window_start" = ${now}::timestamptz
    WHERE t."window_start" <= ${cutoff}::timestamptz
    RETURNING t."key"`;
  if (claimed.length === 0) return false;
  await recordEvent(event);
  return true;
}
