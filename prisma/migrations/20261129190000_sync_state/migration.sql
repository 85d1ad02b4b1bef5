-- CreateTable
CREATE TABLE "sync_state" (
    "customer_number" TEXT NOT NULL,
    "country_code" TEXT NOT NULL,
    "leader_id" TEXT,
    "leader_since" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "pass_started_at" TIMESTAMPTZ(3),
    "pass_from" TEXT,
    "pass_to" TEXT,
    "next_page" INTEGER NOT NULL DEFAULT 1,
    "search_done" BOOLEAN NOT NULL DEFAULT false,
    "estimated_total" INTEGER,
    "last_full_pass_at" TIMESTAMPTZ(3),
    "last_recent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "last_error_at" TIMESTAMPTZ(3),
    "calls_minute" TIMESTAMPTZ(3),
    "search_calls" INTEGER NOT NULL DEFAULT 0,
    "detail_calls" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_state_pkey" PRIMARY KEY ("customer_number","country_code")
);
