-- What the daily due-date pass has told (docs/notifications.md): one row per item, due date and
-- kind, so that each reminder and each overdue notice is an event once, however often the pass
-- runs and however many instances run it.
CREATE TABLE due_notices (
    item TEXT NOT NULL,
    due_on DATE NOT NULL,
    kind TEXT NOT NULL,
    notified_at TIMESTAMP NOT NULL,
    PRIMARY KEY (item, due_on, kind)
);
