/** The selection checkboxes' names, shared by the server-rendered column and the client toolbar. */
export const BULK_FIELD = "bulk-order";
export const BULK_ALL = "bulk-all";
