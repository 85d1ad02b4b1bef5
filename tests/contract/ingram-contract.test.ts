import { existsSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIngramClient, type IngramClient } from "@/lib/ingram/client";
import { IngramError } from "@/lib/ingram/ingram-errors";
import { INGRAM_OPERATIONS } from "@/lib/ingram/ingram-operations";
import { newCorrelationId } from "@/lib/correlation-id";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from "@/lib/ingram/sandbox/start-sandbox";
import { SANDBOX_FIXTURES } from "@/lib/ingram/sandbox/fixtures";
import { useSandboxServer } from "@/tests/support/sandbox";
import { createBody, createV7Body, getQuery, modifyBody, searchQuery } from "@/tests/support/contract-generators";
import { requestProblems, responseProblems, type Observed } from "@/tests/support/contract-checks";
import { exampleProblems } from "@/tests/support/contract-examples";
import { loadSpec, specPath, type LoadedSpec } from "@/tests/support/openapi-spec";
import { startRecordingProxy, type RecordingProxy } from "@/tests/support/recording-proxy";

/*
 * Contract test against Ingram's own spec: (1) every request the client sends matches the spec's
 * parameters and request schemas, (2) every sandbox response matches the spec's schema for its status,
 * (3) every example in the spec goes through the client's zod schemas. Runs only with INGRAM_OPENAPI_SPEC.
 */

describe("Ingram contract suite", () => {
  it("runs when INGRAM_OPENAPI_SPEC names the spec, and says so when it does not", () => {
    if (!specPath) {
      expect(
        process.env.CI,
        "CI must run the contract suite: set INGRAM_OPENAPI_SPEC (.ci/run does when the spec is beside the repo)",
      ).not.toBe("true");
      console.warn(
        "[contract] SKIPPED: INGRAM_OPENAPI_SPEC is not set. Point it at orders-openapi.json to run the Ingram contract suite.",
      );
      return;
    }
    expect(existsSync(specPath), `INGRAM_OPENAPI_SPEC=${specPath} does not exist`).toBe(true);
  });
});

/** Documented statuses the suite does not insist on seeing, with the reason. */
const NOT_REQUIRED = new Map<string, string>([
  ["post-createorder_v7 201", "documents the webhook payload, not a reply (the reply is documented as 200)"],
  ["put-ordermodify 201", "the sandbox answers modifications with 200/207 only"],
]);

