import { Link, Text } from "@react-email/components";
import { Letter } from "./components/letter";
import type { LetterProps } from "./components/types";

/**
 * A post-test or feedback survey is open ("instrument-opened"), or still
 * awaits the participant's answer ("instrument-reminder"): their own link to it.
 */
export default function InstrumentLetter(
  props: LetterProps & {
    template: "instrument-opened" | "instrument-reminder";
    kind: string;
    instrumentUrl: string;
  },
) {
  const { t, event, template, kind, instrumentUrl } = props;
  const body = t(`${template}.body`, { event: event.title, kind });
  return (
    <Letter {...props} heading={t(`${template}.heading`, { kind })} preview={body}>
      <Text>{body}</Text>
      <Text>
        <Link href={instrumentUrl}>{t(`${template}.link`, { kind })}</Link>
      </Text>
      <Text>{instrumentUrl}</Text>
    </Letter>
  );
}
