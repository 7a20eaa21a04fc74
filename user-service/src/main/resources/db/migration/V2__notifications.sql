-- One e-mail per order outcome: the row is inserted in the transaction that sends the e-mail, and
-- its key makes every redelivery (and a concurrent duplicate, which waits on it) send nothing.
CREATE TABLE sent_notifications (
    order_id   uuid         NOT NULL,
    outcome    varchar(16)  NOT NULL CHECK (outcome IN ('PAID', 'PAYMENT_FAILED')),
    event_id   uuid         NOT NULL,
    user_id    uuid         NOT NULL,
    -- NO_ACCOUNT: the user has no account here (nothing to send to).
    status     varchar(16)  NOT NULL CHECK (status IN ('SENT', 'NO_ACCOUNT')),
    recipient  varchar(254),
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (order_id, outcome)
);
