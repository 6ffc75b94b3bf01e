import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { participantActor } from "@/lib/audit/record";
import { certificatePdf } from "@/lib/certificates/pdf";
import { publicRoute } from "@/lib/entry-points/route";
import { localeSchema } from "@/lib/i18n/routing";
import { getRegistrationByToken } from "@/lib/registrations/data";
import { manageTokenSchema } from "@/lib/registrations/tokens";

export const dynamic = "force-dynamic";

/** The participant's certificate of attendance, authorized by their secret link; 404 until they qualify. */
export const GET = publicRoute({
  name: "participant.certificate",
  params: z.object({ locale: localeSchema, token: manageTokenSchema }),
  run: async ({ params: { locale, token } }) => {
    const registration = await getRegistrationByToken({ token });
    const certificate = registration
      ? await certificatePdf({ registrationId: registration.id, locale, actor: participantActor })
      : null;
    if (!certificate) return jsonError(404, "not_found");
    return new Response(new Uint8Array(certificate.pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${certificate.filename}"`,
        "Cache-Control": "private, no-store",
        "Referrer-Policy": "no-referrer",
      },
    });
  },
});
