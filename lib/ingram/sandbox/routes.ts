import type { Op } from "./types.ts";

export type Route =
  | { kind: "op"; op: Op; orderNumber?: string; basePath: string }
  | { kind: "methodNotAllowed"; allow: string }
  | { kind: "notFound" };

const TOKEN_PATH = "/oauth/oauth20/token";

/** Ingram paths, optionally under the `/sandbox` prefix the portal documents for sandbox apps. */
export function matchRoute(method: string, rawPath: string): Route {
  const prefix = rawPath === "/sandbox" || rawPath.startsWith("/sandbox/") ? "/sandbox" : "";
  const path = rawPath.slice(prefix.length).replace(/\/+$/, "") || "/";
  if (path === TOKEN_PATH) {
    return method === "GET" || method === "POST" ? { kind: "op", op: "token", basePath: prefix + path } : { kind: "methodNotAllowed", allow: "GET, POST" };
  }
  if (path === "/resellers/v6/orders/search") {
    return method === "GET" ? { kind: "op", op: "search", basePath: prefix + path } : { kind: "methodNotAllowed", allow: "GET" };
  }
  if (path === "/resellers/v6/orders") {
    return method === "POST" ? { kind: "op", op: "create", basePath: prefix + path } : { kind: "methodNotAllowed", allow: "POST" };
  }
  if (path === "/resellers/v7/orders") {
    return method === "POST" ? { kind: "op", op: "createV7", basePath: prefix + path } : { kind: "methodNotAllowed", allow: "POST" };
  }
  const detail = /^\/resellers\/v6\.1\/orders\/([^/]+)$/.exec(path);
  if (detail) {
    return method === "GET"
      ? { kind: "op", op: "get", orderNumber: decodeURIComponent(detail[1]!), basePath: prefix + path }
      : { kind: "methodNotAllowed", allow: "GET" };
  }
  const write = /^\/resellers\/v6\/orders\/([^/]+)$/.exec(path);
  if (write) {
    const orderNumber = decodeURIComponent(write[1]!);
    if (method === "PUT") return { kind: "op", op: "modify", orderNumber, basePath: prefix + path };
    if (method === "DELETE") return { kind: "op", op: "cancel", orderNumber, basePath: prefix + path };
    return { kind: "methodNotAllowed", allow: "PUT, DELETE" };
  }
  return { kind: "notFound" };
}
