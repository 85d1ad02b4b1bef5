// Registers a resource's set-up and tear-down as the calling suite's beforeAll/afterAll, so a test file states
// what it needs in one line instead of copying the hook pair. The value is readable once beforeAll has run.
// `per: "test"` opens a fresh one around every test instead (beforeEach/afterEach), for suites whose tests
// assert on the whole of a shared resource and so must not see each other's writes.
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";

export interface Lifecycle<T> {
  /** The open resource; throws when read outside the suite's beforeAll/afterAll window. */
  get(): T;
}

export interface LifecycleOptions {
  per?: "file" | "test";
}

export function useLifecycle<T>(
  name: string,
  open: () => Promise<T>,
  close: (value: T) => Promise<void>,
  { per = "file" }: LifecycleOptions = {},
): Lifecycle<T> {
  let current: T | undefined;
  (per === "test" ? beforeEach : beforeAll)(async () => {
    current = await open();
  });
  (per === "test" ? afterEach : afterAll)(async () => {
    const value = current;
    current = undefined;
    if (value !== undefined) await close(value);
  });
  return {
    get() {
      if (current === undefined) throw new Error(`${name} is read before its beforeAll ran or after its afterAll`);
      return current;
    },
  };
}

/**
 * The same, for a resource used as a plain object: the returned stand-in forwards every property read to the
 * open resource (methods bound to it), so callers write `sb.url` rather than `sb.get().url`.
 */
export function useResource<T extends object>(
  name: string,
  open: () => Promise<T>,
  close: (value: T) => Promise<void>,
): T {
  const life = useLifecycle(name, open, close);
  return new Proxy({} as T, {
    get(_, key) {
      const target = life.get();
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
    set(_, key, value) {
      return Reflect.set(life.get(), key, value);
    },
  });
}
