// Whether an event takes registrations now: one decision for the event page,
// the form, the JSON API and the allocation.

export type RegistrationState = "open" | "not_yet" | "closed" | "past";

export function registrationState({
  event,
  lastDayEndsAt,
  now,
}: {
  event: { status: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null };
  lastDayEndsAt: Date | undefined;
  now: Date;
}): RegistrationState {
  if (lastDayEndsAt && lastDayEndsAt <= now) return "past";
  if (event.status !== "PUBLISHED") return "closed";
  if (event.registrationOpensAt && now < event.registrationOpensAt) return "not_yet";
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return "closed";
  return "open";
}
