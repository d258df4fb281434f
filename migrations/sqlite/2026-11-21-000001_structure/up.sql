-- SQLite variant. Keep in step with migrations/postgres (same names, same history).
-- Plan structure, per-year data and the audit trail.

CREATE TABLE departments (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX departments_name_key ON departments (name);

CREATE TABLE plans (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    organization TEXT NOT NULL,
    start_fy INTEGER NOT NULL,
    end_fy INTEGER NOT NULL,
    level_labels TEXT NOT NULL,
    rating_scale TEXT NOT NULL,
    status TEXT NOT NULL,
    source TEXT,
    data_version BIGINT NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE plan_nodes (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    parent_id TEXT REFERENCES plan_nodes (id),
    bundle_key TEXT NOT NULL,
    code TEXT,
    title TEXT NOT NULL,
    objective TEXT,
    main_actions TEXT,
    position INTEGER NOT NULL,
    level INTEGER NOT NULL,
    sort_path TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX plan_nodes_key ON plan_nodes (plan_id, bundle_key);
CREATE INDEX plan_nodes_order ON plan_nodes (plan_id, sort_path);
CREATE INDEX plan_nodes_parent ON plan_nodes (parent_id);

CREATE TABLE initiatives (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    bundle_key TEXT NOT NULL,
    code TEXT NOT NULL,
    code_sort TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT,
    aim TEXT,
    notes TEXT,
    related_city TEXT,
    related_council TEXT,
    active_from_fy INTEGER,
    active_to_fy INTEGER,
    status TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX initiatives_key ON initiatives (plan_id, bundle_key);
CREATE INDEX initiatives_order ON initiatives (plan_id, code_sort);

-- Where an initiative is shown: position 0 is its primary node, the others are cross-listings (※再掲).
CREATE TABLE initiative_placements (
    initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    node_id TEXT NOT NULL REFERENCES plan_nodes (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, node_id)
);
CREATE INDEX initiative_placements_node ON initiative_placements (node_id);

CREATE TABLE initiative_departments (
    initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    department_id TEXT NOT NULL REFERENCES departments (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (initiative_id, department_id)
);
CREATE INDEX initiative_departments_department ON initiative_departments (department_id);

-- Indicators of an initiative, or plan-level targets when initiative_id is NULL.
CREATE TABLE indicators (
    id TEXT PRIMARY KEY,
    plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    initiative_id TEXT REFERENCES initiatives (id) ON DELETE CASCADE,
    bundle_key TEXT NOT NULL,
    name TEXT NOT NULL,
    unit TEXT,
    direction TEXT NOT NULL,
    tolerance DOUBLE,
    baseline_value DOUBLE,
    baseline_fy INTEGER,
    final_target DOUBLE,
    valid_from_fy INTEGER,
    valid_to_fy INTEGER,
    replaces_id TEXT REFERENCES indicators (id),
    position INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX indicators_key ON indicators (plan_id, bundle_key);
CREATE INDEX indicators_initiative ON indicators (initiative_id);

CREATE TABLE indicator_values (
    id TEXT PRIMARY KEY,
    indicator_id TEXT NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    target DOUBLE,
    actual DOUBLE,
    raw TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX indicator_values_fy ON indicator_values (indicator_id, fiscal_year);

-- One annual report per initiative and fiscal year (the progress sheet row).
CREATE TABLE annual_reports (
    id TEXT PRIMARY KEY,
    initiative_id TEXT NOT NULL REFERENCES initiatives (id) ON DELETE CASCADE,
    fiscal_year INTEGER NOT NULL,
    category TEXT,
    plan_text TEXT,
    result_text TEXT,
    issues_text TEXT,
    next_steps_text TEXT,
    previous_year_result_text TEXT,
    progress_status TEXT,
    self_rating TEXT,
    committee_rating TEXT,
    committee_opinion TEXT,
    workflow_state TEXT NOT NULL,
    revision INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX annual_reports_fy ON annual_reports (initiative_id, fiscal_year);
CREATE INDEX annual_reports_by_fy ON annual_reports (fiscal_year);

CREATE TABLE quarter_updates (
    id TEXT PRIMARY KEY,
    report_id TEXT NOT NULL REFERENCES annual_reports (id) ON DELETE CASCADE,
    quarter INTEGER NOT NULL,
    plan_text TEXT,
    result_text TEXT,
    mark TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX quarter_updates_quarter ON quarter_updates (report_id, quarter);

-- Append-only: every write leaves one row here in its own transaction.
CREATE TABLE audit_events (
    id TEXT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_id TEXT,
    token_id TEXT,
    action TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    plan_id TEXT,
    request_id TEXT,
    before_state TEXT,
    after_state TEXT
);
CREATE INDEX audit_events_entity ON audit_events (entity_type, entity_id);
CREATE INDEX audit_events_time ON audit_events (occurred_at);
