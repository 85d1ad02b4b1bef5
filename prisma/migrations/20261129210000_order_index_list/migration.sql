-- The list's reads at any size (see lib/order-index/index-search.ts).
--
-- 1. One index per sort of /orders and each direction, on exactly the ORDER BY of the list (the key, then
--    order_number as the tie-breaker, nulls last both ways), over top-level orders only: a page is read by
--    walking the first rows of an index instead of sorting every match. The three single-column indexes
--    they replace served no other query.
DROP INDEX "order_index_customer_number_country_code_total_idx";
DROP INDEX "order_index_customer_number_country_code_customer_order_number_idx";
DROP INDEX "order_index_customer_number_country_code_end_customer_name_idx";

CREATE INDEX "order_index_list_order_date_asc" ON "order_index"
  ("customer_number", "country_code", "order_date" ASC NULLS LAST, "order_number" ASC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_order_date_desc" ON "order_index"
  ("customer_number", "country_code", "order_date" DESC NULLS LAST, "order_number" DESC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_total_asc" ON "order_index"
  ("customer_number", "country_code", "total" ASC NULLS LAST, "order_number" ASC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_total_desc" ON "order_index"
  ("customer_number", "country_code", "total" DESC NULLS LAST, "order_number" DESC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_customer_order_number_asc" ON "order_index"
  ("customer_number", "country_code", lower("customer_order_number") ASC NULLS LAST, "order_number" ASC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_customer_order_number_desc" ON "order_index"
  ("customer_number", "country_code", lower("customer_order_number") DESC NULLS LAST, "order_number" DESC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_end_customer_name_asc" ON "order_index"
  ("customer_number", "country_code", lower("end_customer_name") ASC NULLS LAST, "order_number" ASC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_end_customer_name_desc" ON "order_index"
  ("customer_number", "country_code", lower("end_customer_name") DESC NULLS LAST, "order_number" DESC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_vendor_name_asc" ON "order_index"
  ("customer_number", "country_code", lower("vendor_names"[1]) ASC NULLS LAST, "order_number" ASC) WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_vendor_name_desc" ON "order_index"
  ("customer_number", "country_code", lower("vendor_names"[1]) DESC NULLS LAST, "order_number" DESC) WHERE "parent_order_number" IS NULL;
-- status and order_number are never null: one index serves both directions.
CREATE INDEX "order_index_list_status" ON "order_index"
  ("customer_number", "country_code", "status", "order_number") WHERE "parent_order_number" IS NULL;
CREATE INDEX "order_index_list_order_number" ON "order_index"
  ("customer_number", "country_code", "order_number") WHERE "parent_order_number" IS NULL;

-- 2. The index's generation: one counter, raised in the same transaction as every statement that writes
--    order_index. A list's count and total over all matches are cached with the generation they were read at
--    and reused only while it is unchanged, i.e. while no write has committed since: paging and re-sorting do
--    not count every match again, and a count is never stale.
CREATE TABLE "order_index_generation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,
    -- Random per database, so that a process reading two databases (a bench, a test) never mixes their counts.
    "token" TEXT NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),

    CONSTRAINT "order_index_generation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_index_generation_one_row" CHECK ("id" = 1)
);
INSERT INTO "order_index_generation" ("id") VALUES (1);

CREATE FUNCTION "order_index_next_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "order_index_generation" SET "generation" = "generation" + 1 WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_index_generation_on_write"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "order_index"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_index_next_generation"();

-- 3. The unfiltered list's count and total, kept per account by a row trigger in the writing transaction, so
--    that /orders with no filter reads one row whatever the index's size, even right after a write. "valued"
--    counts the orders with a total, so that a sum over none reads as null, as sum() does.
CREATE TABLE "order_index_totals" (
    "customer_number" TEXT NOT NULL,
    "country_code" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "valued" INTEGER NOT NULL DEFAULT 0,
    "value" DECIMAL(18,2) NOT NULL DEFAULT 0,

    CONSTRAINT "order_index_totals_pkey" PRIMARY KEY ("customer_number","country_code")
);

CREATE FUNCTION "order_index_count_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.customer_number = NEW.customer_number AND OLD.country_code = NEW.country_code
     AND OLD.parent_order_number IS NOT DISTINCT FROM NEW.parent_order_number
     AND OLD.total IS NOT DISTINCT FROM NEW.total THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.parent_order_number IS NULL THEN
    UPDATE "order_index_totals" SET "orders" = "orders" - 1, "valued" = "valued" - (OLD.total IS NOT NULL)::int,
      "value" = "value" - COALESCE(OLD.total, 0)
    WHERE "customer_number" = OLD.customer_number AND "country_code" = OLD.country_code;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.parent_order_number IS NULL THEN
    INSERT INTO "order_index_totals" AS t ("customer_number", "country_code", "orders", "valued", "value")
    VALUES (NEW.customer_number, NEW.country_code, 1, (NEW.total IS NOT NULL)::int, COALESCE(NEW.total, 0))
    ON CONFLICT ("customer_number", "country_code") DO UPDATE SET "orders" = t."orders" + 1,
      "valued" = t."valued" + EXCLUDED."valued", "value" = t."value" + EXCLUDED."value";
  END IF;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "order_index_clear_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "order_index_totals";
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_index_totals_on_write"
  AFTER INSERT OR UPDATE OR DELETE ON "order_index"
  FOR EACH ROW EXECUTE FUNCTION "order_index_count_totals"();
CREATE TRIGGER "order_index_totals_on_truncate"
  AFTER TRUNCATE ON "order_index"
  FOR EACH STATEMENT EXECUTE FUNCTION "order_index_clear_totals"();

-- Orders indexed before this migration.
INSERT INTO "order_index_totals" ("customer_number", "country_code", "orders", "valued", "value")
SELECT "customer_number", "country_code", count(*), count("total"), COALESCE(sum("total"), 0)
FROM "order_index" WHERE "parent_order_number" IS NULL GROUP BY "customer_number", "country_code";
