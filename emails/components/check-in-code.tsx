import { Img, Section, Text } from "@react-email/components";
import type { CheckIn, Translate } from "./types";

/** The code to show at the door: written out, and as a QR image attached inline. */
export function CheckInCode({ t, checkIn }: { t: Translate; checkIn: CheckIn }) {
  return (
    <Section style={{ textAlign: "center", margin: "16px 0" }}>
      <Text style={{ margin: "4px 0" }}>{t("checkInCode")}</Text>
      <Text
        style={{
          fontFamily: "Courier New, monospace",
          fontSize: 28,
          letterSpacing: 4,
          fontWeight: 700,
          margin: 0,
        }}
      >
        {checkIn.code}
      </Text>
      <Img
        src={`cid:${checkIn.qrImageCid}`}
        width={180}
        height={180}
        alt={checkIn.code}
        style={{ margin: "8px auto" }}
      />
      <Text style={{ color: "#57534e", fontSize: 13 }}>{t("checkInHint")}</Text>
    </Section>
  );
}
