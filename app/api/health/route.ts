import { publicRoute } from "@/lib/entry-points/route";
import { checkDatabase } from "@/lib/health/data";

export const dynamic = "force-dynamic";

export const GET = publicRoute({
  name: "api.health",
  run: async () => {
    const db = await checkDatabase();
    return Response.json(
      { status: db ? "ok" : "error", db: db ? "ok" : "error" },
      { status: db ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  },
});
