import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

// Next's rules (core web vitals, React, react-hooks, import, jsx-a11y) and typescript-eslint's recommended
// set; eslint-config-prettier last so layout is Prettier's alone.
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests are not React: vitest's set-up helpers (useTestDatabase, useSandbox) register suite hooks.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  prettier,
  globalIgnores([
    ".next/**",
    ".data/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "prisma/generated/**",
    "tests/artifacts/**",
    // The bench's floor app builds into its own .next (tests/bench/floor.ts).
    "tests/bench/floor/.next/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);
