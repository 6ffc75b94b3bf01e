import NextAuth from "next-auth";
import { sessionConfig } from "@/lib/staff/session-config";

// A staff session ends after two hours without a request. Pages cannot set
// cookies, so the session's cookie is renewed here, on each request to the
// staff area, as Auth.js's middleware does; who may see what is still decided
// by requireStaff() in each page, action and route.

const { auth } = NextAuth(sessionConfig);

export default auth;

export const config = { matcher: ["/admin/:path*", "/api/admin/:path*"] };
