-- Issue 9: one outbox entry that always fails is retried with back-off and then parked, without
-- holding back its neighbours; sent entries and dedupe records are deleted after a retention.
ALTER TABLE outbox
    ADD COLUMN attempts        int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    ADD COLUMN last_error      varchar(1000),
    ADD COLUMN next_attempt_at timestamptz,
    -- Set after platform.kafka.outbox.max-attempts failures: never retried automatically. An
    -- operator re-queues with: UPDATE outbox SET parked_at = NULL, attempts = 0, next_attempt_at = NULL WHERE id = ...
    ADD COLUMN parked_at       timestamptz;

-- The relay's lease and the backlog figures: entries neither sent nor parked, by id.
DROP INDEX outbox_unsent;
CREATE INDEX outbox_due ON outbox (id) WHERE sent_at IS NULL AND parked_at IS NULL;

-- The parked entries, for the metric and the operator.
CREATE INDEX outbox_parked ON outbox (id) WHERE parked_at IS NOT NULL;

-- The cleanup of sent entries, oldest first.
CREATE INDEX outbox_sent_at ON outbox (sent_at) WHERE sent_at IS NOT NULL;

-- The retention of the dedupe records, oldest first.
CREATE INDEX processed_events_processed_at ON processed_events (processed_at);
