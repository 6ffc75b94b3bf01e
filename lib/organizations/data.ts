import "server-only";
import { db } from "@/lib/db";

/** Every organization by name, with how many accounts and events it has, for the admins' page. */
export function listOrganizations() {
  return db.organization.findMany({
    orderBy: { name: "asc" },
    select: { id: true, name: true, _count: { select: { members: true, events: true } } },
  });
}

/** The organizations to choose from in a select: id and name. */
export function listOrganizationChoices() {
  return db.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

/** An organization by its name, whatever its case (the command line names it). */
export function findOrganizationByName({ name }: { name: string }) {
  return db.organization.findFirst({
    where: { name: { equals: name, mode: "insensitive" } },
    select: { id: true, name: true },
  });
}
