// The one list of the Ingram Orders operations: the client calls them from here, the sandbox routes by it,
// and the contract test holds it against Ingram's spec. Path templates keep the spec's own parameter
// spelling ({ordernumber}, {orderNumber}, {OrderNumber}). Pure data: no I/O, nothing server-side.

export interface OperationSpec {
  readonly name: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly version: string;
  /** Query parameters that tell this operation from another on the same method and path. */
  readonly fixedQuery?: Readonly<Record<string, string>>;
}

export const INGRAM_OPERATIONS = [
  { name: "search", method: "GET", path: "/resellers/v6/orders/search", version: "v6" },
  { name: "get", method: "GET", path: "/resellers/v6.1/orders/{ordernumber}", version: "v6.1" },
  { name: "create", method: "POST", path: "/resellers/v6/orders", version: "v6" },
  { name: "createV7", method: "POST", path: "/resellers/v7/orders", version: "v7" },
  { name: "modify", method: "PUT", path: "/resellers/v6/orders/{orderNumber}", version: "v6" },
  // Release is Ingram's modify operation with actionCode=release and an empty body.
  {
    name: "release",
    method: "PUT",
    path: "/resellers/v6/orders/{orderNumber}",
    version: "v6",
    fixedQuery: { actionCode: "release" },
  },
  { name: "cancel", method: "DELETE", path: "/resellers/v6/orders/{OrderNumber}", version: "v6" },
] as const satisfies readonly OperationSpec[];

export type OrdersOperation = (typeof INGRAM_OPERATIONS)[number]["name"];
export type IngramOperationSpec = OperationSpec & { readonly name: OrdersOperation };
const LIST: readonly IngramOperationSpec[] = INGRAM_OPERATIONS;

/** Every kind of call to Ingram: the OAuth2 token endpoint and the Orders operations. */
export type IngramOperation = "token" | OrdersOperation;
export const INGRAM_CALLS: readonly IngramOperation[] = ["token", ...INGRAM_OPERATIONS.map((o) => o.name)];

/** The OAuth2 client-credentials endpoint, relative to the API host. */
export const TOKEN_PATH = "/oauth/oauth20/token";

const PATH_PARAM = /\{[^}]+\}/;

export function operationSpec(name: OrdersOperation): IngramOperationSpec {
  return LIST.find((o) => o.name === name)!;
}

/** The operation's path with `param` (already validated by the caller) in its one templated segment. */
export function operationPath(name: OrdersOperation, param?: string): string {
  const { path } = operationSpec(name);
  if (!PATH_PARAM.test(path)) return path;
  if (param === undefined) throw new TypeError(`${name} needs a path parameter`);
  return path.replace(PATH_PARAM, encodeURIComponent(param));
}

/** Method and path shape: Ingram counts calls per endpoint, and modify and release are one endpoint. */
export function endpointOf(name: OrdersOperation): string {
  const { method, path } = operationSpec(name);
  return `${method} ${sameShape(path)}`;
}

/** The operations served at `path`, in list order, with the decoded path parameter when it has one. */
export function operationsAt(path: string): { operations: IngramOperationSpec[]; param?: string } {
  for (const candidate of LIST) {
    const m = templateRegExp(candidate.path).exec(path);
    if (!m) continue;
    const shape = sameShape(candidate.path);
    const operations = LIST.filter((o) => sameShape(o.path) === shape);
    return { operations, param: m[1] === undefined ? undefined : decodeURIComponent(m[1]) };
  }
  return { operations: [] };
}

/** The spec spells one parameter three ways; paths that differ only in that spelling are one path. */
const sameShape = (template: string) => template.replace(PATH_PARAM, "{}");

function templateRegExp(template: string): RegExp {
  const [before, after = ""] = template.split(PATH_PARAM);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escape(before!)}${template === before ? "" : "([^/]+)"}${escape(after)}$`);
}
