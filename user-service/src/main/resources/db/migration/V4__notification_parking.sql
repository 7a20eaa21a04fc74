-- An e-mail the mail server refuses for good (a 5xx reply for its recipient or content, an invalid
-- address) is parked instead of retried: its row says PARKED, how many attempts were made and why,
-- and it keeps the notification's key, so a redelivery sends nothing either.
ALTER TABLE sent_notifications DROP CONSTRAINT sent_notifications_status_check;
ALTER TABLE sent_notifications
    ADD CONSTRAINT sent_notifications_status_check CHECK (status IN ('SENT', 'NO_ACCOUNT', 'PARKED')),
    ADD COLUMN attempts       integer      NOT NULL DEFAULT 1,
    ADD COLUMN failure_reason varchar(512);
