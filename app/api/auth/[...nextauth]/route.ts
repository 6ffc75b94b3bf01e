import { handlers } from "@/lib/auth";
import { recordEntryPoint } from "@/lib/entry-points/registry";

// Auth.js's own endpoints (sign-in, sign-out, session, CSRF): public by
// nature, and answered by Auth.js as it is, not through the route layer.
export const GET = recordEntryPoint(handlers.GET, { name: "api.auth.get", access: "public" });
export const POST = recordEntryPoint(handlers.POST, { name: "api.auth.post", access: "public" });
