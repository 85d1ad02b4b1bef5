-- The Ingram budget shared by every instance (see model IngramBudgetGrant in schema.prisma).

-- CreateTable
CREATE TABLE "ingram_budget_grants" (
    "id" BIGSERIAL NOT NULL,
    "endpoint" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "priority" TEXT NOT NULL,
    "user_id" TEXT,

    CONSTRAINT "ingram_budget_grants_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ingram_budget_grants_endpoint_at_idx" ON "ingram_budget_grants"("endpoint", "at");
