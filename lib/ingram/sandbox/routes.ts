import { TOKEN_PATH, operationsAt, type IngramOperation } from "../ingram-operations.ts";

export type Route =
  | { kind: "op"; op: IngramOperation; orderNumber?: string; basePath: string }
  | { kind: "methodNotAllowed"; allow: string }
  | { kind: "notFound" };

/**
 * Ingram paths from the client's own operation list, optionally under the `/sandbox` prefix the portal
 * documents for sandbox apps. A PUT routes to modify; the server tells a release by its actionCode.
 */
export function matchRoute(method: string, rawPath: string): Route {
  const prefix = rawPath === "/sandbox" || rawPath.startsWith("/sandbox/") ? "/sandbox" : "";
  const path = rawPath.slice(prefix.length).replace(/\/+$/, "") || "/";
  const basePath = prefix + path;
  if (path === TOKEN_PATH) {
    return method === "GET" || method === "POST"
      ? { kind: "op", op: "token", basePath }
      : { kind: "methodNotAllowed", allow: "GET, POST" };
  }
  const { operations, param } = operationsAt(path);
  if (!operations.length) return { kind: "notFound" };
  const served = operations.find((o) => o.method === method && !o.fixedQuery);
  if (!served) return { kind: "methodNotAllowed", allow: [...new Set(operations.map((o) => o.method))].join(", ") };
  return { kind: "op", op: served.name, basePath, ...(param === undefined ? {} : { orderNumber: param }) };
}
