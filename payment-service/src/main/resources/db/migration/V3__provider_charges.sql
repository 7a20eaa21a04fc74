-- The simulated provider's own records, standing in for an external system: one charge per
-- idempotency key (the order id). A row is committed in a transaction of its own, before and
-- independently of the payment it pays for, so a retry, a redelivery to another instance, a crash
-- before the payment commits or a restart gets the first outcome back instead of a second charge.
-- Kept like the payments: it is the record of money taken.
CREATE TABLE provider_charges (
    idempotency_key    varchar(64)  PRIMARY KEY,
    amount_cents       bigint       NOT NULL CHECK (amount_cents > 0),
    currency           char(3)      NOT NULL,
    authorized         boolean      NOT NULL,
    provider_reference varchar(64)  NOT NULL UNIQUE,
    decline_reason     varchar(128),
    charged_at         timestamptz  NOT NULL DEFAULT now(),
    CHECK (authorized = (decline_reason IS NULL))
);
