import { Section, Text } from "@react-email/components";

/**
 * Text the organizers wrote, set apart from the letter's own: each paragraph
 * (split at a blank line) stays a paragraph, each line break a line break.
 * React escapes it: markup in it reaches the reader as the characters typed.
 */
export function Paragraphs({ text }: { text: string }) {
  return (
    <Section style={{ borderLeft: "3px solid #0f766e", paddingLeft: 12 }}>
      {text.split(/\n{2,}/).map((paragraph, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their order
        <Text key={index} style={{ whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
    </Section>
  );
}
