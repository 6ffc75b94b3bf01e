import { Link, Section, Text } from "@react-email/components";
import type { LetterProgramme, Translate } from "./types";

/** Each day's opening and closing session, and a link to the whole programme on the event's page. */
export function ProgrammeSummary({ t, programme }: { t: Translate; programme: LetterProgramme }) {
  const row = { margin: "4px 0" };
  return (
    <Section style={{ margin: "16px 0" }}>
      <Text style={{ ...row, fontWeight: 600 }}>{t("programme")}</Text>
      {programme.days.map((day) => (
        <Text key={day.date} style={row}>
          <strong>{day.date}:</strong> {day.first}
          {day.last && ` … ${day.last}`}
        </Text>
      ))}
      <Text style={row}>
        <Link href={programme.url} style={{ color: "#1d4ed8", textDecoration: "underline" }}>
          {t("programmeLink")}
        </Link>
      </Text>
    </Section>
  );
}
