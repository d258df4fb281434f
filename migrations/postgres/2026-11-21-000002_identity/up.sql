-- PostgreSQL variant. Keep in step with migrations/sqlite (same names, same history).
-- Identity and access: users, their departments, refresh tokens, API tokens, login throttling,
-- and plan ownership (a council writes the structure of the plans it owns).

ALTER TABLE plans ADD COLUMN owner_department_id uuid REFERENCES departments (id);

CREATE TABLE users (
    id uuid PRIMARY KEY,
    login TEXT NOT NULL,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    active BOOLEAN NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX users_login_key ON users (login);

CREATE TABLE user_departments (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    department_id uuid NOT NULL REFERENCES departments (id),
    PRIMARY KEY (user_id, department_id)
);
CREATE INDEX user_departments_department ON user_departments (department_id);

-- Opaque refresh tokens, stored as SHA-256 hashes. A family is one login; reusing a rotated
-- token revokes the whole family.
CREATE TABLE refresh_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id uuid NOT NULL,
    token_hash TEXT NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at TIMESTAMP,
    revoked_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX refresh_tokens_hash ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);

-- API tokens for scripts, stored as SHA-256 hashes; the secret is shown once.
CREATE TABLE api_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL,
    token_prefix TEXT NOT NULL,
    scopes TEXT NOT NULL,
    expires_at TIMESTAMP,
    revoked_at TIMESTAMP,
    last_used_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX api_tokens_hash ON api_tokens (token_hash);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- Departments an API token is narrowed to (none: all of its owner's).
CREATE TABLE api_token_departments (
    token_id uuid NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    department_id uuid NOT NULL REFERENCES departments (id),
    PRIMARY KEY (token_id, department_id)
);

-- Failed logins per account and per client address, shared by every instance.
CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    window_started_at TIMESTAMP NOT NULL,
    blocked_until TIMESTAMP
);

CREATE INDEX audit_events_actor ON audit_events (actor_id);
