import { localize } from "@/lib/events/schema";
import type { HandoutListing } from "@/lib/handouts/data";
import { fileSizeText, handoutPath } from "@/lib/handouts/schema";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Handouts as download links: the title in the reader's language, the file's
 * type and size beside it. A participant's page passes their token, which
 * the links to participants' handouts carry.
 */
export function HandoutLinks({
  handouts,
  locale,
  token,
}: {
  handouts: HandoutListing[];
  locale: Locale;
  token?: string;
}) {
  if (handouts.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm" data-testid="handouts">
      {handouts.map((handout) => {
        const extension = handout.fileName.slice(handout.fileName.lastIndexOf(".") + 1).toUpperCase();
        return (
          <li key={handout.id}>
            {/* A file, not a page: a plain link, so the browser downloads it. */}
            <a
              href={handoutPath({
                id: handout.id,
                token: handout.visibility === "PUBLIC" ? undefined : token,
              })}
              className="text-brand-700 underline"
              download
            >
              {localize(handout.title, locale)}
            </a>{" "}
            <span className="text-stone-600">
              ({extension}, {fileSizeText(handout.size, locale)})
            </span>
          </li>
        );
      })}
    </ul>
  );
}
