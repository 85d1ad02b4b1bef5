import "server-only";
import { AppError, INTERNAL_MESSAGE } from "@/lib/errors";
import { ZodError } from "zod";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { upstreamText } from "@/lib/redact";
import { zodFields } from "@/lib/validation/fields";

function ingramMessage(err: IngramError): string {
  const first = upstreamText(err.errors.find((e) => e.message)?.message ?? "");
  return first ? `Ingram Micro: ${first}` : "";
}

function ingramFields(err: IngramError): Record<string, string> | undefined {
  const fields: Record<string, string> = {};
  for (const e of err.errors)
    for (const f of e.fields ?? []) {
      const message = upstreamText(f.message ?? "");
      if (f.field && message) fields[f.field] = message;
    }
  return Object.keys(fields).length ? fields : undefined;
}

/** Translates Ingram's failures into what a user can act on; nothing internal leaks into the message. */
export function fromIngramError(err: IngramError): AppError {
  const opts = { upstreamStatus: err.status, cause: err, retryAfterSeconds: err.retryAfterSeconds };
  switch (err.kind) {
    case "timeout":
      return new AppError("upstream_timeout", "Ingram Micro did not answer in time. Try again shortly.", opts);
    case "circuit_open":
      return new AppError("upstream_unavailable", "Ingram Micro is unavailable right now. Try again shortly.", {
        ...opts,
        retryAfterSeconds: err.retryAfterSeconds ?? 5,
      });
    case "rate_limited":
      return new AppError("rate_limited", "Too many requests to Ingram Micro. Wait a moment and try again.", {
        ...opts,
        retryAfterSeconds: err.retryAfterSeconds ?? 60,
      });
    case "budget":
      return new AppError(
        "rate_limited",
        "The portal's share of Ingram Micro calls for this minute is used up; nothing was sent. Try again shortly.",
        { ...opts, retryAfterSeconds: err.retryAfterSeconds ?? 60 },
      );
    case "bad_payload":
    case "network":
      return new AppError(
        "upstream_bad_gateway",
        "Ingram Micro sent an answer we could not use. Try again shortly.",
        opts,
      );
    case "http":
      break;
  }
  if (err.op === "token") {
    return new AppError("upstream_unavailable", "The portal could not authenticate with Ingram Micro.", opts);
  }
  if (err.status === 404) return new AppError("not_found", "Ingram Micro has no such order.", opts);
  if (err.status === 405) {
    return new AppError(
      "conflict",
      ingramMessage(err) || "Ingram Micro refused: the order is not on customer hold.",
      opts,
    );
  }
  if (err.status === 400 || err.status === 422) {
    return new AppError("upstream_rejected", ingramMessage(err) || "Ingram Micro rejected the request.", {
      ...opts,
      fields: ingramFields(err),
    });
  }
  if (err.status === 401 || err.status === 403) {
    return new AppError("upstream_unavailable", "The portal could not authenticate with Ingram Micro.", opts);
  }
  if (err.status === 429) {
    return new AppError("rate_limited", "Too many requests to Ingram Micro. Wait a moment and try again.", {
      ...opts,
      retryAfterSeconds: err.retryAfterSeconds ?? 60,
    });
  }
  if (err.status === 503) return new AppError("upstream_unavailable", "Ingram Micro is unavailable right now.", opts);
  return new AppError("upstream_bad_gateway", "Ingram Micro failed to process the request. Try again shortly.", opts);
}

/** Model queries report an unreachable database as P1001; raw queries as P2010 with "Can't reach database server". */
function isDatabaseDown(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message} ${(err as { code?: string }).code ?? ""}` : "";
  return (
    /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect|P1001|P1017|DatabaseNotReachable|timeout exceeded when trying to connect|Can't reach database server/i.test(
      text,
    ) &&
    /prisma|pg|database|connect/i.test(text + ((err as { constructor?: { name?: string } })?.constructor?.name ?? ""))
  );
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof IngramError) return fromIngramError(err);
  if (err instanceof ZodError) {
    return new AppError("validation_failed", "Some fields need attention.", { fields: zodFields(err), cause: err });
  }
  if (isDatabaseDown(err)) {
    return new AppError("db_unavailable", "The portal's database is unavailable. Nothing was sent to Ingram Micro.", {
      cause: err,
      retryAfterSeconds: 5,
    });
  }
  return new AppError("internal", INTERNAL_MESSAGE, { cause: err });
}
