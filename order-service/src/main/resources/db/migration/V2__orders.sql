CREATE TABLE orders (
    id              uuid PRIMARY KEY,
    user_id         uuid        NOT NULL,
    idempotency_key varchar(64) NOT NULL,
    -- SHA-256 of the canonical request, to tell a replay from a reused key.
    request_hash    char(64)    NOT NULL,
    status          varchar(20) NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'PAID', 'PAYMENT_FAILED')),
    total_cents     bigint      NOT NULL CHECK (total_cents > 0),
    currency        char(3)     NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT orders_user_idempotency_key UNIQUE (user_id, idempotency_key)
);

-- Keyset pagination of a user's orders, newest first.
CREATE INDEX orders_user_created ON orders (user_id, created_at DESC, id DESC);

CREATE TABLE order_lines (
    order_id         uuid         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          int          NOT NULL,
    product_id       bigint       NOT NULL,
    sku              varchar(32)  NOT NULL,
    name             varchar(128) NOT NULL,
    quantity         int          NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    unit_price_cents bigint       NOT NULL CHECK (unit_price_cents > 0),
    PRIMARY KEY (order_id, line_no)
);
