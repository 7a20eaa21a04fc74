-- Issue 9: the e-mail dedupe records are deleted after platform.kafka.dedupe.retention (15 days,
-- longer than any redelivery of a payments.v1 record can come: 7 days of topic retention plus one
-- 7-day segment), oldest first in bounded batches, through this index.
CREATE INDEX sent_notifications_created_at ON sent_notifications (created_at);
