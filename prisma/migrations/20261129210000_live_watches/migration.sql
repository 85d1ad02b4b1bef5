-- CreateTable
CREATE TABLE "order_watches" (
    "user_id" UUID NOT NULL,
    "customer_number" TEXT NOT NULL,
    "country_code" TEXT NOT NULL,
    "order_number" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "order_watches_pkey" PRIMARY KEY ("user_id","customer_number","country_code","order_number")
);

-- CreateTable
CREATE TABLE "notifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "customer_number" TEXT NOT NULL,
    "country_code" TEXT NOT NULL,
    "order_number" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT NOT NULL,
    "change_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "email_state" TEXT,
    "email_attempts" INTEGER NOT NULL DEFAULT 0,
    "email_next_at" TIMESTAMPTZ(3),
    "email_sent_at" TIMESTAMPTZ(3),
    "email_error" TEXT,

    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "order_watches_customer_number_country_code_order_number_idx" ON "order_watches"("customer_number", "country_code", "order_number");

-- CreateIndex
CREATE UNIQUE INDEX "notifications_user_id_change_key_key" ON "notifications"("user_id", "change_key");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_email_state_email_next_at_idx" ON "notifications"("email_state", "email_next_at");
