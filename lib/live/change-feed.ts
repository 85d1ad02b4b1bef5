import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "@/lib/env.mjs";
import { log } from "@/lib/log";

/** What every instance hears when an order's index row changes. Small: PostgreSQL caps a NOTIFY at 8000 bytes. */
export interface OrderChange {
  accountKey: string;
  orderNumber: string;
  status: string;
  /** Set when the status itself changed. */
  fromStatus?: string | null;
  changedAt: string;
  source: "search" | "details" | "webhook" | "change";
  /** Users who got a notification for this change (their bells refresh); `*` when the list was too long. */
  notified?: string[];
}

export const CHANGE_CHANNEL = "orderdesk_order_changes";
const MAX_NOTIFIED = 100;

export function accountKey(a: { customerNumber: string; countryCode: string }): string {
  return `${a.customerNumber}/${a.countryCode}`;
}

/** The payload as sent: a long watcher list becomes `*` so that the message stays far below the cap. */
export function encodeChange(change: OrderChange): string {
  const notified = change.notified && change.notified.length > MAX_NOTIFIED ? ["*"] : change.notified;
  return JSON.stringify({ ...change, notified });
}

function decodeChange(text: string): OrderChange | null {
  try {
    const c = JSON.parse(text) as OrderChange;
    return typeof c.orderNumber === "string" && typeof c.accountKey === "string" ? c : null;
  } catch {
    return null;
  }
}

/**
 * How this process hears changes. "pg": every writer NOTIFYs inside its transaction (so nothing is heard of a
 * change that rolled back) and one dedicated connection per process LISTENs, so every instance hears every
 * change, its own included. "local": the embedded PGlite database, which serves one process (its socket server
 * handles one connection at a time, electric-sql/pglite#1046, so no connection can be held open to LISTEN);
 * changes are handed to listeners in this process after the write.
 */
export class ChangeFeed {
  private readonly emitter = new EventEmitter();
  private client: pg.Client | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;
  private retryMs = 1_000;

  constructor(
    readonly mode: "pg" | "local",
    private readonly connectionString?: string,
  ) {
    // One listener per open event stream: the cap is the number of streams, not a leak warning at 10.
    this.emitter.setMaxListeners(0);
  }

  /** Called by writers in "local" mode after their transaction committed. */
  emitLocal(change: OrderChange): void {
    if (this.mode === "local") this.emitter.emit("change", change);
  }

  /** Starts the LISTEN connection on the first subscriber; returns the unsubscribe function. */
  subscribe(listener: (change: OrderChange) => void): () => void {
    this.emitter.on("change", listener);
    if (this.mode === "pg") void this.ready();
    return () => this.emitter.off("change", listener);
  }

  /** Resolves once this process LISTENs (immediately in "local" mode). */
  ready(): Promise<void> {
    if (this.mode === "local" || this.closed) return Promise.resolve();
    this.starting ??= this.connect().catch((err: unknown) => {
      log("warn", "change feed: LISTEN connection failed; retrying", { err });
      this.starting = null;
      this.client = null;
      const wait = this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
      return new Promise<void>((resolve) => setTimeout(resolve, wait).unref()).then(() => this.ready());
    });
    return this.starting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on("notification", (msg) => {
      const change = msg.channel === CHANGE_CHANNEL && msg.payload ? decodeChange(msg.payload) : null;
      if (change) this.emitter.emit("change", change);
    });
    client.on("error", (err) => {
      log("warn", "change feed: LISTEN connection lost; reconnecting", { err });
      this.client = null;
      this.starting = null;
      void client.end().catch(() => undefined);
      if (!this.closed && this.emitter.listenerCount("change") > 0) void this.ready();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    this.client = client;
    this.retryMs = 1_000;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.emitter.removeAllListeners();
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }
}

const globalForFeed = globalThis as unknown as { orderdeskChangeFeed?: ChangeFeed };

/** The process's feed: "local" on the embedded database, "pg" on PostgreSQL. */
export function changeFeed(): ChangeFeed {
  globalForFeed.orderdeskChangeFeed ??=
    env.embeddedDb || !env.databaseUrl ? new ChangeFeed("local") : new ChangeFeed("pg", env.databaseUrl);
  return globalForFeed.orderdeskChangeFeed;
}

/** For tests and launchers that open the database themselves. */
export function installChangeFeed(feed: ChangeFeed): void {
  globalForFeed.orderdeskChangeFeed = feed;
}
