import type { Reply } from "./sandbox-types.ts";
import { uuid } from "./util.ts";

export interface FieldError {
  field: string;
  value?: string;
  message: string;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers };
}

/** Spec `ErrorResponse`: `{ errors: [{ id, type, message, fields? }] }`. `value` is omitted when absent (schema: string). */
export function errorResponse(status: number, type: string, message: string, fields?: FieldError[]): Reply {
  const error: Record<string, unknown> = { id: uuid(), type, message };
  if (fields?.length) error.fields = fields.map(cleanField);
  return json(status, { errors: [error] });
}

export const validationFailed = (fields: FieldError[]): Reply =>
  errorResponse(400, "/errors/validation-failed", "Validation failed", fields);

export const notFound = (message = "Order not found."): Reply =>
  errorResponse(404, "/errors/validation-error", message);

/** v7 create errors: the spec examples wrap `{traceid, type, message, fields}` in `errors[]`. */
export function v7Error(status: number, message: string, fields: FieldError[] = []): Reply {
  return json(status, {
    errors: [
      { traceid: uuid().replace(/-/g, ""), type: "/errors/validation-failed", message, fields: fields.map(cleanField) },
    ],
  });
}

/** Gateway (Apigee-style) errors that precede the API itself. */
export function gatewayFault(status: number, faultstring: string, errorcode: string): Reply {
  return json(status, { fault: { faultstring, detail: { errorcode } } });
}

export function invalidCustomer(customerNumber: string): Reply {
  return json(400, {
    faultcode: "Server",
    faultstring: `Invalid customer number ${customerNumber}. The customer number is not registered for this application.`,
  });
}

function cleanField(f: FieldError): FieldError {
  return f.value === undefined
    ? { field: f.field, message: f.message }
    : { field: f.field, value: f.value, message: f.message };
}
