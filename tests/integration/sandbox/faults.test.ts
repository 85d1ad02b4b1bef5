import { describe, expect, it } from "vitest";
import { SANDBOX_FIXTURES as F } from "@/lib/ingram/sandbox/fixtures";
import { startSandbox } from "@/lib/ingram/sandbox/start-sandbox";
import { fetchToken, imHeaders, useHarness } from "./helpers.ts";

describe("sandbox faults", () => {
  const h = useHarness({ orderCount: 20 });
  const detail = `/resellers/v6.1/orders/${F.shippedOrder.orderNumber}`;

  it("status: answers the given status with Retry-After for `times` requests of the scoped op only", async () => {
    const id = h.sb.faults.set({ op: "get", times: 2, kind: "status", status: 503, retryAfter: 7 });
    expect(id).toEqual(expect.any(String));
    expect((await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1")).status).toBe(200);
    const first = await h.api("GET", detail);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(first.json.errors[0].type).toBe("/errors/server-error");
    expect((await h.api("GET", detail)).status).toBe(503);
    expect((await h.api("GET", detail)).status).toBe(200);
  });

  it("clear(id) removes one rule; clear() removes all", async () => {
    const a = h.sb.faults.set({ op: ["get", "search"], kind: "status", status: 500 });
    h.sb.faults.set({ op: "cancel", kind: "status", status: 502 });
    expect((await h.api("GET", detail)).status).toBe(500);
    h.sb.faults.clear(a);
    expect((await h.api("GET", detail)).status).toBe(200);
    expect(h.sb.faults.list()).toHaveLength(1);
    h.sb.faults.clear();
    expect(h.sb.faults.list()).toHaveLength(0);
  });

  it("truncated, html200, wrongTypes and redirect bend the reply", async () => {
    h.sb.faults.set({ op: "get", times: 1, kind: "truncated" });
    const cut = await h.api("GET", detail);
    expect(cut.status).toBe(200);
    expect(() => JSON.parse(cut.text)).toThrow();

    h.sb.faults.set({ op: "get", times: 1, kind: "html200" });
    const html = await h.api("GET", detail);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toMatch(/text\/html/);

    h.sb.faults.set({ op: "get", times: 1, kind: "wrongTypes" });
    const wrong = await h.api("GET", detail);
    expect(typeof wrong.json.orderTotal).toBe("object");
    expect(typeof wrong.json.lines[0].quantityOrdered).toBe("string");

    h.sb.faults.set({ op: "search", times: 1, kind: "redirect", location: "http://127.0.0.2:9/elsewhere" });
    const moved = await h.api("GET", "/resellers/v6/orders/search");
    expect(moved.status).toBe(302);
    expect(moved.headers.get("location")).toBe("http://127.0.0.2:9/elsewhere");
  });

  it("huge streams a body of the requested size", async () => {
    h.sb.faults.set({ op: "get", times: 1, kind: "huge", bytes: 3 * 1024 * 1024 });
    const res = await h.api("GET", detail);
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(res.text)).toBe(3 * 1024 * 1024);
    expect(JSON.parse(res.text).padding.length).toBeGreaterThan(1000);
  });

  it("latency delays the reply; commitThenHang performs the operation before the delayed reply", async () => {
    h.sb.faults.set({ op: "get", times: 1, kind: "latency", ms: 1_000 });
    const slow = fetch(h.sb.url + detail, { headers: imHeaders(h.token), signal: AbortSignal.timeout(100) });
    await expect(slow).rejects.toThrow(/abort|timeout/i);
    expect((await h.api("GET", detail)).status).toBe(200);

    const n = F.heldOrderNumbers[0];
    h.sb.faults.set({ op: "cancel", times: 1, kind: "commitThenHang", ms: 5_000 });
    const controller = new AbortController();
    const pending = fetch(`${h.sb.url}/resellers/v6/orders/${n}`, {
      method: "DELETE",
      headers: imHeaders(h.token),
      signal: controller.signal,
    });
    await expect.poll(() => h.sb.store.getOrder(n)!.status, { timeout: 2_000 }).toBe("Canceled");
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it("drip sends headers first and the body slowly", async () => {
    h.sb.faults.set({ op: "get", times: 1, kind: "drip", bytesPerSecond: 20 });
    const res = await fetch(h.sb.url + detail, { headers: imHeaders(h.token) });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    expect(first.value!.length).toBeLessThan(20);
    await reader.cancel();
  });

  it("close() does not hang on a dripping response and destroys open sockets", async () => {
    const sb = await startSandbox({ orderCount: 5 });
    const token = await fetchToken(sb);
    sb.faults.set({ kind: "drip", bytesPerSecond: 1 });
    const res = await fetch(sb.url + detail, { headers: imHeaders(token) });
    expect(res.status).toBe(200);
    const body = res.text();
    // A close that waited for the drip (1 byte a second) would outlast the test's timeout; no clock is asserted.
    await sb.close();
    await expect(body).rejects.toThrow();
  });

  it("the HTTP control API sets and clears faults, advances the clock and reports stats", async () => {
    const set = await fetch(`${h.sb.url}/__sandbox/faults`, {
      method: "POST",
      body: JSON.stringify({ op: "search", kind: "status", status: 500 }),
    });
    expect(set.status).toBe(201);
    expect((await h.api("GET", "/resellers/v6/orders/search")).status).toBe(500);
    expect((await fetch(`${h.sb.url}/__sandbox/faults`, { method: "DELETE" })).status).toBe(200);
    expect((await h.api("GET", "/resellers/v6/orders/search?customerOrderNumber=ROLLOUT&pageSize=1")).status).toBe(200);
    expect(
      (await fetch(`${h.sb.url}/__sandbox/faults`, { method: "POST", body: JSON.stringify({ kind: "bogus" }) })).status,
    ).toBe(400);

    const before = h.sb.clock.now();
    const clock = await fetch(`${h.sb.url}/__sandbox/clock`, {
      method: "POST",
      body: JSON.stringify({ advanceMs: 3_600_000 }),
    });
    expect((await clock.json()).now).toBeGreaterThanOrEqual(before + 3_600_000);

    const stats = await (await fetch(`${h.sb.url}/__sandbox/stats`)).json();
    expect(stats.counts.search).toBe(h.sb.stats.count("search"));
    expect(stats.requests.at(-1)).toMatchObject({
      op: "search",
      method: "GET",
      query: [
        ["customerOrderNumber", "ROLLOUT"],
        ["pageSize", "1"],
      ],
    });

    h.sb.faults.set({ kind: "status", status: 500 });
    const reset = await fetch(`${h.sb.url}/__sandbox/reset`, { method: "POST" });
    expect(reset.status).toBe(200);
    expect(h.sb.faults.list()).toEqual([]);
    expect(h.sb.stats.count("search")).toBe(0);
  });
});
