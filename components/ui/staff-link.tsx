import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * A link of the staff area, followed without a page reload but never
 * prefetched: Next asks the server for every link on screen, and staff pages
 * are drawn per request, so one page of the staff area cost the server forty
 * renders nobody read (docs/decisions/045-staff-links-not-prefetched.md).
 */
export function StaffLink(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
