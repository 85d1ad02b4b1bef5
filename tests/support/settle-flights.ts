// Setup file: an order read answers before its index write has landed (lib/orders/shared-flight.ts); after each
// test that write has settled, so that no test sees the index writes of the one before it.
import { afterEach } from "vitest";
import { flightsSettled } from "@/lib/orders/shared-flight";

afterEach(flightsSettled);
