-- A list page is kept per index generation (lib/order-index/index-search.ts), so the generation must also rise
-- when a row changes what the list shows without changing what a filter matches: its vendor sales order number,
-- whether it has a detail, and its search summary (shown while it has none). Such a write logs nothing
-- (order_index_changes holds the filterable columns for the counts, which it cannot change) and, like a logged
-- one, raises the generation once per transaction. A row seen again (only its fetched and seen times written)
-- still raises nothing.

CREATE FUNCTION "order_index_raise_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  g BIGINT;
BEGIN
  -- The transaction's generation, as order_index_log_change keeps it (either trigger may run first).
  IF nullif(current_setting('orderdesk.index_generation', true), '') IS NULL THEN
    UPDATE "order_index_generation" SET "generation" = "generation" + 1 WHERE "id" = 1 RETURNING "generation" INTO g;
    PERFORM set_config('orderdesk.index_generation', g::text, true);
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "order_index_shown_on_update"
  AFTER UPDATE ON "order_index"
  FOR EACH ROW
  WHEN ((OLD."vendor_sales_order_number", OLD."detail" IS NULL, CASE WHEN OLD."detail" IS NULL THEN OLD."summary" END)
    IS DISTINCT FROM (NEW."vendor_sales_order_number", NEW."detail" IS NULL,
      CASE WHEN NEW."detail" IS NULL THEN NEW."summary" END))
  EXECUTE FUNCTION "order_index_raise_generation"();
