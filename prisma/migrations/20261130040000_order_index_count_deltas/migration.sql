-- A list's count and total after a write, from the rows that changed instead of every match (see
-- lib/order-index/match-counts.ts).
--
-- Each transaction that writes a row of order_index in a way that can change what a list filter matches raises
-- the generation by one and logs each such row as it was before (its filterable columns, under the same names
-- as order_index, so that a list's WHERE reads both tables alike). A count cached at generation G is brought up to date by counting, among
-- the rows logged after G, the current versions that match minus the earlier versions that matched. The
-- generation row is locked by the first write of a transaction until it ends, so generations follow commit
-- order: a count read with generation G has seen every change logged at or below G and none above it.
-- Writes that change no filterable column (seen again, a fetched JSON body) neither log nor raise anything.

CREATE TABLE "order_index_changes" (
    "generation" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "customer_number" TEXT NOT NULL,
    "country_code" TEXT NOT NULL,
    "order_number" TEXT NOT NULL,
    -- false: the row did not exist before this change (its filterable columns below are null).
    "existed" BOOLEAN NOT NULL,
    "parent_order_number" TEXT,
    "status" TEXT,
    "ingram_status" TEXT,
    "order_date" DATE,
    "ship_date" DATE,
    "invoice_date" DATE,
    "delivery_date" DATE,
    "customer_order_number" TEXT,
    "end_customer_order_number" TEXT,
    "end_customer_name" TEXT,
    "vendor_names" TEXT[],
    "vendor_part_numbers" TEXT[],
    "ingram_part_numbers" TEXT[],
    "serial_numbers" TEXT[],
    "tracking_numbers" TEXT[],
    "total" DECIMAL(14,2),
    "currency" TEXT,
    "line_count" INTEGER,
    "search_text" TEXT,

    CONSTRAINT "order_index_changes_pkey" PRIMARY KEY ("generation", "customer_number", "country_code", "order_number")
);
CREATE INDEX "order_index_changes_at_idx" ON "order_index_changes" ("at");

-- Changes at or below this generation were pruned (or truncated away): a count cached before it is taken again.
ALTER TABLE "order_index_generation" ADD COLUMN "pruned_through" BIGINT NOT NULL DEFAULT 0;
UPDATE "order_index_generation" SET "generation" = "generation" + 1, "pruned_through" = "generation" + 1;

DROP TRIGGER "order_index_generation_on_write" ON "order_index";
DROP FUNCTION "order_index_next_generation"();

CREATE FUNCTION "order_index_log_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g BIGINT;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.customer_number, OLD.country_code, OLD.order_number, OLD.parent_order_number,
      OLD.status, OLD.ingram_status, OLD.order_date, OLD.ship_date, OLD.invoice_date, OLD.delivery_date,
      OLD.customer_order_number, OLD.end_customer_order_number, OLD.end_customer_name, OLD.vendor_names,
      OLD.vendor_part_numbers, OLD.ingram_part_numbers, OLD.serial_numbers, OLD.tracking_numbers, OLD.total,
      OLD.currency, OLD.line_count, OLD.search_text)
    IS NOT DISTINCT FROM (NEW.customer_number, NEW.country_code, NEW.order_number, NEW.parent_order_number,
      NEW.status, NEW.ingram_status, NEW.order_date, NEW.ship_date, NEW.invoice_date, NEW.delivery_date,
      NEW.customer_order_number, NEW.end_customer_order_number, NEW.end_customer_name, NEW.vendor_names,
      NEW.vendor_part_numbers, NEW.ingram_part_numbers, NEW.serial_numbers, NEW.tracking_numbers, NEW.total,
      NEW.currency, NEW.line_count, NEW.search_text) THEN
    RETURN NULL;
  END IF;
  -- One generation per writing transaction: raised by its first logged change, which locks the row until the
  -- transaction ends; its later changes reuse it (a transaction-local setting).
  g := nullif(current_setting('orderdesk.index_generation', true), '')::bigint;
  IF g IS NULL THEN
    UPDATE "order_index_generation" SET "generation" = "generation" + 1 WHERE "id" = 1 RETURNING "generation" INTO g;
    PERFORM set_config('orderdesk.index_generation', g::text, true);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "order_index_changes" ("generation", "customer_number", "country_code", "order_number", "existed",
      "parent_order_number", "status", "ingram_status", "order_date", "ship_date", "invoice_date", "delivery_date",
      "customer_order_number", "end_customer_order_number", "end_customer_name", "vendor_names",
      "vendor_part_numbers", "ingram_part_numbers", "serial_numbers", "tracking_numbers", "total", "currency",
      "line_count", "search_text")
    VALUES (g, OLD.customer_number, OLD.country_code, OLD.order_number, true, OLD.parent_order_number, OLD.status,
      OLD.ingram_status, OLD.order_date, OLD.ship_date, OLD.invoice_date, OLD.delivery_date,
      OLD.customer_order_number, OLD.end_customer_order_number, OLD.end_customer_name, OLD.vendor_names,
      OLD.vendor_part_numbers, OLD.ingram_part_numbers, OLD.serial_numbers, OLD.tracking_numbers, OLD.total,
      OLD.currency, OLD.line_count, OLD.search_text)
    -- Changed before in this transaction: the first entry holds the row as it was before the transaction.
    ON CONFLICT DO NOTHING;
  END IF;
  -- A new row, or a row moved to another key: that key did not exist before.
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.customer_number, OLD.country_code, OLD.order_number)
      IS DISTINCT FROM (NEW.customer_number, NEW.country_code, NEW.order_number)) THEN
    INSERT INTO "order_index_changes" ("generation", "customer_number", "country_code", "order_number", "existed")
    VALUES (g, NEW.customer_number, NEW.country_code, NEW.order_number, false)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_index_changes_on_write"
  AFTER INSERT OR UPDATE OR DELETE ON "order_index"
  FOR EACH ROW EXECUTE FUNCTION "order_index_log_change"();

-- The log only has to reach back as far as the counts cached in running processes: ten minutes, pruned by
-- the statements that write it (an index probe when there is nothing to prune).
CREATE FUNCTION "order_index_prune_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  newest BIGINT;
BEGIN
  WITH gone AS (DELETE FROM "order_index_changes" WHERE "at" < now() - interval '10 minutes' RETURNING "generation")
  SELECT max("generation") INTO newest FROM gone;
  IF newest IS NOT NULL THEN
    UPDATE "order_index_generation" SET "pruned_through" = greatest("pruned_through", newest) WHERE "id" = 1;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_index_changes_pruned"
  AFTER INSERT OR UPDATE OR DELETE ON "order_index"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_index_prune_changes"();

CREATE FUNCTION "order_index_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "order_index_changes";
  UPDATE "order_index_generation" SET "generation" = "generation" + 1, "pruned_through" = "generation" + 1
  WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_index_generation_on_truncate"
  AFTER TRUNCATE ON "order_index"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_index_truncated"();
