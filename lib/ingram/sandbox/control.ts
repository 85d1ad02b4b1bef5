import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { readCappedText } from "../../read-body.ts";
import type { SandboxContext } from "./context.ts";
import { write } from "./deliver.ts";
import { faultRuleSchema } from "./faults.ts";
import { sandboxFixtures } from "./fixtures.ts";
import { json } from "./responses.ts";
import { MAX_REQUEST_BODY_BYTES } from "./sandbox-types.ts";

const clockBody = z.object({ advanceMs: z.number().nonnegative() });
const eventBody = z.object({ orderNumber: z.string().min(1), eventType: z.string().min(1) });

function parse<T>(schema: z.ZodType<T>, text: string): { ok: true; data: T } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = text.trim() ? JSON.parse(text) : {};
  } catch {
    return { ok: false, message: "body is not JSON" };
  }
  const result = schema.safeParse(raw);
  return result.success ? { ok: true, data: result.data } : { ok: false, message: z.prettifyError(result.error) };
}

/** Out-of-process control (e2e): faults, stats, clock, events, reset. Not part of Ingram's API. */
export async function handleControl(
  ctx: SandboxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const method = req.method ?? "GET";
  const path = url.pathname.replace(/\/+$/, "");
  const body = await readCappedText(req, MAX_REQUEST_BODY_BYTES);
  const bad = (message: string) => write(res, json(400, { error: message }));
  const route = `${method} ${path}`;
  switch (route) {
    case "POST /__sandbox/faults": {
      const p = parse(faultRuleSchema, body);
      if (!p.ok) return bad(p.message);
      return write(res, json(201, { id: ctx.faults.set(p.data) }));
    }
    case "DELETE /__sandbox/faults":
      ctx.faults.clear(url.searchParams.get("id") ?? undefined);
      return write(res, json(200, { faults: ctx.faults.list() }));
    case "GET /__sandbox/faults":
      return write(res, json(200, { faults: ctx.faults.list() }));
    case "GET /__sandbox/stats":
      return write(res, json(200, ctx.stats.toJSON()));
    case "DELETE /__sandbox/stats":
      ctx.stats.reset();
      return write(res, json(200, { ok: true }));
    case "POST /__sandbox/clock": {
      const p = parse(clockBody, body);
      if (!p.ok) return bad(p.message);
      ctx.clock.advance(p.data.advanceMs);
      return write(res, json(200, { now: ctx.clock.now() }));
    }
    case "GET /__sandbox/clock":
      return write(res, json(200, { now: ctx.clock.now() }));
    case "POST /__sandbox/events": {
      const p = parse(eventBody, body);
      if (!p.ok) return bad(p.message);
      if (!ctx.store.getOrder(p.data.orderNumber)) return write(res, json(404, { error: "order not found" }));
      try {
        await ctx.emitStatusEvent(p.data.orderNumber, p.data.eventType);
        return write(res, json(200, { delivered: true }));
      } catch (err) {
        return write(res, json(502, { delivered: false, error: err instanceof Error ? err.message : String(err) }));
      }
    }
    case "POST /__sandbox/tokens/revoke":
      ctx.tokens.revokeAll();
      return write(res, json(200, { ok: true }));
    case "POST /__sandbox/reset":
      ctx.reset();
      return write(res, json(200, { ok: true, orders: ctx.store.size }));
    case "GET /__sandbox/fixtures":
      return write(res, json(200, sandboxFixtures(ctx.cfg.seedBaseDate)));
    default:
      return write(res, json(404, { error: `unknown control route ${route}` }));
  }
}
