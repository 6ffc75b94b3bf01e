import { renderRegister } from "@/lib/travel/pdf";
import { registerFileRoute } from "@/lib/travel/register-route";

export const dynamic = "force-dynamic";

/** Organizers: the per-diem and travel register to sign, as an A4 PDF. */
export const GET = registerFileRoute({
  name: "admin.events.per-diem.pdf",
  permission: "event.documents",
  respond: async ({ logistics, register }, locale) => {
    const pdf = await renderRegister({ logistics, register, locale });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="per-diem-${logistics.slug}.pdf"`,
        // Names, amounts and perhaps passports: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  },
});
