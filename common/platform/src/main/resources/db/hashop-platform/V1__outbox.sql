-- The transactional outbox of every service that sets platform.kafka.outbox.enabled: written in the
-- transaction of the change it reports (OutboxWriter), published to Kafka by the relay (leases with
-- FOR UPDATE SKIP LOCKED), then marked sent (ADR 5, ADR 8). Owned by the platform with the relay that
-- reads it; applied after the service's own migrations, recorded in hashop_platform_schema_history.
--
-- Idempotent: order-service (V3, V5) and payment-service (V2, V4) created this table in this exact
-- shape in their own migrations before the platform owned it. Those applied scripts stay as they are
-- (Flyway validates their checksums), so on their databases this script finds everything in place and
-- changes nothing (ADR 11). Later changes to the outbox are new versions here, never in a service.
CREATE TABLE IF NOT EXISTS outbox (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id        uuid          NOT NULL UNIQUE,
    topic           varchar(128)  NOT NULL,
    message_key     varchar(128)  NOT NULL,
    event_type      varchar(128)  NOT NULL,
    payload         bytea         NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    traceparent     varchar(64),
    sent_at         timestamptz,
    attempts        int           NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      varchar(1000),
    next_attempt_at timestamptz,
    -- Set after platform.kafka.outbox.max-attempts failures: never retried automatically. An
    -- operator re-queues with: UPDATE outbox SET parked_at = NULL, attempts = 0, next_attempt_at = NULL WHERE id = ...
    parked_at       timestamptz
);

-- The relay's lease and the backlog figures: entries neither sent nor parked, by id.
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (id) WHERE sent_at IS NULL AND parked_at IS NULL;

-- The parked entries, for the metric and the operator.
CREATE INDEX IF NOT EXISTS outbox_parked ON outbox (id) WHERE parked_at IS NOT NULL;

-- The cleanup of sent entries, oldest first.
CREATE INDEX IF NOT EXISTS outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;
