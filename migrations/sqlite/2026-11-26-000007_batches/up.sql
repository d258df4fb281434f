-- Idempotency keys of batch requests (IETF draft "The Idempotency-Key HTTP Header Field"): per
-- caller, the fingerprint of the request that first used the key and the response it got, so a
-- retry is answered from here instead of writing again. Kept at least 24 hours.
CREATE TABLE idempotency_keys (
    caller TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (caller, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- "What did this batch write?": the audit events of one request.
CREATE INDEX audit_events_request ON audit_events (request_id);
