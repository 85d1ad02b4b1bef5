import "server-only";
import { log } from "@/lib/log";

/**
 * Streams CSV lines as a download, pulling the next line only when the client reads, so a large export holds
 * one batch in memory. An error mid-stream aborts the download rather than ending it as if complete.
 */
export function csvResponse(
  lines: AsyncIterable<string>,
  opts: { filename: string; correlationId: string; headers?: Record<string, string> },
): Response {
  const iterator = lines[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        log("error", "csv export failed mid-stream", { correlationId: opts.correlationId, err });
        controller.error(new Error("export interrupted"));
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${opts.filename}"`,
      ...opts.headers,
    },
  });
}
