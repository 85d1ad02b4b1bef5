-- The list shows each order's vendor sales order number, which it read out of the detail JSON (about 2 KB
-- compressed an order, so each row of a page was decompressed and parsed): a third of the list statement's
-- time in PostgreSQL. A stored generated column keeps it beside the row, computed on every write of either
-- JSON column, so that no writer can forget it.
ALTER TABLE "order_index" ADD COLUMN "vendor_sales_order_number" TEXT
  GENERATED ALWAYS AS (COALESCE("detail"->>'vendorSalesOrderNumber', "summary"->>'vendorSalesOrderNumber')) STORED;