describe.runIf(specPath)("Ingram contract", () => {
  let spec: LoadedSpec;
  const sb = useSandboxServer();
  let proxy: RecordingProxy;
  let client: IngramClient;
  const clientErrors: unknown[] = [];
  const ctx = () => ({ correlationId: newCorrelationId() });
  const attempt = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      if (!(e instanceof IngramError)) clientErrors.push(e);
    }
  };

  beforeAll(async () => {
    spec = loadSpec(specPath!);
    proxy = await startRecordingProxy(sb.url);
    client = createIngramClient({
      baseUrl: proxy.url,
      tokenUrl: `${proxy.url}/oauth/oauth20/token`,
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      customerNumber: SANDBOX_FIXTURES.customerNumber,
      countryCode: "US",
      senderId: "orderdesk-contract",
      rateLimitPerMinute: 100_000,
      breakerFailureThreshold: 10,
      maxRetries: 0,
    });

    const known = sb.store.listOrders().map((o) => o.ingramOrderNumber);
    const numbers = fc.constantFrom(
      ...known.slice(0, 40),
      ...SANDBOX_FIXTURES.heldOrderNumbers,
      SANDBOX_FIXTURES.processingOrderNumber,
      "20-NOPE1",
    );
    let seq = 0;
    const po = (max: number) => fc.constant(null).map(() => `CT${String(++seq).padStart(6, "0")}`.slice(0, max));
    const plan: [number, fc.Arbitrary<() => Promise<unknown>>][] = [
      [60, searchQuery.map((q) => () => client.searchOrders(q, ctx()))],
      [
        45,
        fc
          .tuple(
            fc.constantFrom(...known.slice(0, 60), SANDBOX_FIXTURES.shippedOrder.subOrderNumbers[0], "20-NOPE1"),
            getQuery,
          )
          .map(
            ([n, q]) =>
              () =>
                client.getOrder(n, q, ctx()),
          ),
      ],
      [30, createBody(po(35)).map((b) => () => client.createOrder(b, ctx()))],
      [25, createV7Body(po(18)).map((b) => () => client.createOrderV7(b, ctx()))],
      [
        25,
        fc.tuple(numbers, modifyBody).map(
          ([n, b]) =>
            () =>
              client.modifyOrder(n, b, ctx()),
        ),
      ],
      [10, numbers.map((n) => () => client.releaseOrder(n, ctx()))],
      [10, numbers.map((n) => () => client.cancelOrder(n, ctx()))],
    ];
    let seed = 20251127;
    for (const [count, arb] of plan)
      for (const call of fc.sample(arb, { numRuns: count, seed: seed++ })) await attempt(call());

    await triggerDocumentedErrors();
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
  });

  /** Reaches every documented error status once (raw requests where the client refuses bad input). */
  async function triggerDocumentedErrors() {
    sb.reset();
    const H = SANDBOX_FIXTURES;
    await attempt(client.searchOrders({ pageSize: 5 }, ctx()));
    await attempt(client.searchOrders({ customerOrderNumber: "NO-SUCH-PO-XYZ" }, ctx()));
    await attempt(client.getOrder(H.shippedOrder.orderNumber, {}, ctx()));
    await attempt(client.releaseOrder(H.heldOrderNumbers[3], ctx()));
    await attempt(client.cancelOrder("20-NOPE1", ctx()));
    await attempt(client.cancelOrder(H.processingOrderNumber, ctx()));
    await attempt(
      client.createOrder(
        { customerOrderNumber: "CT-ALLBAD", lines: [{ ingramPartNumber: H.unknownPartNumber, quantity: 1 }] },
        ctx(),
      ),
    );
    await attempt(
      client.createOrder(
        {
          customerOrderNumber: "CT-PART",
          lines: [
            { customerLineNumber: "1", ingramPartNumber: H.inStockPartNumber, quantity: 1 },
            { customerLineNumber: "2", ingramPartNumber: H.unknownPartNumber, quantity: 1 },
          ],
          additionalAttributes: [{ attributeName: "allowPartialOrder", attributeValue: "true" }],
        },
        ctx(),
      ),
    );
    await attempt(
      client.createOrderV7(
        { customerOrderNumber: "CT-DUP7", lines: [{ ingramPartNumber: H.inStockPartNumber, quantity: 1 }] },
        ctx(),
      ),
    );
    await attempt(
      client.createOrderV7(
        { customerOrderNumber: "CT-DUP7", lines: [{ ingramPartNumber: H.inStockPartNumber, quantity: 1 }] },
        ctx(),
      ),
    );
    await attempt(client.cancelOrder(H.heldOrderNumbers[4], ctx()));
    await attempt(client.modifyOrder(H.processingOrderNumber, { notes: "x" }, ctx()));
    await attempt(client.modifyOrder("20-NOPE1", { notes: "x" }, ctx()));
    await attempt(
      client.modifyOrder(
        H.heldOrderNumbers[0],
        { lines: [{ customerLineNumber: "003", ingramPartNumber: "2GZ200", addUpdateDeleteLine: "ADD", quantity: 1 }] },
        ctx(),
      ),
    );
    await attempt(
      client.modifyOrder(
        H.heldOrderNumbers[1],
        {
          lines: [
            { customerLineNumber: "003", ingramPartNumber: "2GZ200", addUpdateDeleteLine: "ADD", quantity: 1 },
            { ingramLineNumber: "999", addUpdateDeleteLine: "DELETE" },
          ],
        },
        ctx(),
      ),
    );
    sb.revokeAllTokens();
    await attempt(client.modifyOrder(H.heldOrderNumbers[2], { notes: "after revoke" }, ctx()));
    for (const op of ["search", "get", "create", "createV7", "modify", "cancel"] as const) {
      sb.faults.set({ op, kind: "status", status: 500, times: 1 });
    }
    await attempt(client.searchOrders({}, ctx()));
    await attempt(client.getOrder("20-SHP01", {}, ctx()));
    await attempt(
      client.createOrder(
        { customerOrderNumber: "CT-500", lines: [{ ingramPartNumber: H.inStockPartNumber, quantity: 1 }] },
        ctx(),
      ),
    );
    await attempt(
      client.createOrderV7(
        { customerOrderNumber: "CT-500-7", lines: [{ ingramPartNumber: H.inStockPartNumber, quantity: 1 }] },
        ctx(),
      ),
    );
    await attempt(client.modifyOrder(H.heldOrderNumbers[0], { notes: "x" }, ctx()));
    await attempt(client.cancelOrder(H.heldOrderNumbers[1], ctx()));
    // Inputs the client never sends: a bad date (search 400) and a bad country header (DELETE 400).
    const token = (await (
      await fetch(`${proxy.url}/oauth/oauth20/token`, {
        method: "POST",
        body: new URLSearchParams({
          grant_type: "client_credentials",
          client_id: SANDBOX_CLIENT_ID,
          client_secret: SANDBOX_CLIENT_SECRET,
        }),
      })
    ).json()) as { access_token: string };
    const headers = {
      Authorization: `Bearer ${token.access_token}`,
      "IM-CustomerNumber": H.customerNumber,
      "IM-CountryCode": "US",
      "IM-CorrelationID": newCorrelationId(),
      "IM-SenderID": "raw",
      Accept: "application/json",
    };
    await fetch(`${proxy.url}/resellers/v6/orders/search?ingramOrderDate=2020%2F10%2F21`, { headers }).then((r) =>
      r.text(),
    );
    await fetch(`${proxy.url}/resellers/v6/orders/${H.heldOrderNumbers[4]}`, {
      method: "DELETE",
      headers: { ...headers, "IM-CountryCode": "USA" },
    }).then((r) => r.text());
    // v7 answers at once only what its documented 400 shows (a missing header); business errors come by webhook.
    const { "IM-CountryCode": _country, ...noCountry } = headers;
    const v7 = { customerOrderNumber: "CT-400-7", lines: [{ ingramPartNumber: H.inStockPartNumber, quantity: 1 }] };
    await fetch(`${proxy.url}/resellers/v7/orders`, {
      method: "POST",
      headers: { ...noCountry, "content-type": "application/json" },
      body: JSON.stringify(v7),
    }).then((r) => r.text());
  }

  const operationExchanges = () => proxy.exchanges.filter((e) => e.path !== "/oauth/oauth20/token");

  it("(1) ≥ 200 generated calls cover all six operations and every request matches the spec", () => {
    expect(clientErrors).toEqual([]);
    const fromClient = operationExchanges().filter((e) => e.headers["im-senderid"] === "orderdesk-contract");
    expect(fromClient.length).toBeGreaterThanOrEqual(200);
    const ops = new Set(fromClient.map((e) => spec.find(e.method, e.path)?.op.operation.operationId));
    expect([...ops].sort()).toEqual(spec.operations.map((o) => o.operation.operationId).sort());
    expect(fromClient.filter((e) => e.query.some(([k]) => k === "actionCode")).length).toBeGreaterThan(0);
    const problems = fromClient.flatMap((e) => requestProblems(spec, e));
    expect(problems).toEqual([]);
  });

  it("(2) every sandbox response matches the spec for its status, and every documented status is seen", () => {
    const exchanges = operationExchanges();
    const problems = exchanges.flatMap((e) => responseProblems(spec, e));
    expect(problems).toEqual([]);
    const seen = new Set(
      exchanges.map((e) => `${spec.find(e.method, e.path)?.op.operation.operationId} ${e.response.status}`),
    );
    const documented: Observed[] = spec.operations.flatMap((o) =>
      Object.keys(o.operation.responses).map((s) => `${o.operation.operationId} ${s}` as Observed),
    );
    const missing = documented.filter((d) => !seen.has(d) && !NOT_REQUIRED.has(d));
    expect(missing).toEqual([]);
  });

  it("(3) every example in the spec parses through the client's schemas (known request deviations listed)", () => {
    expect(exampleProblems(spec)).toEqual([]);
  });

  it("(4) the operation list the client and the sandbox share is exactly the spec's paths and methods", () => {
    const listed = new Set(INGRAM_OPERATIONS.map((o) => `${o.method} ${o.path}`));
    const specified = new Set(spec.operations.map((o) => `${o.method} ${o.template}`));
    expect([...listed].sort()).toEqual([...specified].sort());
    for (const o of INGRAM_OPERATIONS) expect(o.path.startsWith(`/resellers/${o.version}/`), o.name).toBe(true);
  });
});
