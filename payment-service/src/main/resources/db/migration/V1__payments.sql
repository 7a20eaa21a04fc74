CREATE TABLE payments (
    id                 uuid PRIMARY KEY,
    -- One payment per order, whatever is retried, redelivered or restarted.
    order_id           uuid         NOT NULL UNIQUE,
    user_id            uuid         NOT NULL,
    amount_cents       bigint       NOT NULL CHECK (amount_cents > 0),
    currency           char(3)      NOT NULL,
    status             varchar(16)  NOT NULL CHECK (status IN ('AUTHORIZED', 'DECLINED')),
    provider_reference varchar(64)  NOT NULL,
    decline_reason     varchar(128),
    created_at         timestamptz  NOT NULL
);

CREATE INDEX payments_user_created ON payments (user_id, created_at DESC, id DESC);
