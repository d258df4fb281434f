DROP INDEX audit_events_request;
DROP TABLE idempotency_keys;
