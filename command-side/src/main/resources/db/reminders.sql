-- reminders (issue 16): the occasions the reminder scan has put in an inbox already, so that it does not send the
-- same no-op command again every round. Not a lookup: losing a row only costs one command, which the inbox item's
-- own id answers as opened already.
CREATE TABLE IF NOT EXISTS reminder_sent (
    occasion_id VARCHAR(300) NOT NULL PRIMARY KEY,
    sent_at     BIGINT       NOT NULL
);
