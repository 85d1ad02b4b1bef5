import type { IncomingHttpHeaders } from "node:http";
import type { IngramOperation } from "../ingram-operations.ts";
import type { SandboxContext } from "./context.ts";
import { type FieldError, gatewayFault, invalidCustomer, v7Error, validationFailed } from "./responses.ts";
import type { Reply } from "./sandbox-types.ts";

const header = (h: IncomingHttpHeaders, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Gateway checks every operation shares: bearer token, then the IM-* headers Ingram requires. */
export function checkHeaders(ctx: SandboxContext, op: IngramOperation, h: IncomingHttpHeaders): Reply | undefined {
  const auth = /^Bearer\s+(\S+)$/i.exec(header(h, "authorization") ?? "");
  if (!auth || !ctx.tokens.isValid(auth[1]!)) {
    return gatewayFault(401, "Invalid Access Token", "keymanagement.service.invalid_access_token");
  }
  const fields: FieldError[] = [];
  const customer = header(h, "im-customernumber");
  const country = header(h, "im-countrycode");
  const correlation = header(h, "im-correlationid");
  const sender = header(h, "im-senderid");
  if (!customer) fields.push({ field: "IM-CustomerNumber", message: "IM-CustomerNumber is missing." });
  else if (customer.length > 10)
    fields.push({
      field: "IM-CustomerNumber",
      value: customer,
      message: "IM-CustomerNumber must be in the format XX-XXXXXX",
    });
  if (!country) fields.push({ field: "IM-CountryCode", message: "Country Code is missing." });
  else if (!/^[A-Za-z]{2}$/.test(country))
    fields.push({ field: "IM-CountryCode", value: country, message: "IM-CountryCode is not valid" });
  if (!correlation) fields.push({ field: "IM-CorrelationID", value: "", message: "IM-CorrelationID cannot be blank" });
  else if (correlation.length > 32)
    fields.push({
      field: "IM-CorrelationID",
      value: correlation,
      message: "IM-CorrelationID must be at most 32 characters",
    });
  if (sender && sender.length > 32)
    fields.push({ field: "IM-SenderID", value: sender, message: "IM-SenderID must be at most 32 characters" });
  if (fields.length)
    return op === "createV7" ? v7Error(400, "customer validation failed", fields) : validationFailed(fields);
  if (customer !== ctx.cfg.customerNumber) return invalidCustomer(customer!);
  return undefined;
}

/** IM-CorrelationID and IM-SenderID are echoed on responses. */
export function echoHeaders(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  const correlation = header(h, "im-correlationid");
  const sender = header(h, "im-senderid");
  if (correlation) out["IM-CorrelationID"] = correlation;
  if (sender) out["IM-SenderID"] = sender;
  return out;
}
