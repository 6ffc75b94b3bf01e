import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Img,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { ReactNode } from "react";
import type { LetterProps } from "./types";

const colors = { brand: "#0f766e", text: "#1c1917", muted: "#57534e", line: "#e7e5e4" };

/**
 * The frame of every letter: greeting, the letter's own content, the
 * management link — offered to view only, once the registration has ended
 * (declined or cancelled: nothing is left to change).
 */
export function Letter({
  t,
  locale,
  participantName,
  event,
  manageUrl,
  heading,
  preview,
  ended = false,
  children,
}: LetterProps & { heading: string; preview: string; ended?: boolean; children: ReactNode }) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body
        style={{ backgroundColor: "#fafaf9", fontFamily: "Arial, Helvetica, sans-serif", color: colors.text }}
      >
        <Container style={{ maxWidth: 560, margin: "0 auto", padding: "24px 16px" }}>
          {event.logos.length > 0 && (
            <Section style={{ marginBottom: 16 }}>
              {event.logos.map((logo) => (
                <Img
                  key={logo.cid}
                  src={`cid:${logo.cid}`}
                  alt={logo.alt}
                  width={logo.width}
                  height={logo.height}
                  style={{
                    display: "inline-block",
                    marginRight: 16,
                    marginBottom: 8,
                    verticalAlign: "middle",
                  }}
                />
              ))}
            </Section>
          )}
          <Text style={{ color: colors.brand, fontWeight: 700, margin: 0 }}>{event.title}</Text>
          <Heading as="h1" style={{ fontSize: 22, margin: "12px 0" }}>
            {heading}
          </Heading>
          <Text>{t("greeting", { name: participantName })}</Text>
          {children}
          <Section style={{ margin: "24px 0" }}>
            <Button
              href={manageUrl}
              style={{
                backgroundColor: colors.brand,
                color: "#ffffff",
                padding: "12px 20px",
                borderRadius: 6,
              }}
            >
              {t(ended ? "view" : "manage")}
            </Button>
            <Text style={{ color: colors.muted, fontSize: 13 }}>{t("manageHint")}</Text>
          </Section>
          <Text style={{ color: colors.muted, fontSize: 13 }}>{t("replyHint")}</Text>
          <Hr style={{ borderColor: colors.line }} />
          <Text style={{ color: colors.muted, fontSize: 12 }}>{t("footer", { event: event.title })}</Text>
        </Container>
      </Body>
    </Html>
  );
}
