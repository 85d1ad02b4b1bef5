// Pure: the client address used for per-address limits and the audit trail.
import { isIP } from "node:net";

/**
 * The connection's peer address, stamped by the portal's own HTTP server (lib/cli/serve.mjs) after it removes
 * any copy the client sent. Route handlers cannot see the socket, and `next start` only fills X-Forwarded-For
 * from the socket when the client sent none, so neither can be believed on its own.
 */
export const PEER_HEADER = "x-orderdesk-peer";

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function normalize(address: string | undefined): string | null {
  const trimmed = address?.trim() ?? "";
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const value = v4mapped ? v4mapped[1]! : trimmed.toLowerCase();
  return isIP(value) ? value : null;
}

/**
 * The peer address, or with `trustedHops` = N reverse proxies in front of the portal, the address the outermost
 * of them saw: the N-th X-Forwarded-For entry from the right (each proxy appends the address it received from).
 * Entries left of it are the client's to invent and are never read. "unknown" when there is no stamped peer
 * (a server other than the portal's own) or the chosen entry is not an address.
 */
export function clientAddress(headers: HeaderSource, trustedHops: number): string {
  const peer = normalize(header(headers, PEER_HEADER));
  if (!peer) return "unknown";
  if (trustedHops <= 0) return peer;
  const forwarded = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const hops = [...forwarded, peer];
  return normalize(hops[Math.max(0, hops.length - 1 - trustedHops)]) ?? "unknown";
}
