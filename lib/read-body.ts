// The one capped body reader: route handlers, sign-in, Ingram's responses and the sandbox all read bodies here.
// It counts bytes as they arrive and stops at the cap, so an oversized body is never buffered whole.

export class BodyTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`body exceeds ${maxBytes} bytes`);
    this.name = "BodyTooLargeError";
  }
}

type Source = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null | undefined;

export interface ReadOptions {
  /** A declared Content-Length, refused before a byte is read when it is over the cap. */
  declaredLength?: string | number | null;
  /** Stops the read (a dripped body ends at the caller's deadline). */
  signal?: AbortSignal;
}

/** Reads `source` into one buffer; throws BodyTooLargeError as soon as more than `maxBytes` have arrived. */
export async function readCapped(source: Source, maxBytes: number, opts: ReadOptions = {}): Promise<Buffer> {
  const declared = Number(opts.declaredLength ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await cancel(source);
    throw new BodyTooLargeError(maxBytes);
  }
  if (!source) return Buffer.alloc(0);
  if (source instanceof ReadableStream) return readStream(source, maxBytes, opts.signal);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    opts.signal?.throwIfAborted();
    size += chunk.byteLength;
    if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** As readCapped, decoded as UTF-8. */
export async function readCappedText(source: Source, maxBytes: number, opts: ReadOptions = {}): Promise<string> {
  return (await readCapped(source, maxBytes, opts)).toString("utf8");
}

async function readStream(stream: ReadableStream<Uint8Array>, maxBytes: number, signal?: AbortSignal): Promise<Buffer> {
  const reader = stream.getReader();
  const onAbort = () => void reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new BodyTooLargeError(maxBytes);
      chunks.push(value);
    }
    signal?.throwIfAborted();
  } catch (err) {
    await reader.cancel().catch(() => {});
    throw err;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }
  return Buffer.concat(chunks);
}

async function cancel(source: Source): Promise<void> {
  if (source instanceof ReadableStream) await source.cancel().catch(() => {});
}
