import type { z } from "zod";
import { normalizeErrors } from "@/lib/ingram/ingram-errors";
import { ErrorResponse, V7Error } from "@/lib/ingram/schemas/error-response";
import { OrderCreateRequest, OrderCreateResponse } from "@/lib/ingram/schemas/order-create";
import { OrderCreateV7Ack, OrderCreateV7Webhook } from "@/lib/ingram/schemas/order-create-v7";
import { OrderDetail } from "@/lib/ingram/schemas/order-detail";
import { OrderModifyRequest, OrderModifyResponse } from "@/lib/ingram/schemas/order-modify";
import { OrderSearchResponse } from "@/lib/ingram/schemas/order-search";
import type { LoadedSpec } from "./openapi-spec";

/*
 * Every example in the spec through the client's schemas. Response examples must all parse: the examples
 * break the spec's own schemas (numbers as strings, nulls, one object for an array), which is why the response
 * schemas are tolerant. Request examples go through the strict request schemas, which must refuse exactly the
 * examples that break the rules we send by (real booleans, string phone numbers, no undocumented fields) and
 * nothing else.
 */

export const EXPECTED_REQUEST_REJECTIONS = [
  // quoted booleans (v7 rejects them; we send real booleans)
  "post-createorder_v6 Shipping Instructions and Signature Required: shipmentDetails.signatureRequired invalid_type",
  "post-createorder_v6 Backordered Request: acceptBackOrder invalid_type",
  "post-createorder_v6 All Distributions ShipComplete-SplitOrder: acceptBackOrder invalid_type",
  // shipComplete "true" breaks its own maxLength 1
  "post-createorder_v6 Ship Complete Order: shipmentDetails.shipComplete too_big",
  // undocumented addressSequenceNumber / contactId in line-level endUserInfo
  "post-createorder_v6 Warranty order sample: lines.3.endUserInfo.0 unrecognized_keys",
  "post-createorder_v6 Warranty order sample: lines.4.endUserInfo.0 unrecognized_keys",
  "post-createorder_v6 Warranty order sample: lines.5.endUserInfo.0 unrecognized_keys",
  // quantity "1,"
  "post-createorder_v6 Govt fields with End User Info: lines.0.quantity invalid_type",
  // integer ingramLineNumber where the schema says string
  "put-ordermodify Modify header comments: lines.0.ingramLineNumber invalid_type",
];

type Schema = z.ZodType;

function responseSchema(operationId: string, status: number, value: unknown): Schema | undefined {
  if (status >= 400) return operationId === "post-createorder_v7" ? V7Error : ErrorResponse;
  switch (operationId) {
    case "get-resellers-v6-ordersearch":
      return OrderSearchResponse;
    case "get-orderdetails-v6.1":
      return OrderDetail;
    case "post-createorder_v6":
      return OrderCreateResponse;
    case "post-createorder_v7":
      return status === 201 || Array.isArray(value) ? OrderCreateV7Webhook : OrderCreateV7Ack;
    case "put-ordermodify":
      return OrderModifyResponse;
    default:
      return undefined;
  }
}

const issues = (where: string, r: z.ZodSafeParseResult<unknown>) =>
  r.success ? [] : r.error.issues.map((i) => `${where}: ${i.path.join(".")} ${i.code}`);

export function exampleProblems(spec: LoadedSpec): string[] {
  const problems: string[] = [];
  const rejected: string[] = [];
  let responses = 0;
  for (const { operation } of spec.operations) {
    const id = operation.operationId as string;
    const reqExamples = operation.requestBody?.content?.["application/json"]?.examples ?? {};
    for (const [name, ex] of Object.entries(reqExamples as Record<string, { value: unknown }>)) {
      const schema =
        id === "put-ordermodify" ? OrderModifyRequest : id === "post-createorder_v6" ? OrderCreateRequest : undefined;
      if (!schema) problems.push(`${id} ${name}: no request schema`);
      else rejected.push(...issues(`${id} ${name}`, schema.safeParse(ex.value)));
    }
    for (const [status, resp] of Object.entries(
      operation.responses as Record<
        string,
        { content?: Record<string, { examples?: Record<string, { value: unknown }> }> }
      >,
    )) {
      for (const [name, ex] of Object.entries(resp.content?.["application/json"]?.examples ?? {})) {
        responses++;
        const where = `${id} ${status} ${name}`;
        const value = ex.value;
        if (value === null) {
          if (!(id === "put-ordermodify" && status === "200"))
            problems.push(`${where}: null example where the client requires a body`);
          continue;
        }
        const schema = responseSchema(id, Number(status), value);
        if (!schema) problems.push(`${where}: no response schema`);
        else problems.push(...issues(where, schema.safeParse(value)));
        if (Number(status) >= 400 && !normalizeErrors(value).some((e) => e.message))
          problems.push(`${where}: normalizer found no message`);
      }
    }
  }
  if (responses < 50) problems.push(`only ${responses} response examples found`);
  const unexpected = rejected.filter((r) => !EXPECTED_REQUEST_REJECTIONS.includes(r));
  const missing = EXPECTED_REQUEST_REJECTIONS.filter((r) => !rejected.includes(r));
  return [
    ...problems,
    ...unexpected.map((r) => `unexpected request rejection ${r}`),
    ...missing.map((r) => `expected request rejection did not happen: ${r}`),
  ];
}
