import { publicRoute } from "@/lib/entry-points/route";
import { handoutAddressSchema } from "@/lib/handouts/schema";
import { handoutResponse } from "@/lib/handouts/serve";

export const dynamic = "force-dynamic";

/**
 * A handout's file. Public ones for anyone; participants' ones with
 * `?token=` of a confirmed participant (the link on their page carries it);
 * staff ones for signed-in staff. Anything else, malformed ids included: 404.
 */
export const GET = publicRoute({
  name: "handouts.get",
  params: handoutAddressSchema,
  run: async ({ request, params, query }) =>
    handoutResponse({
      id: params.id,
      token: typeof query.token === "string" ? query.token : undefined,
      request,
    }),
});
