import { describe, expect, it } from "vitest";
import {
  INGRAM_CALLS,
  INGRAM_OPERATIONS,
  operationPath,
  operationsAt,
  operationSpec,
} from "@/lib/ingram/ingram-operations";
import { matchRoute } from "@/lib/ingram/sandbox/routes";

describe("the one list of Ingram operations", () => {
  it("names the six operations (release being modify with actionCode=release), and the token call besides", () => {
    expect(INGRAM_OPERATIONS.map((o) => `${o.method} ${o.path}`)).toEqual([
      "GET /resellers/v6/orders/search",
      "GET /resellers/v6.1/orders/{ordernumber}",
      "POST /resellers/v6/orders",
      "POST /resellers/v7/orders",
      "PUT /resellers/v6/orders/{orderNumber}",
      "PUT /resellers/v6/orders/{orderNumber}",
      "DELETE /resellers/v6/orders/{OrderNumber}",
    ]);
    expect(operationSpec("release").fixedQuery).toEqual({ actionCode: "release" });
    expect(INGRAM_CALLS).toEqual(["token", "search", "get", "create", "createV7", "modify", "release", "cancel"]);
  });

  it("fills the one path parameter, encoded, and refuses to build a templated path without it", () => {
    expect(operationPath("get", "20-RD3QV-11")).toBe("/resellers/v6.1/orders/20-RD3QV-11");
    expect(operationPath("cancel", "a/b")).toBe("/resellers/v6/orders/a%2Fb");
    expect(operationPath("search")).toBe("/resellers/v6/orders/search");
    expect(() => operationPath("modify")).toThrow(TypeError);
  });

  it("finds the operations served at a path; the static search path wins over an order number", () => {
    expect(operationsAt("/resellers/v6/orders/search").operations.map((o) => o.name)).toEqual(["search"]);
    const write = operationsAt("/resellers/v6/orders/20-RD3QV");
    expect(write.operations.map((o) => o.name)).toEqual(["modify", "release", "cancel"]);
    expect(write.param).toBe("20-RD3QV");
    expect(operationsAt("/resellers/v6.1/orders/20-RD3QV%2D11").param).toBe("20-RD3QV-11");
    expect(operationsAt("/resellers/v6.1/orders/a/b").operations).toEqual([]);
    expect(operationsAt("/resellers/v9/orders").operations).toEqual([]);
  });
});

describe("the sandbox routes by that list", () => {
  it("maps method and path to an operation, under the optional /sandbox prefix", () => {
    expect(matchRoute("GET", "/resellers/v6/orders/search")).toEqual({
      kind: "op",
      op: "search",
      basePath: "/resellers/v6/orders/search",
    });
    expect(matchRoute("GET", "/sandbox/resellers/v6.1/orders/20-RD3QV/")).toEqual({
      kind: "op",
      op: "get",
      orderNumber: "20-RD3QV",
      basePath: "/sandbox/resellers/v6.1/orders/20-RD3QV",
    });
    expect(matchRoute("POST", "/resellers/v7/orders")).toMatchObject({ kind: "op", op: "createV7" });
    expect(matchRoute("PUT", "/resellers/v6/orders/20-RD3QV")).toMatchObject({
      kind: "op",
      op: "modify",
      orderNumber: "20-RD3QV",
    });
    expect(matchRoute("DELETE", "/resellers/v6/orders/20-RD3QV")).toMatchObject({
      kind: "op",
      op: "cancel",
      orderNumber: "20-RD3QV",
    });
    expect(matchRoute("POST", "/oauth/oauth20/token")).toMatchObject({ kind: "op", op: "token" });
    expect(matchRoute("GET", "/sandbox/oauth/oauth20/token")).toMatchObject({ kind: "op", op: "token" });
  });

  it("answers other methods with the allowed ones, and unknown paths with not found", () => {
    expect(matchRoute("POST", "/resellers/v6/orders/20-RD3QV")).toEqual({
      kind: "methodNotAllowed",
      allow: "PUT, DELETE",
    });
    expect(matchRoute("PUT", "/resellers/v6/orders/search")).toEqual({ kind: "methodNotAllowed", allow: "GET" });
    expect(matchRoute("GET", "/resellers/v6/orders")).toEqual({ kind: "methodNotAllowed", allow: "POST" });
    expect(matchRoute("DELETE", "/oauth/oauth20/token")).toEqual({ kind: "methodNotAllowed", allow: "GET, POST" });
    expect(matchRoute("GET", "/resellers/v9/nothing")).toEqual({ kind: "notFound" });
  });
});
