// Pure input schemas for sign-in and the users admin; shared by forms and handlers (no server imports).
import { z } from "zod";
import { PASSWORD_MAX_BYTES, PASSWORD_MIN, USER_ROLES } from "./user-constants";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Email is too long.")
  .pipe(z.email("Enter a valid email address."));

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .refine((v) => new TextEncoder().encode(v).length <= PASSWORD_MAX_BYTES, {
    message: `Use at most ${PASSWORD_MAX_BYTES} bytes.`,
  });

export const roleSchema = z.enum(USER_ROLES, { error: "Choose viewer, buyer or admin." });

/** A user id in its one canonical form (lowercase), so comparing two ids is comparing two strings. */
export const userIdSchema = z.uuid("Unknown user.").transform((v) => v.toLowerCase());

const nameSchema = z
  .string()
  .trim()
  .max(100, "Use at most 100 characters.")
  .transform((v) => (v === "" ? null : v));

export const addUserSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema.nullish().transform((v) => v ?? null),
  role: roleSchema,
  password: newPasswordSchema,
});
export type AddUserInput = z.infer<typeof addUserSchema>;

export const updateUserSchema = z
  .strictObject({ role: roleSchema.optional(), disabled: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Change the role or the status." });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** The own-password change; the strength check (zxcvbn) runs on the server, where its dictionaries are. */
export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** What the sign-in form posts. Lengths are capped so a huge body never reaches bcrypt. */
export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024),
});
export type CredentialsInput = z.infer<typeof credentialsSchema>;
