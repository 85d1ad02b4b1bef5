import { TRUST_PROXY, authOptions } from "@/lib/auth";
import { createAuthRouteHandler } from "@/lib/auth/handler";

const handler = createAuthRouteHandler(authOptions, { trustProxy: TRUST_PROXY });

export { handler as GET, handler as POST };
