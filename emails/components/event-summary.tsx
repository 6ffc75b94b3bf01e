import { Section, Text } from "@react-email/components";
import type { LetterEvent, Translate } from "./types";

/** Dates, venue and organizers of the event. */
export function EventSummary({ t, event }: { t: Translate; event: LetterEvent }) {
  const row = { margin: "4px 0" };
  return (
    <Section
      style={{
        border: "1px solid #e7e5e4",
        borderRadius: 8,
        padding: "8px 16px",
        backgroundColor: "#ffffff",
      }}
    >
      <Text style={row}>
        <strong>{t("dates")}:</strong> {event.dates}
      </Text>
      <Text style={row}>
        <strong>{t("venue")}:</strong> {event.venue}
      </Text>
      {event.organizers.length > 0 && (
        <Text style={row}>
          <strong>{t("organizers")}:</strong> {event.organizers.join("; ")}
        </Text>
      )}
    </Section>
  );
}
