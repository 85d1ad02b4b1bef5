import "server-only";

// Every order write: requirePermission → (re-read) → audit intent → one un-retried Ingram call → outcome.
export { createOrder, resolveUnknownCreate } from "./commands/create";
export { createOrderAsync } from "./commands/create-async";
export { cancelOrder, modifyOrder, releaseOrder } from "./commands/change";
export type { CommandOptions } from "./commands/shared";
