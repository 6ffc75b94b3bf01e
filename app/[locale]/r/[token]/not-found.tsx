import { NotFoundMessage } from "@/components/site/not-found-message";

/** A management link cut short or mistyped: the advice for a link that opens nothing, with a 404. */
export default function ManageLinkMalformed() {
  return <NotFoundMessage namespace="manage" />;
}
