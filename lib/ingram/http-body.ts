import "server-only";

/*
 * Reads a fetch body up to `maxBytes`. The stream shares the call's AbortSignal, so a dripped body stops at
 * the deadline; an oversized one is cancelled as soon as the cap is crossed (nothing more is buffered and
 * the socket is released).
 */

export class BodyTooLargeError extends Error {
  constructor() {
    super("response body exceeds the size cap");
    this.name = "BodyTooLargeError";
  }
}

export async function readBody(res: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await discard(res);
    throw new BodyTooLargeError();
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const onAbort = () => void reader.cancel(signal.reason).catch(() => {});
  signal.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new BodyTooLargeError();
      }
      chunks.push(value);
    }
    signal.throwIfAborted();
  } catch (e) {
    await reader.cancel().catch(() => {});
    throw e;
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Drops a body we will not read, releasing the connection. */
export async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => {});
}
