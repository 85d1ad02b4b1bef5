import "server-only";
import { type Actor, requirePermission } from "@/lib/authz";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateViewBody } from "@/lib/validation/saved-views";
import { VIEWS_PER_USER } from "@/lib/validation/view-constants";

export interface SavedViewDto {
  id: string;
  name: string;
  /** The list's query string; the view opens at /orders?<query>. */
  query: string;
  href: string;
  createdAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toDto(v: { id: string; name: string; query: string; createdAt: Date }): SavedViewDto {
  return {
    id: v.id,
    name: v.name,
    query: v.query,
    href: v.query ? `/orders?${v.query}` : "/orders",
    createdAt: v.createdAt.toISOString(),
  };
}

/** Views belong to the user who saved them: nobody else lists, opens or deletes them. */
export async function listViews(actor: Actor | null): Promise<SavedViewDto[]> {
  requirePermission(actor, "orders.read");
  const rows = await db.savedView.findMany({ where: { userId: actor.id }, orderBy: { name: "asc" } });
  return rows.map(toDto);
}

/** One of the user's views; another user's (or an unknown id) is not found, without saying which. */
export async function getView(actor: Actor | null, id: string): Promise<SavedViewDto> {
  requirePermission(actor, "orders.read");
  const row = UUID.test(id) ? await db.savedView.findFirst({ where: { id, userId: actor.id } }) : null;
  if (!row) throw new AppError("not_found", "There is no such saved view.");
  return toDto(row);
}

export async function createView(actor: Actor | null, body: CreateViewBody): Promise<SavedViewDto> {
  requirePermission(actor, "orders.read");
  if ((await db.savedView.count({ where: { userId: actor.id } })) >= VIEWS_PER_USER) {
    throw new AppError("conflict", `You have ${VIEWS_PER_USER} saved views; delete one to save another.`, {
      fields: { name: `At most ${VIEWS_PER_USER} saved views.` },
    });
  }
  const existing = await db.savedView.findFirst({ where: { userId: actor.id, name: body.name }, select: { id: true } });
  if (existing) {
    throw new AppError("conflict", `You already have a view named “${body.name}”.`, {
      fields: { name: "You already have a view with this name." },
    });
  }
  try {
    return toDto(await db.savedView.create({ data: { userId: actor.id, name: body.name, query: body.query } }));
  } catch (err) {
    // Two saves of one name at once: the unique index lets one through.
    if ((err as { code?: string }).code === "P2002") {
      throw new AppError("conflict", `You already have a view named “${body.name}”.`, {
        fields: { name: "You already have a view with this name." },
      });
    }
    throw err;
  }
}

export async function deleteView(actor: Actor | null, id: string): Promise<void> {
  requirePermission(actor, "orders.read");
  const { count } = UUID.test(id) ? await db.savedView.deleteMany({ where: { id, userId: actor.id } }) : { count: 0 };
  if (count === 0) throw new AppError("not_found", "There is no such saved view.");
}
