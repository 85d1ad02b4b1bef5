import "server-only";
import { cookies } from "next/headers";
import { DEFAULT_TIME_ZONE, isTimeZone } from "./calendar";

/** Written by the header search from the browser's own zone (app/(portal)/header-search.tsx). */
const TZ_COOKIE = "od-tz";

/** The signed-in user's IANA time zone as their browser reports it; UTC until it has. */
export async function userTimeZone(): Promise<string> {
  const raw = (await cookies()).get(TZ_COOKIE)?.value;
  let tz: string | undefined;
  try {
    tz = raw ? decodeURIComponent(raw) : undefined;
  } catch {
    tz = undefined;
  }
  return isTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}
