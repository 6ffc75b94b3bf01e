import { checkDatabase } from "@/lib/health/data";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await checkDatabase();
  return Response.json(
    { status: db ? "ok" : "error", db: db ? "ok" : "error" },
    { status: db ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
