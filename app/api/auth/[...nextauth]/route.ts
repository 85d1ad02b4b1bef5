import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { type AuthRouteHandler, cappedAuthPost } from "@/lib/auth/auth-post";

const handler: AuthRouteHandler = NextAuth(authOptions);

export { handler as GET };
export const POST = cappedAuthPost(handler);
