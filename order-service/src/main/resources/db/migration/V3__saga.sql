-- Transactional outbox: written in the transaction of the change it reports, published to Kafka
-- by the relay (leases with FOR UPDATE SKIP LOCKED), then marked sent.
CREATE TABLE outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    topic       varchar(128) NOT NULL,
    message_key varchar(128) NOT NULL,
    event_type  varchar(128) NOT NULL,
    payload     bytea        NOT NULL,
    occurred_at timestamptz  NOT NULL,
    traceparent varchar(64),
    sent_at     timestamptz
);

-- The relay reads only what is still to send.
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Inbox: the payment events already applied, so that a redelivery has no second effect.
CREATE TABLE processed_events (
    event_id     uuid        PRIMARY KEY,
    order_id     uuid        NOT NULL,
    event_type   varchar(128) NOT NULL,
    processed_at timestamptz NOT NULL
);
