import type { SandboxClock } from "./clock.ts";
import { seedOrders } from "./dataset.ts";
import { newOrderNumber } from "./seed.ts";
import type { SandboxOrder } from "./sandbox-types.ts";
import { type Rng, DAY_MS, createRng } from "./util.ts";

export const HOLD_TTL_MS = DAY_MS;

/** In-memory orders. Reads apply the 24 h customer-hold expiry lazily against the sandbox clock. */
export class SandboxStore {
  private orders = new Map<string, SandboxOrder>();
  private taken = new Set<string>();
  /** Used for identifiers of orders created at runtime (deterministic per seed and call order). */
  rng: Rng;

  constructor(
    private readonly seed: number,
    private readonly orderCount: number,
    private readonly seedBaseDate: number,
    private readonly clock: SandboxClock,
  ) {
    this.rng = createRng(seed ^ 0x5eed);
    this.reset();
  }

  reset(): void {
    this.orders.clear();
    this.taken.clear();
    this.rng = createRng(this.seed ^ 0x5eed);
    for (const order of seedOrders(this.seed, this.orderCount, this.seedBaseDate, this.clock.now())) this.insert(order);
  }

  insert(order: SandboxOrder): void {
    this.orders.set(order.ingramOrderNumber.toUpperCase(), order);
    this.taken.add(order.ingramOrderNumber);
  }

  nextOrderNumber(): string {
    return newOrderNumber(this.rng, this.taken);
  }

  /** Looks up an order by its number or one of its sub-order numbers (case-insensitive). */
  getOrder(orderNumber: string): SandboxOrder | undefined {
    const key = orderNumber.trim().toUpperCase();
    const order = this.orders.get(key) ?? this.orders.get(key.replace(/-\d{2}$/, ""));
    if (!order) return undefined;
    if (order.ingramOrderNumber.toUpperCase() !== key && !order.lines.some((l) => l.subOrderNumber === key)) {
      return undefined;
    }
    this.expireHold(order);
    return order;
  }

  /** All orders, newest first. */
  listOrders(): SandboxOrder[] {
    const all = [...this.orders.values()];
    for (const order of all) this.expireHold(order);
    return all.sort((a, b) => b.createdAt - a.createdAt || a.ingramOrderNumber.localeCompare(b.ingramOrderNumber));
  }

  get size(): number {
    return this.orders.size;
  }

  hasCustomerOrderNumber(po: string): boolean {
    for (const order of this.orders.values()) if (order.customerOrderNumber === po) return true;
    return false;
  }

  /** Holds not released within 24 h of sandbox time are voided. */
  private expireHold(order: SandboxOrder): void {
    if (!order.customerHold || order.released || order.holdPlacedAt === undefined) return;
    if (this.clock.now() - order.holdPlacedAt < HOLD_TTL_MS) return;
    order.customerHold = false;
    order.status = "Canceled";
    order.modifiedAt = order.holdPlacedAt + HOLD_TTL_MS;
    for (const line of order.lines) {
      line.lineStatus = "Canceled";
      line.quantityConfirmed = 0;
      line.quantityBackOrdered = 0;
      line.backOrderETADate = undefined;
    }
  }
}
