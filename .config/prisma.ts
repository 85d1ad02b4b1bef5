import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate; migrate deploy on machines that have the schema engine).
// The URL is read by Prisma's own env() helper at CLI time; the app never reads it from here.
export default defineConfig({
  schema: "../prisma/schema.prisma",
  migrations: { path: "../prisma/migrations" },
});
