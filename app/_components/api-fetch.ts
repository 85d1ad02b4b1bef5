// Same-origin JSON calls from client components to our route handlers. The shape mirrors the portal's one
// error body: { error: { code, message, correlationId, fields? } }.
import { retryAfterSeconds } from "./retry-after";

export interface ApiError {
  status: number;
  code: string;
  message: string;
  correlationId?: string;
  fields?: Record<string, string>;
  retryAfterSeconds?: number;
}

export type ApiResult<T> =
  { ok: true; status: number; data: T; correlationId?: string; headers: Headers } | { ok: false; error: ApiError };

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** What a call that never reached the server says (also for a module that could not be loaded to make one). */
export const NETWORK_MESSAGE = "Could not reach Orderdesk. Check your connection and try again.";

export async function apiFetch<T>(url: string, req: ApiRequest = {}): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: req.method ?? "GET",
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        Accept: "application/json",
        ...(req.body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...req.headers,
      },
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
      signal: req.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    return { ok: false, error: { status: 0, code: "network", message: NETWORK_MESSAGE } };
  }
  const correlationId = res.headers.get("x-correlation-id") ?? undefined;
  const text = await res.text();
  let payload: unknown = null;
  try {
    payload = text ? JSON.parse(text) : null;
  } catch {
    payload = null;
  }
  if (res.ok) return { ok: true, status: res.status, data: payload as T, correlationId, headers: res.headers };
  const body = (payload as { error?: Partial<ApiError> } | null)?.error;
  const retry = retryAfterSeconds(res.headers.get("retry-after"));
  return {
    ok: false,
    error: {
      status: res.status,
      code: body?.code ?? "http_error",
      message: body?.message ?? describeStatus(res.status),
      correlationId: body?.correlationId ?? correlationId,
      fields: body?.fields,
      retryAfterSeconds: retry > 0 ? retry : undefined,
    },
  };
}

/** A failure a second try may change: no connection, throttled, a conflict to re-read, or our side / Ingram's. */
export function isRetryable(error: ApiError): boolean {
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

function describeStatus(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again.";
  if (status === 403) return "You do not have permission to do this.";
  if (status === 404) return "Not found.";
  if (status === 429) return "Too many requests. Wait a moment and try again.";
  if (status >= 500) return "Something went wrong on our side. Quote the correlation id if you contact support.";
  return `The request failed (HTTP ${status}).`;
}
