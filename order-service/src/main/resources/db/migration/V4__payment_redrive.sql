-- Re-drive of orders whose payment outcome never came (ADR 7): how often payment was requested
-- (the placement is the first request) and when to ask again if the order is still pending then.
ALTER TABLE orders
    ADD COLUMN payment_requests        int NOT NULL DEFAULT 1 CHECK (payment_requests >= 1),
    ADD COLUMN next_payment_request_at timestamptz;

UPDATE orders SET next_payment_request_at = created_at + interval '30 seconds' WHERE status = 'PENDING_PAYMENT';

-- The reconciler's query: pending orders by due time. A decided order leaves the index.
CREATE INDEX orders_payment_request_due ON orders (next_payment_request_at) WHERE status = 'PENDING_PAYMENT';

-- The outbox entries of one order: is its last request still unsent, or sent only just now?
CREATE INDEX outbox_message_key ON outbox (message_key);
