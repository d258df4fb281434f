DROP INDEX audit_events_actor;
DROP TABLE login_throttle;
DROP TABLE api_token_departments;
DROP TABLE api_tokens;
DROP TABLE refresh_tokens;
DROP TABLE user_departments;
DROP TABLE users;
ALTER TABLE plans DROP COLUMN owner_department_id;
