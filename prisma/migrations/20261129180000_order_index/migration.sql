-- The order index (see model IndexedOrder in schema.prisma), with trigram search on search_text.
-- pg_trgm ships with PostgreSQL's contrib and with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateTable
CREATE TABLE "order_index" (
    "customer_number" TEXT NOT NULL,
    "country_code" TEXT NOT NULL,
    "order_number" TEXT NOT NULL,
    "parent_order_number" TEXT,
    "status" TEXT NOT NULL,
    "ingram_status" TEXT,
    "order_date" DATE,
    "ship_date" DATE,
    "invoice_date" DATE,
    "delivery_date" DATE,
    "customer_order_number" TEXT,
    "end_customer_order_number" TEXT,
    "end_customer_name" TEXT,
    "vendor_names" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "vendor_part_numbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "ingram_part_numbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "serial_numbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tracking_numbers" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "total" DECIMAL(14,2),
    "currency" TEXT,
    "line_count" INTEGER,
    "search_text" TEXT NOT NULL DEFAULT '',
    "summary" JSONB,
    "detail" JSONB,
    "summary_fetched_at" TIMESTAMPTZ(3),
    "detail_fetched_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_via" TEXT NOT NULL,

    CONSTRAINT "order_index_pkey" PRIMARY KEY ("customer_number","country_code","order_number")
);

-- CreateIndex
CREATE INDEX "order_index_customer_number_country_code_order_date_idx" ON "order_index"("customer_number", "country_code", "order_date");
CREATE INDEX "order_index_customer_number_country_code_ship_date_idx" ON "order_index"("customer_number", "country_code", "ship_date");
CREATE INDEX "order_index_customer_number_country_code_status_idx" ON "order_index"("customer_number", "country_code", "status");
CREATE INDEX "order_index_customer_number_country_code_total_idx" ON "order_index"("customer_number", "country_code", "total");
CREATE INDEX "order_index_customer_number_country_code_customer_order_number_idx" ON "order_index"("customer_number", "country_code", "customer_order_number");
CREATE INDEX "order_index_customer_number_country_code_end_customer_name_idx" ON "order_index"("customer_number", "country_code", "end_customer_name");
CREATE INDEX "order_index_customer_number_country_code_last_seen_at_idx" ON "order_index"("customer_number", "country_code", "last_seen_at");
CREATE INDEX "order_index_parent_order_number_idx" ON "order_index"("parent_order_number");

-- Free text over order number, POs, end customer, vendors, parts, serials and tracking numbers.
CREATE INDEX "order_index_search_text_trgm_idx" ON "order_index" USING GIN ("search_text" gin_trgm_ops);
