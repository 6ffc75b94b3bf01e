import { z } from "zod";
import { jsonError, readJsonBody } from "@/lib/api/json";
import { publicRoute } from "@/lib/entry-points/route";
import { eventSlugSchema } from "@/lib/events/schema";
import { fieldErrors } from "@/lib/forms/field-errors";
import { clientAddress } from "@/lib/http/client-address";
import { isLocale } from "@/lib/i18n/routing";
import { getEventForm } from "@/lib/questions/data";
import { apiRegistrationSchema } from "@/lib/questions/rules";
import type { ErrorKey } from "@/lib/registrations/schema";
import { submitRegistration } from "@/lib/registrations/submit";

export const dynamic = "force-dynamic";

/**
 * Registers one participant: the same schema, allocation and letters as the
 * public form. 202 "received" whether the address was new or already
 * registered (only its mailbox learns which: the letter says the status or
 * sends the link again); 400 with field errors; 404 unknown event; 413/415
 * body; 422 registration not open; 429 rate-limited.
 */
export const POST = publicRoute({
  name: "api.events.registrations.create",
  params: z.object({ slug: eventSlugSchema }),
  run: async ({ request, params: { slug } }) => {
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
      return jsonError(400, "invalid", { fieldErrors: { form: "required" } });
    }
    const { locale = "ru", ...values } = body.value as Record<string, unknown>;
    if (typeof locale !== "string" || !isLocale(locale)) {
      return jsonError(400, "invalid", { fieldErrors: { locale: "invalidChoice" } });
    }

    const form = await getEventForm({ slug });
    if (!form) return jsonError(404, "not_found");
    const parsed = apiRegistrationSchema(form).safeParse(values);
    if (!parsed.success) {
      return jsonError(400, "invalid", { fieldErrors: fieldErrors<ErrorKey>(parsed.error) });
    }

    const result = await submitRegistration({
      slug,
      input: parsed.data,
      locale,
      client: clientAddress(request.headers),
      form,
    });
    if (result.ok || result.reason === "already_registered") {
      return Response.json({ status: "received" }, { status: 202 });
    }
    switch (result.reason) {
      case "invalid":
        return jsonError(400, "invalid", { fieldErrors: result.fieldErrors });
      case "rate_limited":
        return jsonError(
          429,
          "rate_limited",
          {},
          { headers: { "Retry-After": String(result.retryAfterSeconds) } },
        );
      case "not_found":
        return jsonError(404, "not_found");
      default:
        return jsonError(422, "registration_not_open", { state: result.reason });
    }
  },
});
