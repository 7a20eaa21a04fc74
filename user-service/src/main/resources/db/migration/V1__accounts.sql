CREATE TABLE accounts (
    id            uuid PRIMARY KEY,
    email         varchar(254) NOT NULL,
    display_name  varchar(64)  NOT NULL,
    password_hash text         NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('USER', 'ADMIN')),
    created_at    timestamptz  NOT NULL
);

-- E-mail addresses are unique whatever their case.
CREATE UNIQUE INDEX accounts_email_lower_key ON accounts (lower(email));
