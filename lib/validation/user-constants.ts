// The users admin's constants, apart from its zod schemas (users.ts) so that client components can show them
// without shipping zod with the page. Pure: no server imports.

/** Mirrors ROLES in lib/authz.ts (a unit test keeps them equal); this module must stay free of server code. */
export const USER_ROLES = ["viewer", "buyer", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const PASSWORD_MIN = 12;
/** bcrypt reads only the first 72 bytes; a longer password would silently be cut. */
export const PASSWORD_MAX_BYTES = 72;
