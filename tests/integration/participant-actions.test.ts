import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { idle } from "@/lib/entry-points/state";
import { PEER_HEADER } from "@/lib/http/client-address";
import { updateRegistrationAction } from "@/lib/registrations/actions";
import { createRegistration } from "@/lib/registrations/mutations";
import { manageToken } from "@/lib/registrations/tokens";
import { createTestEvent, registrationInput } from "../support/factories";

// The participant's own edit, called as the browser calls a server action:
// a bound token, the previous state and the form's FormData. Only the
// request's headers are stood in for (a server action reads them from the
// request it runs in); the database is real.

let peer = "203.0.113.10";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: peer }) }));

async function registered() {
  const event = await createTestEvent();
  const created = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
  if (!created.ok) throw new Error(created.reason);
  return { id: created.registrationId, token: manageToken(created.registrationId) };
}

function editForm(fields: Record<string, string> = {}) {
  const form = new FormData();
  const values: Record<string, string> = {
    lastName: "Асанова",
    firstName: "Айгүл",
    organization: "Айыл өкмөтү",
    position: "Башкы адис",
    category: "LOCAL_GOVERNMENT",
    region: "NARYN",
    phone: "+996 555 123 456",
    gender: "FEMALE",
    ...fields,
  };
  for (const [name, value] of Object.entries(values)) form.append(name, value);
  return form;
}

describe("the participant's own edit, through the action layer", () => {
  it("saves what the form declares and nothing of hostile names", async () => {
    peer = `203.0.113.${Math.floor(Math.random() * 200)}`;
    const { id, token } = await registered();
    const form = editForm({ position: "Заместитель главы" });
    for (const name of ["__proto__.polluted", "constructor.prototype.polluted", "position.__proto__.x"]) {
      form.append(name, "polluted");
    }
    const state = await updateRegistrationAction(token, idle, form);
    expect(state.status).toBe("saved");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await db.registration.findUniqueOrThrow({ where: { id } })).position).toBe("Заместитель главы");
  });

  it("answers a bound argument that is no token as a bad request, and changes nothing", async () => {
    expect(await updateRegistrationAction("not-a-token", idle, editForm())).toEqual({
      status: "failed",
      code: "bad_request",
    });
  });

  it("gives field errors and the submitted values back for the form to show", async () => {
    const { token } = await registered();
    const state = await updateRegistrationAction(token, idle, editForm({ phone: "call me" }));
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { phone: "invalidPhone" },
      values: { phone: "call me" },
    });
  });

  it("limits how often one address may post to participants' pages, whatever the token", async () => {
    peer = `198.51.100.${Math.floor(Math.random() * 200)}`;
    const statuses: string[] = [];
    for (let i = 0; i < 61; i++) {
      // A stranger trying tokens: none of them opens a registration.
      const tried = await updateRegistrationAction(
        randomUUID().replace(/-/g, "").padEnd(43, "x"),
        idle,
        editForm(),
      );
      statuses.push(tried.status === "failed" && "code" in tried ? tried.code : tried.status);
    }
    expect(statuses.slice(0, 60).every((status) => status !== "rate_limited")).toBe(true);
    expect(statuses[60]).toBe("rate_limited");
  });
});
