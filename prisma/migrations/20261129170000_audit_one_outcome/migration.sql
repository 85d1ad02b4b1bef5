-- One outcome per intent, and the instance that owns each intent.
-- outcome_of is set on the one outcome event of an intent (unique); a later outcome for the same intent is
-- written as a correction: outcome_of NULL, corrects = the id of the outcome it corrects.
-- Existing rows keep NULLs here, so a database that already holds two outcomes for one intent still migrates;
-- `npm run audit:verify` names such intents.

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN "instance_id" UUID,
ADD COLUMN "outcome_of" UUID,
ADD COLUMN "corrects" UUID;

-- CreateTable
CREATE TABLE "audit_instances" (
    "id" UUID NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_instances_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_events_outcome_of_key" ON "audit_events"("outcome_of");

-- CreateIndex
CREATE INDEX "audit_events_corrects_idx" ON "audit_events"("corrects");
