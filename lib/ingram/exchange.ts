import "server-only";
import { BodyTooLargeError, discard, readBody } from "./http-body";
import { IngramError, type IngramOperation } from "./errors";
import { normaliseErrors } from "./normalise-errors";

/*
 * One HTTP exchange under a deadline: headers and the whole body must arrive before `signal` aborts.
 * Redirects are never followed (a 3xx is a bad payload). Failures come out as IngramError.
 */

export interface Exchanged {
  status: number;
  headers: Headers;
  text: string;
}

/** Abort reason used for the call deadline, to tell it from the caller's own abort. */
export class DeadlineExceeded extends Error {
  constructor() {
    super("deadline exceeded");
    this.name = "DeadlineExceeded";
  }
}

export async function exchange(
  op: IngramOperation,
  correlationId: string,
  url: string,
  init: RequestInit,
  signal: AbortSignal,
  maxBodyBytes: number,
): Promise<Exchanged> {
  try {
    const res = await fetch(url, { ...init, signal, redirect: "manual", cache: "no-store" });
    if (res.status >= 300 && res.status < 400) {
      await discard(res);
      throw new IngramError({ kind: "bad_payload", op, status: res.status, correlationId });
    }
    const text = await readBody(res, maxBodyBytes, signal).catch((e: unknown) => {
      if (e instanceof BodyTooLargeError) {
        throw new IngramError({ kind: "bad_payload", op, status: res.status, correlationId, cause: e });
      }
      throw e;
    });
    return { status: res.status, headers: res.headers, text };
  } catch (e) {
    throw toIngramError(e, op, correlationId, signal);
  }
}

export function toIngramError(e: unknown, op: IngramOperation, correlationId: string, signal: AbortSignal): IngramError {
  if (e instanceof IngramError) return e;
  if (signal.aborted) {
    const byCaller = !(signal.reason instanceof DeadlineExceeded);
    return new IngramError({
      kind: "timeout",
      op,
      correlationId,
      errors: byCaller ? [{ message: "aborted by caller" }] : [],
    });
  }
  return new IngramError({ kind: "network", op, correlationId, cause: e });
}

/** Parses a JSON body; an empty body is `null`. Throws bad_payload on anything else that is not JSON. */
export function parseJson(ex: Exchanged, op: IngramOperation, correlationId: string): unknown {
  if (!ex.text.trim()) return null;
  try {
    return JSON.parse(ex.text);
  } catch (e) {
    throw new IngramError({ kind: "bad_payload", op, status: ex.status, correlationId, cause: e });
  }
}

/** Error details from a non-2xx body, JSON or not (non-JSON text is not surfaced). */
export function errorDetails(ex: Exchanged) {
  try {
    return ex.text.trim() ? normaliseErrors(JSON.parse(ex.text)) : [];
  } catch {
    return [];
  }
}
