// Pure: reading next-auth's (possibly chunked) session cookie out of a set of cookies.

/** Parses a Cookie header into name → value (first occurrence wins, as browsers send the most specific first). */
export function parseCookieHeader(header: string | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || out.has(name)) continue;
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

/**
 * The session token under `name`, or joined from `name.0`, `name.1`, … when next-auth split a large token
 * into chunks. Chunks must be contiguous from 0.
 */
export function readChunkedCookie(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const parts: string[] = [];
  for (let i = 0; i < 16; i++) {
    const chunk = cookies.get(`${name}.${i}`);
    if (chunk === undefined) break;
    parts.push(chunk);
  }
  return parts.length ? parts.join("") : null;
}
