import { Text } from "@react-email/components";
import { Letter } from "./components/letter";
import { Paragraphs } from "./components/paragraphs";
import type { LetterProps } from "./components/types";

/** A free-text message from the organizers; each paragraph of it stays a paragraph. */
export default function OrganizerMessage(props: LetterProps & { message: string }) {
  const { t, event, message } = props;
  const intro = t("organizer-message.body", { event: event.title });
  return (
    <Letter {...props} heading={t("organizer-message.heading")} preview={message.slice(0, 120)}>
      <Text>{intro}</Text>
      <Paragraphs text={message} />
    </Letter>
  );
}
