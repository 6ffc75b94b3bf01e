import "server-only";
import { createTranslator } from "next-intl";
import QRCode from "qrcode";
import type { Actor } from "@/lib/audit/record";
import { formatCertificateCode } from "@/lib/certificates/codes";
import { getCertificateOfRegistration } from "@/lib/certificates/data";
import { issueCertificate } from "@/lib/certificates/mutations";
import { localize } from "@/lib/events/schema";
import { formatDateRange } from "@/lib/i18n/dates";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";
import { absoluteUrl } from "@/lib/i18n/urls";
import { listEventLogoFiles } from "@/lib/images/data";
import { createPdf, drawLogosRow, finishPdf, type PdfLogo } from "@/lib/pdf/document";
import { fullName } from "@/lib/registrations/names";

// A certificate of attendance: one A4 landscape page in the participant's
// language, with a verification code (and its QR image) that anyone can
// check at /verify/<code>.

const messages = { ru, ky, en };

const WIDTH = 841.89;
const HEIGHT = 595.28;
const BRAND = "#0f766e";
const TEXT_X = 90;
const TEXT_WIDTH = WIDTH - 2 * TEXT_X;

export type CertificateText = {
  name: string;
  title: string;
  dates: string;
  venue: string;
  hours: number | null;
  organizers: string[];
  code: string;
  verifyUrl: string;
  /** The organizers' and donors' logos, in a row above the title. */
  logos: PdfLogo[];
};

export async function renderCertificate({
  certificate,
  locale,
}: {
  certificate: CertificateText;
  locale: Locale;
}): Promise<Buffer> {
  const t = createTranslator({ locale, messages: messages[locale], namespace: "certificate" });
  // No margins: every line is placed, and none may start a second page.
  const doc = createPdf({ title: `${t("title")} — ${certificate.name}`, layout: "landscape", margin: 0 });
  doc
    .lineWidth(3)
    .rect(24, 24, WIDTH - 48, HEIGHT - 48)
    .stroke(BRAND);
  doc
    .lineWidth(0.75)
    .rect(32, 32, WIDTH - 64, HEIGHT - 64)
    .stroke(BRAND);

  drawLogosRow(doc, { logos: certificate.logos, x: 56, y: 46, width: WIDTH - 112, height: 40 });
  let y = 96;
  const line = (text: string, font: string, size: number, color: string, gapAfter: number) => {
    doc
      .font(font)
      .fontSize(size)
      .fillColor(color)
      .text(text, TEXT_X, y, { width: TEXT_WIDTH, align: "center" });
    y = doc.y + gapAfter;
  };
  line(t("title"), "serifBold", 36, BRAND, 0);
  line(t("subtitle"), "serif", 16, BRAND, 36);
  line(t("certifies"), "serif", 13, "#44403c", 14);
  line(certificate.name, "serifBold", 26, "black", 14);
  line(t("attended"), "serif", 13, "#44403c", 10);
  line(certificate.title, "serifBold", 18, "black", 16);
  line(`${certificate.dates} · ${certificate.venue}`, "serif", 12, "#44403c", 6);
  if (certificate.hours !== null) line(t("hours", { hours: certificate.hours }), "serif", 12, "#44403c", 6);
  if (certificate.organizers.length > 0) {
    line(t("organizers", { names: certificate.organizers.join("; ") }), "serif", 11, "#44403c", 0);
  }

  const qrSize = 76;
  const qrY = HEIGHT - 56 - qrSize;
  doc.image(await QRCode.toBuffer(certificate.verifyUrl, { margin: 1, width: 304 }), 56, qrY, {
    width: qrSize,
  });
  doc
    .font("sansBold")
    .fontSize(10)
    .fillColor("black")
    .text(t("code", { code: certificate.code }), 56 + qrSize + 12, qrY + 22, { width: 600 })
    .font("sans")
    .fontSize(9)
    .fillColor("#44403c")
    .text(t("verifyAt", { url: certificate.verifyUrl }), { width: 600 });
  return finishPdf(doc);
}

/**
 * The certificate of a registration that qualifies, issued on first use; null
 * when it does not qualify. For the participant's own download and the letter
 * that carries it.
 */
export async function certificatePdf({
  registrationId,
  locale,
  actor,
}: {
  registrationId: string;
  locale: Locale;
  actor: Actor;
}): Promise<{ pdf: Buffer; code: string; verifyUrl: string; filename: string } | null> {
  const found = await getCertificateOfRegistration({ registrationId });
  if (!found?.qualifies) return null;
  const { registration } = found;
  const issued = registration.certificate ?? (await issueCertificate({ registrationId, actor }));
  if (!issued) return null;
  const { event } = registration;
  const code = formatCertificateCode(issued.code);
  const verifyUrl = absoluteUrl({ href: `/verify/${code}`, locale });
  const first = event.days[0];
  const last = event.days.at(-1);
  const pdf = await renderCertificate({
    locale,
    certificate: {
      name: fullName(registration),
      title: localize(event.title, locale),
      dates:
        first && last
          ? formatDateRange(first.startsAt, last.endsAt, { locale, timeZone: event.timeZone })
          : "",
      venue: `${localize(event.venueName, locale)}, ${localize(event.venueAddress, locale)}`,
      hours: event.certificateHours,
      organizers: event.parties.map((party) => localize(party.name, locale)),
      code,
      verifyUrl,
      logos: await listEventLogoFiles({ eventId: event.id }),
    },
  });
  return { pdf, code, verifyUrl, filename: `certificate-${event.slug}.pdf` };
}
