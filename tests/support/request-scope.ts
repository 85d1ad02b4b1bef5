// Calls route handlers and getActor() inside Next's own request scope, built with Next's own factories the way
// its route module does for each request under `next start`: next/headers' headers() and cookies() then read
// the test's Request, so the handlers run unchanged and next-auth reads the real session cookie.
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external";
import { createRequestStoreForAPI } from "next/dist/server/async-storage/request-store";
import { createWorkStore } from "next/dist/server/async-storage/work-store";
import { NextRequest } from "next/server";

type RequestStoreArgs = Parameters<typeof createRequestStoreForAPI>;
type WorkStoreArgs = Parameters<typeof createWorkStore>[0];

/** Runs `fn` as Next runs a route handler for `req`: with a NextRequest and the request's headers and cookies. */
export function inRequestScope<T>(req: Request, fn: (req: NextRequest) => Promise<T>): Promise<T> {
  const nextReq = req instanceof NextRequest ? req : new NextRequest(req);
  const implicitTags = { tags: [], expirationsByCacheKind: new Map() } as unknown as RequestStoreArgs[2];
  const previewProps = undefined as unknown as RequestStoreArgs[4];
  const requestStore = createRequestStoreForAPI(
    nextReq,
    nextReq.nextUrl,
    implicitTags,
    undefined,
    previewProps,
    undefined,
  );
  const workStore = createWorkStore({
    page: `${nextReq.nextUrl.pathname}/route`,
    renderOpts: { experimental: {} },
    buildId: "test",
    previouslyRevalidatedTags: [],
  } as unknown as WorkStoreArgs);
  return workUnitAsyncStorage.run(requestStore, () => workAsyncStorage.run(workStore, () => fn(nextReq)));
}

type RouteHandler<P> = (req: NextRequest, ctx: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler exactly as Next would: a NextRequest, a params promise, inside the request scope. */
export function callRoute<P = Record<string, string>>(
  handler: RouteHandler<P>,
  req: Request,
  params?: P,
): Promise<Response> {
  return inRequestScope(req, (nextReq) => handler(nextReq, { params: Promise.resolve(params ?? ({} as P)) }));
}

/** The /api/auth/[...nextauth] segments Next's router would pass for `req`'s path. */
export function callAuthRoute(handler: RouteHandler<{ nextauth: string[] }>, req: Request): Promise<Response> {
  const nextauth = new URL(req.url).pathname
    .replace(/^\/api\/auth\/?/, "")
    .split("/")
    .filter(Boolean);
  return callRoute(handler, req, { nextauth });
}
