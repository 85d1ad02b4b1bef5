// Limits of a saved view, without zod, so the client's "Save view" form can use them too.
export const VIEW_NAME_MAX = 60;
export const VIEW_QUERY_MAX = 2000;
/** A user keeps at most this many views (the menu stays a menu). */
export const VIEWS_PER_USER = 50;
