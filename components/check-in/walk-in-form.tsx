"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, useEffect, useRef, useState } from "react";
import { RegistrationForm } from "@/components/registrations/registration-form";
import type { WalkedIn } from "@/lib/check-in/actions";
import { type ActionState, idle } from "@/lib/entry-points/state";
import type { RegistrationFormState } from "@/lib/registrations/actions";

type State = ActionState<RegistrationFormState>;
type FormProps = Omit<ComponentProps<typeof RegistrationForm>, "mode" | "action">;

/**
 * The registration form at the door. Its outcome is said here, where the
 * organizer is: who was registered, confirmed or on the waiting list, and
 * marked present; then an empty form for the next person. The door's list
 * takes the new person at its next refresh.
 */
export function WalkInForm({
  action,
  doorHref,
  ...form
}: FormProps & {
  action: (previous: State, formData: FormData) => Promise<State | WalkedIn>;
  doorHref: string;
}) {
  const [walkedIn, setWalkedIn] = useState<WalkedIn>();
  const [round, setRound] = useState(0);

  async function register(previous: State, formData: FormData): Promise<State> {
    const state = await action(previous, formData);
    if (state.status !== "walkedIn") return state;
    setWalkedIn(state);
    setRound((count) => count + 1);
    return idle;
  }

  return (
    <div className="space-y-6">
      {walkedIn && <WalkedInNotice key={round} walkedIn={walkedIn} doorHref={doorHref} />}
      {/* A fresh form for the next person after each registration. */}
      <RegistrationForm key={round} mode="register" action={register} {...form} />
    </div>
  );
}

function WalkedInNotice({ walkedIn, doorHref }: { walkedIn: WalkedIn; doorHref: string }) {
  const t = useTranslations("admin.checkIn");
  const ts = useTranslations("admin.status");
  const tc = useTranslations("category");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const figures = {
    name: walkedIn.name,
    category: tc(walkedIn.category),
    status: ts(walkedIn.registrationStatus),
  };
  const confirmed = walkedIn.registrationStatus === "CONFIRMED";
  const text =
    walkedIn.registrationStatus === "CONFIRMED"
      ? t("walkInConfirmed", figures)
      : walkedIn.registrationStatus === "WAITLISTED"
        ? t("walkInWaitlisted", figures)
        : t("walkInOther", figures);
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role={confirmed ? "status" : "alert"}
      data-testid="walked-in"
      className={`scroll-mt-4 space-y-2 rounded-md border-2 p-4 outline-none ${confirmed ? "border-brand-600 bg-brand-50" : "border-amber-500 bg-amber-50"}`}
    >
      <p className="font-semibold">{text}</p>
      <p className="flex flex-wrap gap-x-4 gap-y-1">
        <a href={`/admin/registrations/${walkedIn.registrationId}`} className="text-brand-700 underline">
          {t("walkInOpen")}
        </a>
        <a href={doorHref} className="text-brand-700 underline">
          {t("back")}
        </a>
      </p>
    </div>
  );
}
