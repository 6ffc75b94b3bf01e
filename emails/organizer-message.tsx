import { Section, Text } from "@react-email/components";
import { Letter } from "./components/letter";
import type { LetterProps } from "./components/types";

/** A free-text message from the organizers; each paragraph of it stays a paragraph. */
export default function OrganizerMessage(props: LetterProps & { message: string }) {
  const { t, event, message } = props;
  const intro = t("organizer-message.body", { event: event.title });
  return (
    <Letter {...props} heading={t("organizer-message.heading")} preview={message.slice(0, 120)}>
      <Text>{intro}</Text>
      <Section style={{ borderLeft: "3px solid #0f766e", paddingLeft: 12 }}>
        {message.split(/\n{2,}/).map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
          <Text key={index} style={{ whiteSpace: "pre-line" }}>
            {paragraph}
          </Text>
        ))}
      </Section>
    </Letter>
  );
}
