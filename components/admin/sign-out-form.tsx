"use client";

import { ActionForm } from "@/components/forms/action-form";
import { doorStore } from "@/lib/check-in/door-store";
import { signOutAction } from "@/lib/staff/actions";

/**
 * Signing out also removes the door's lists of names from this phone
 * (lib/check-in/door-store.ts): the next person to pick it up, signed in or
 * not, finds none.
 */
export function SignOutForm({ label }: { label: string }) {
  return (
    <ActionForm action={signOutAction} onSubmit={() => doorStore.signOut()}>
      <button type="submit" className="rounded border border-stone-300 px-3 py-1 hover:bg-stone-100">
        {label}
      </button>
    </ActionForm>
  );
}
