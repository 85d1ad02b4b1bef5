-- CreateTable
CREATE TABLE "ship_to_addresses" (
    "id" UUID NOT NULL,
    "customer_number" TEXT NOT NULL,
    "country_code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "label_key" TEXT NOT NULL,
    "address" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_by_email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ship_to_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ship_to_addresses_customer_number_country_code_label_key_key" ON "ship_to_addresses"("customer_number", "country_code", "label_key");
