// The floor's only logic: one Ingram token, fetched once and kept, and a GET to the sandbox with the headers
// Ingram requires. Plain JavaScript so that the main project's tsconfig never includes this app and no
// tsconfig is written here. Configuration comes from the bench (FLOOR_* variables), not from lib/env.mjs.
import { randomBytes } from "node:crypto";

const upstream = process.env.FLOOR_UPSTREAM;
const creds = JSON.parse(process.env.FLOOR_CREDS ?? "{}");
let token = null;

async function fetchToken() {
  const res = await fetch(`${upstream}/oauth/oauth20/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
    }),
  });
  if (!res.ok) throw new Error(`token request failed: HTTP ${res.status}`);
  return (await res.json()).access_token;
}

/** GET an Ingram path on the sandbox; answers the upstream Response as is. */
export async function ingramGet(path) {
  token ??= fetchToken();
  return fetch(upstream + path, {
    headers: {
      authorization: `Bearer ${await token}`,
      "im-customernumber": creds.customerNumber,
      "im-countrycode": creds.countryCode,
      "im-senderid": "bench-floor",
      "im-correlationid": randomBytes(16).toString("hex"),
      accept: "application/json",
    },
  });
}

export const detailPath = (orderNumber) => `/resellers/v6.1/orders/${encodeURIComponent(orderNumber)}`;
export const searchPath = (search) => `/resellers/v6/orders/search${search}`;
