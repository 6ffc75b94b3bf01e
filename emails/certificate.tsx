import { Link, Text } from "@react-email/components";
import { Letter } from "./components/letter";
import type { LetterProps } from "./components/types";

/** The certificate of attendance, attached as a PDF, with the address that verifies it. */
export default function Certificate(props: LetterProps & { code: string; verifyUrl: string }) {
  const { t, event, code, verifyUrl } = props;
  const body = t("certificate.body", { event: event.title });
  return (
    <Letter {...props} heading={t("certificate.heading")} preview={body}>
      <Text>{body}</Text>
      <Text>
        {t("certificate.verify", { code })} <Link href={verifyUrl}>{verifyUrl}</Link>
      </Text>
    </Letter>
  );
}
