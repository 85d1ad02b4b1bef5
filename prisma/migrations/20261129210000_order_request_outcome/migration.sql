-- AlterTable
ALTER TABLE "order_requests" ADD COLUMN "intent_id" UUID;

-- CreateIndex
CREATE INDEX "order_requests_status_created_at_idx" ON "order_requests"("status", "created_at");
