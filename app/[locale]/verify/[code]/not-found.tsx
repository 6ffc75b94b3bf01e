import { NotFoundMessage } from "@/components/site/not-found-message";

/** An unknown or withdrawn code: said plainly, with a 404 status. */
export default function CertificateNotFound() {
  return <NotFoundMessage namespace="verify" />;
}
