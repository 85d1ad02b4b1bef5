import { json, route } from "@/lib/http";
import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

export const GET = route({ permission: null }, async () => {
  const health = await checkHealth();
  return json(health, { status: health.database === "up" ? 200 : 503 });
});
