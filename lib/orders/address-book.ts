import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { db as processDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { indexAccount } from "@/lib/order-index/index-detail";
import { ADDRESS_BOOK_LIMIT, type SaveShipToAddress } from "@/lib/validation/ship-to-address";

// The account's address book: shared by everyone who orders for the reseller account (see the model's comment).
// Only those who may create orders read or change it; it is an ordering tool, not order data.

export interface ShipToAddressView {
  id: string;
  label: string;
  address: Record<string, string>;
  savedBy: string | null;
  updatedAt: string;
}

type Db = typeof processDb;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const labelKey = (label: string) => label.trim().toLowerCase();

function view(r: {
  id: string;
  label: string;
  address: unknown;
  createdByEmail: string | null;
  updatedAt: Date;
}): ShipToAddressView {
  const address = Object.fromEntries(
    Object.entries((r.address ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  return { id: r.id, label: r.label, address, savedBy: r.createdByEmail, updatedAt: r.updatedAt.toISOString() };
}

/** The account's saved addresses, by name. */
export async function listShipToAddresses(actor: Actor | null, db: Db = processDb): Promise<ShipToAddressView[]> {
  requirePermission(actor, "orders.create");
  const rows = await db.shipToAddress.findMany({
    where: indexAccount(),
    orderBy: { labelKey: "asc" },
    take: ADDRESS_BOOK_LIMIT,
  });
  return rows.map(view);
}

/**
 * Saves an address under a name. A name already used (ignoring case) is refused with a field error on `label`
 * unless `replace` is set, so that a colleague's address is never overwritten by accident.
 */
export async function saveShipToAddress(
  actor: Actor | null,
  input: SaveShipToAddress,
  db: Db = processDb,
): Promise<{ address: ShipToAddressView; replaced: boolean }> {
  requirePermission(actor, "orders.create");
  const account = indexAccount();
  const key = { ...account, labelKey: labelKey(input.label) };
  const address = input.shipTo ?? {};
  const existing = await db.shipToAddress.findUnique({
    where: { customerNumber_countryCode_labelKey: key },
    select: { id: true },
  });
  if (existing && !input.replace) {
    throw new AppError("conflict", "An address with this name is already saved.", {
      fields: { label: `"${input.label}" is already in the address book: choose another name, or replace it.` },
    });
  }
  if (!existing && (await db.shipToAddress.count({ where: account })) >= ADDRESS_BOOK_LIMIT) {
    throw new AppError("validation_failed", "The address book is full.", {
      fields: { label: `The address book holds at most ${ADDRESS_BOOK_LIMIT} addresses: delete one first.` },
    });
  }
  const data = { label: input.label, address, createdById: actor.id, createdByEmail: actor.email };
  try {
    const row = await db.shipToAddress.upsert({
      where: { customerNumber_countryCode_labelKey: key },
      create: { ...key, ...data },
      update: data,
    });
    return { address: view(row), replaced: !!existing };
  } catch (err) {
    // Two colleagues saving one new name at once: the unique index keeps one, the other hears it as taken.
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("conflict", "An address with this name is already saved.", {
        fields: { label: `"${input.label}" was just saved by someone else: choose another name, or replace it.` },
      });
    }
    throw err;
  }
}

/** Deletes a saved address of the account; an unknown id (or another account's) is 404. */
export async function deleteShipToAddress(actor: Actor | null, id: string, db: Db = processDb): Promise<void> {
  requirePermission(actor, "orders.create");
  if (!UUID.test(id)) throw new AppError("not_found", "No such saved address.");
  const { count } = await db.shipToAddress.deleteMany({ where: { id: id.toLowerCase(), ...indexAccount() } });
  if (count === 0) throw new AppError("not_found", "No such saved address.");
}
