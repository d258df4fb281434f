-- Mail to people (docs/notifications.md): whether a user wants reminders, and what is to be
-- mailed to whom — a row per recipient and event, written with the event; the mail worker sends
-- each user's rows together (a daily digest of reminders; notices gathered over a delay).
ALTER TABLE users ADD COLUMN email_reminders BOOLEAN NOT NULL DEFAULT TRUE;

CREATE TABLE mail_items (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
    -- notice, reminder
    kind TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    send_after TIMESTAMP NOT NULL,
    claimed_by uuid,
    claimed_until TIMESTAMP,
    sent_at TIMESTAMP,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    UNIQUE (user_id, event_id)
);
CREATE INDEX mail_items_unsent ON mail_items (send_after) WHERE sent_at IS NULL;
