import type { ServerResponse } from "node:http";
import type { ActiveFault } from "./faults.ts";
import type { Lifecycle } from "./lifecycle.ts";
import { errorResponse } from "./responses.ts";
import type { Reply } from "./sandbox-types.ts";

export function write(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  const body = reply.body ?? "";
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Replies that replace the operation (it is not performed). */
export async function writePreemptive(
  res: ServerResponse,
  fault: ActiveFault,
  base: Record<string, string>,
  life: Lifecycle,
): Promise<void> {
  switch (fault.kind) {
    case "status": {
      const headers: Record<string, string> = { ...base };
      if (fault.retryAfter !== undefined) headers["retry-after"] = String(fault.retryAfter);
      if (fault.body !== undefined) {
        const body = typeof fault.body === "string" ? fault.body : JSON.stringify(fault.body);
        return write(res, { status: fault.status, headers: { ...headers, "content-type": "application/json" }, body });
      }
      const err = errorResponse(
        fault.status,
        "/errors/server-error",
        "ConnectivityIssue/ERP issue Contact Ingram Micro API Support.",
      );
      return write(res, { ...err, headers: { ...err.headers, ...headers } });
    }
    case "html200":
      return write(res, {
        status: 200,
        headers: { ...base, "content-type": "text/html; charset=utf-8" },
        body: "<!DOCTYPE html><html><head><title>Scheduled Maintenance</title></head><body><h1>We'll be back soon</h1></body></html>",
      });
    case "redirect":
      return write(res, { status: 302, headers: { ...base, location: fault.location }, body: "" });
    case "huge":
      return streamHuge(res, fault.bytes, base, life);
    default:
      return undefined;
  }
}

/** Valid JSON of exactly `bytes` bytes (at least 16), chunked with no Content-Length so a client must count. */
async function streamHuge(
  res: ServerResponse,
  bytes: number,
  base: Record<string, string>,
  life: Lifecycle,
): Promise<void> {
  res.writeHead(200, { ...base, "content-type": "application/json" });
  const head = '{"padding":"';
  const tail = '"}';
  let remaining = Math.max(0, bytes - head.length - tail.length);
  res.write(head);
  const chunk = "x".repeat(64 * 1024);
  while (remaining > 0 && !res.destroyed && !life.closed) {
    const n = Math.min(remaining, chunk.length);
    remaining -= n;
    if (!res.write(n === chunk.length ? chunk : chunk.slice(0, n))) {
      await new Promise<void>((resolve) => {
        res.once("drain", resolve);
        res.once("close", resolve);
      });
    }
  }
  if (!res.destroyed) res.end(tail);
}

function wrongTypes(value: unknown, key?: string): unknown {
  if (key === "orderTotal" || key === "subOrderTotal") return { amount: value, currency: "USD" };
  if (key === "confirmationNumber" && typeof value === "string") return Number(value.replace(/\D/g, "").slice(0, 15));
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map((v) => wrongTypes(v));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrongTypes(v, k)]));
  }
  return value;
}

/** Writes a computed reply, bent by a non-preemptive fault. */
export async function deliver(
  res: ServerResponse,
  reply: Reply,
  fault: ActiveFault | undefined,
  life: Lifecycle,
): Promise<void> {
  if (!fault) return write(res, reply);
  switch (fault.kind) {
    case "commitThenHang":
      await life.sleep(fault.ms);
      return write(res, reply);
    case "truncated": {
      const full = reply.body || '{"recordsFound":1,"orders":[{"ingramOrderNumber":"20-TRUNC"}]}';
      const status = reply.status === 204 ? 200 : reply.status;
      return write(res, {
        status,
        headers: { "content-type": "application/json", ...reply.headers },
        body: full.slice(0, Math.max(1, Math.floor(full.length / 2))),
      });
    }
    case "wrongTypes": {
      const parsed: unknown = reply.body ? JSON.parse(reply.body) : { recordsFound: 0, orders: {} };
      const status = reply.status === 204 ? 200 : reply.status;
      return write(res, {
        status,
        headers: { "content-type": "application/json", ...reply.headers },
        body: JSON.stringify(wrongTypes(parsed)),
      });
    }
    case "drip":
      return drip(res, reply, fault.bytesPerSecond, life);
    default:
      return write(res, reply);
  }
}

/** Headers first, then the body at `bytesPerSecond` (ticks of at least 50 ms). */
async function drip(res: ServerResponse, reply: Reply, bytesPerSecond: number, life: Lifecycle): Promise<void> {
  const body = Buffer.from(reply.body ?? "");
  res.writeHead(reply.status, { ...reply.headers, "content-length": String(body.length) });
  res.flushHeaders();
  const tickMs = Math.max(50, Math.ceil(1000 / bytesPerSecond));
  const perTick = Math.max(1, Math.round((bytesPerSecond * tickMs) / 1000));
  let offset = 0;
  while (offset < body.length) {
    if (res.destroyed) return;
    await life.sleep(tickMs);
    if (res.destroyed) return;
    res.write(body.subarray(offset, offset + perTick));
    offset += perTick;
  }
  res.end();
}
