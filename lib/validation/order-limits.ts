// Limits shared by the schemas and the browser forms; no zod here, so a form can import them for nothing.

/** The most lines one order takes. */
export const MAX_ORDER_LINES = 50;
