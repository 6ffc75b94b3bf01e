import { notFound } from "next/navigation";
import { ALL_STAFF, requireStaff } from "@/lib/staff/require-staff";

// Any unknown address in the staff area: its own "not found", inside the
// staff area's frame and language, never the framework's English page.
export default async function StaffCatchAll() {
  await requireStaff(ALL_STAFF);
  notFound();
}
