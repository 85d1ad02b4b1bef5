-- The Ingram budget's decision in one statement (lib/ingram-budget/pg-budget.ts): a grant was a transaction of
-- five round trips (BEGIN, the endpoint's advisory lock, the prune, the count, the insert, COMMIT) that every
-- live Ingram call waited for. The function takes the same steps. Each statement in it reads a snapshot taken
-- after the lock, so the count sees every grant committed before it (READ COMMITTED); the lock is held until the
-- calling statement's transaction ends, which includes the grant it records.
--
-- p_grant false: the same answer read without the lock, the prune or a grant (a look ahead, which a grant racing
-- it may still beat). Returns the milliseconds until the request fits its caps: 0 means now (and, with p_grant,
-- that the grant is recorded).
CREATE FUNCTION "ingram_budget_take"(
  p_endpoint TEXT,
  p_now TIMESTAMPTZ,
  p_window_ms INTEGER,
  p_priority TEXT,
  p_user_id TEXT,
  p_cap_total INTEGER,
  p_cap_mine INTEGER,
  p_grant BOOLEAN
) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
  since TIMESTAMPTZ := p_now - make_interval(secs => p_window_ms / 1000.0);
  total INTEGER;
  mine INTEGER;
  free_at TIMESTAMPTZ;
  oldest TIMESTAMPTZ;
BEGIN
  IF p_grant THEN
    PERFORM pg_advisory_xact_lock(hashtextextended('ingram-budget ' || p_endpoint, 0));
    DELETE FROM "ingram_budget_grants" WHERE "endpoint" = p_endpoint AND "at" <= since;
  END IF;
  SELECT count(*)::int, (count(*) FILTER (WHERE "priority" = 'interactive' AND "user_id" = p_user_id))::int
    INTO total, mine
    FROM "ingram_budget_grants" WHERE "endpoint" = p_endpoint AND "at" > since;
  IF total < p_cap_total AND (p_cap_mine IS NULL OR mine < p_cap_mine) THEN
    IF p_grant THEN
      INSERT INTO "ingram_budget_grants" ("endpoint", "at", "priority", "user_id")
      VALUES (p_endpoint, p_now, p_priority, p_user_id);
    END IF;
    RETURN 0;
  END IF;
  -- Full: the call fits when the grant that holds its place leaves the window.
  IF total >= p_cap_total THEN
    SELECT "at" INTO oldest FROM "ingram_budget_grants" WHERE "endpoint" = p_endpoint AND "at" > since
      ORDER BY "at", "id" OFFSET total - p_cap_total LIMIT 1;
    free_at := greatest(free_at, coalesce(oldest, p_now));
  END IF;
  IF p_cap_mine IS NOT NULL AND mine >= p_cap_mine THEN
    SELECT "at" INTO oldest FROM "ingram_budget_grants"
      WHERE "endpoint" = p_endpoint AND "at" > since AND "priority" = 'interactive' AND "user_id" = p_user_id
      ORDER BY "at", "id" OFFSET mine - p_cap_mine LIMIT 1;
    free_at := greatest(free_at, coalesce(oldest, p_now));
  END IF;
  RETURN greatest(1, ceil(extract(epoch FROM (free_at - p_now)) * 1000 + p_window_ms))::int;
END;
$$;
