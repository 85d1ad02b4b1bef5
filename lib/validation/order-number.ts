// The one definition of an Ingram order number as Orderdesk accepts it, for forms, handlers, pages, webhooks
// and the Ingram client alike. Pure zod: imports nothing server-side.
import { z } from "zod";

/**
 * Ingram's limits: the details path (`/v6.1/orders/{ordernumber}`) takes at most 12 characters, sub-orders
 * such as `20-RD3QV-11` included; search's `ingramOrderNumber` filter takes at most 11. Cancel and modify
 * name the same order in their paths, so 12 holds for every path. Letters, digits and dashes only, which
 * rules out `/`, `.`, `%` and every encoding trick before an id can reach an upstream path.
 */
export const ORDER_NUMBER_MAX_LENGTH = 12;
export const SEARCH_ORDER_NUMBER_MAX_LENGTH = 11;

const ORDER_NUMBER_CHARS = /^[A-Za-z0-9-]+$/;

export const orderNumberSchema = z
  .string({ error: "Order number is required." })
  .min(1, "Order number is required.")
  .max(ORDER_NUMBER_MAX_LENGTH, `Order number must be at most ${ORDER_NUMBER_MAX_LENGTH} characters.`)
  .regex(ORDER_NUMBER_CHARS, "Order number may contain only letters, digits and dashes.");

export const searchOrderNumberSchema = orderNumberSchema.max(
  SEARCH_ORDER_NUMBER_MAX_LENGTH,
  `Ingram order number must be at most ${SEARCH_ORDER_NUMBER_MAX_LENGTH} characters.`,
);

export function isOrderNumber(value: unknown): value is string {
  return orderNumberSchema.safeParse(value).success;
}
