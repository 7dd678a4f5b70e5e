// POST /api/v1/score – score one customer or a batch with the active run (lib/api/v1/scoreRoute.ts, which the score server serves too); an API token whose scope has viewDashboards (any role). Other methods: 405, to anyone.
import { scoreOnlyPost, scoreRoute } from "@/lib/api/v1/scoreRoute";

export const POST = scoreRoute;
export { scoreOnlyPost as GET, scoreOnlyPost as PUT, scoreOnlyPost as PATCH, scoreOnlyPost as DELETE };
