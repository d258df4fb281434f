-- Notifications (docs/notifications.md): the transactional outbox, webhook subscriptions and
-- their deliveries. An event is written in the transaction of the change that causes it, with a
-- delivery row for every subscription it concerns; the delivery worker sends those later.
CREATE TABLE outbox_events (
    id uuid PRIMARY KEY,
    event_type TEXT NOT NULL,
    plan_id uuid,
    occurred_at TIMESTAMP NOT NULL,
    -- The body receivers get: {"type", "timestamp", "data"}.
    payload TEXT NOT NULL
);
CREATE INDEX outbox_events_time ON outbox_events (occurred_at);

CREATE TABLE webhooks (
    id uuid PRIMARY KEY,
    url TEXT NOT NULL,
    -- JSON array of event types.
    events TEXT NOT NULL,
    plan_id uuid REFERENCES plans (id) ON DELETE CASCADE,
    active BOOLEAN NOT NULL,
    description TEXT,
    secret TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id uuid PRIMARY KEY,
    webhook_id uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id uuid NOT NULL REFERENCES outbox_events (id) ON DELETE CASCADE,
    -- pending, delivered, failed
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    next_attempt_at TIMESTAMP NOT NULL,
    -- Who is sending it now, until when (a sender that dies leaves it to the next after that).
    claimed_by uuid,
    claimed_until TIMESTAMP,
    last_status INTEGER,
    last_error TEXT,
    last_attempt_at TIMESTAMP,
    delivered_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_event ON webhook_deliveries (event_id);
