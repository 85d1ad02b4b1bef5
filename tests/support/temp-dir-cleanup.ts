// Setup file: after each test file's last test (and its own afterAll hooks, which may still use them), the
// temporary directories it made are removed.
import { afterAll } from "vitest";
import { removeTempDirs } from "@/tests/support/temp-dir";

afterAll(removeTempDirs);
