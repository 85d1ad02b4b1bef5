import type { SandboxClock } from "./clock.ts";
import { gatewayFault, json } from "./responses.ts";
import type { Reply } from "./sandbox-types.ts";
import { randomAlnum } from "./util.ts";

export interface TokenConfig {
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}

/** Issued bearer tokens with expiry on the sandbox clock. */
export class TokenStore {
  private tokens = new Map<string, number>();

  constructor(
    private readonly cfg: TokenConfig,
    private readonly clock: SandboxClock,
  ) {}

  issue(): { token: string; expiresIn: number } {
    const token = randomAlnum(28, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    this.tokens.set(token, this.clock.now() + this.cfg.tokenTtlSeconds * 1000);
    return { token, expiresIn: this.cfg.tokenTtlSeconds };
  }

  isValid(token: string): boolean {
    const exp = this.tokens.get(token);
    if (exp === undefined) return false;
    if (this.clock.now() >= exp) {
      this.tokens.delete(token);
      return false;
    }
    return true;
  }

  revokeAll(): void {
    this.tokens.clear();
  }

  /** POST form (portal) or GET query (spec); also accepts HTTP Basic client credentials. */
  handle(
    method: string,
    query: URLSearchParams,
    body: string,
    contentType: string,
    authorization: string | undefined,
  ): Reply {
    if (method !== "GET" && method !== "POST") return json(405, { message: `Method ${method} not allowed` });
    const params = new URLSearchParams(query);
    if (method === "POST" && body) {
      if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
        return json(400, { message: "Content-Type must be application/x-www-form-urlencoded" });
      }
      for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
    }
    const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "");
    if (basic && !params.has("client_id")) {
      const [id, ...rest] = Buffer.from(basic[1]!, "base64").toString("utf8").split(":");
      params.set("client_id", id ?? "");
      params.set("client_secret", rest.join(":"));
    }
    const grant = params.get("grant_type");
    const id = params.get("client_id");
    const secret = params.get("client_secret");
    const missing = [!grant && "grant_type", !id && "client_id", !secret && "client_secret"].filter(Boolean);
    if (missing.length) return json(400, { message: `Missing required parameter(s): ${missing.join(", ")}` });
    if (grant !== "client_credentials") return json(400, { message: `Unsupported grant type : ${grant}` });
    if (id !== this.cfg.clientId || secret !== this.cfg.clientSecret) {
      return gatewayFault(401, "Invalid client identifier {0}", "oauth.v2.InvalidClientIdentifier");
    }
    const { token, expiresIn } = this.issue();
    return json(
      200,
      { access_token: token, token_type: "Bearer", expires_in: String(expiresIn) },
      { "cache-control": "no-store" },
    );
  }
}
