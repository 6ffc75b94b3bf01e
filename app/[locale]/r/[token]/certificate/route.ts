import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { participantActor } from "@/lib/audit/record";
import { getCertificateOfRegistration } from "@/lib/certificates/data";
import { certificatePdf } from "@/lib/certificates/pdf";
import { publicRoute } from "@/lib/entry-points/route";
import { getPathname } from "@/lib/i18n/navigation";
import { localeSchema } from "@/lib/i18n/routing";
import { getRegistrationByToken } from "@/lib/registrations/data";
import { manageTokenSchema } from "@/lib/registrations/tokens";

export const dynamic = "force-dynamic";

/**
 * The participant's certificate of attendance, authorized by their secret
 * link. One who attended but has not yet submitted an instrument the event
 * requires is sent to their page, which says which; anyone else: 404 until
 * they qualify.
 */
export const GET = publicRoute({
  name: "participant.certificate",
  params: z.object({ locale: localeSchema, token: manageTokenSchema }),
  run: async ({ params: { locale, token } }) => {
    const registration = await getRegistrationByToken({ token });
    if (!registration) return jsonError(404, "not_found");
    const certificate = await certificatePdf({
      registrationId: registration.id,
      locale,
      actor: participantActor,
    });
    if (!certificate) {
      const standing = await getCertificateOfRegistration({ registrationId: registration.id });
      if (!standing?.missing.length) return jsonError(404, "not_found");
      return new Response(null, {
        status: 303,
        headers: {
          Location: `${getPathname({ href: `/r/${token}`, locale })}#certificate`,
          "Cache-Control": "private, no-store",
          "Referrer-Policy": "no-referrer",
        },
      });
    }
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
