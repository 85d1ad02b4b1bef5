import "server-only";
import { compare, hash } from "bcryptjs";

export const BCRYPT_COST = 12;

/** The hashing seam: production uses bcryptjs; tests count calls through their own implementation. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  compare(password: string, passwordHash: string): Promise<boolean>;
}

export const bcryptHasher: PasswordHasher = {
  hash: (password) => hash(password, BCRYPT_COST),
  compare: (password, passwordHash) => compare(password, passwordHash),
};

/**
 * A cost-12 hash of a discarded random value. Unknown or password-less accounts are compared against it so a
 * miss costs the same time as a wrong password (no account enumeration by timing).
 */
export const DUMMY_HASH = "$2b$12$ZxAUCtH36hpAzOf3PwO0kuw3W4nu5zwiuTmL4Vi5Icj89SOYLUdsa";

export function hashPassword(password: string, hasher: PasswordHasher = bcryptHasher): Promise<string> {
  return hasher.hash(password);
}
