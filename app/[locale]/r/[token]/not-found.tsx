import { ManageLinkNotFound } from "@/components/registrations/manage-link-not-found";

// A management link cut short or mistyped: the same advice as for a link
// that opens nothing, with a 404.
export default ManageLinkNotFound;
