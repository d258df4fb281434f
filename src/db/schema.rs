//! Diesel table definitions, shared by both backends (see `migrations/`).

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    departments (id) {
        id -> PortableUuid,
        name -> Text,
        kind -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_text -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    plans (id) {
        id -> PortableUuid,
        title -> Text,
        organization -> Text,
        start_fy -> Integer,
        end_fy -> Integer,
        level_labels -> Text,
        rating_scale -> Text,
        status -> Text,
        source -> Nullable<Text>,
        data_version -> BigInt,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        owner_department_id -> Nullable<PortableUuid>,
        search_text -> Text,
        quarterly_reports -> Bool,
        report_due_days -> Integer,
        quarter_due_days -> Integer,
        packet_layout -> Nullable<Text>,
        rating_rule -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    plan_nodes (id) {
        id -> PortableUuid,
        plan_id -> PortableUuid,
        parent_id -> Nullable<PortableUuid>,
        bundle_key -> Text,
        code -> Nullable<Text>,
        title -> Text,
        objective -> Nullable<Text>,
        main_actions -> Nullable<Text>,
        position -> Integer,
        level -> Integer,
        sort_path -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_text -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    initiatives (id) {
        id -> PortableUuid,
        plan_id -> PortableUuid,
        bundle_key -> Text,
        code -> Text,
        code_sort -> Text,
        title -> Text,
        description -> Nullable<Text>,
        aim -> Nullable<Text>,
        notes -> Nullable<Text>,
        related_city -> Nullable<Text>,
        related_council -> Nullable<Text>,
        active_from_fy -> Nullable<Integer>,
        active_to_fy -> Nullable<Integer>,
        status -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        search_text -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    initiative_placements (initiative_id, node_id) {
        initiative_id -> PortableUuid,
        node_id -> PortableUuid,
        position -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    initiative_departments (initiative_id, department_id) {
        initiative_id -> PortableUuid,
        department_id -> PortableUuid,
        position -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    indicators (id) {
        id -> PortableUuid,
        plan_id -> PortableUuid,
        initiative_id -> Nullable<PortableUuid>,
        bundle_key -> Text,
        name -> Text,
        unit -> Nullable<Text>,
        direction -> Text,
        tolerance -> Nullable<Double>,
        baseline_value -> Nullable<Double>,
        baseline_fy -> Nullable<Integer>,
        final_target -> Nullable<Double>,
        valid_from_fy -> Nullable<Integer>,
        valid_to_fy -> Nullable<Integer>,
        replaces_id -> Nullable<PortableUuid>,
        position -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    indicator_values (id) {
        id -> PortableUuid,
        indicator_id -> PortableUuid,
        fiscal_year -> Integer,
        target -> Nullable<Double>,
        actual -> Nullable<Double>,
        raw -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    annual_reports (id) {
        id -> PortableUuid,
        initiative_id -> PortableUuid,
        fiscal_year -> Integer,
        category -> Nullable<Text>,
        plan_text -> Nullable<Text>,
        result_text -> Nullable<Text>,
        issues_text -> Nullable<Text>,
        next_steps_text -> Nullable<Text>,
        previous_year_result_text -> Nullable<Text>,
        progress_status -> Nullable<Text>,
        self_rating -> Nullable<Text>,
        committee_rating -> Nullable<Text>,
        committee_opinion -> Nullable<Text>,
        workflow_state -> Text,
        revision -> Integer,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        updated_by -> Nullable<PortableUuid>,
        return_reason -> Nullable<Text>,
        published_snapshot -> Nullable<Text>,
        published_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    report_revisions (id) {
        id -> PortableUuid,
        report_id -> PortableUuid,
        number -> Integer,
        edition -> Integer,
        workflow_state -> Text,
        action -> Text,
        changed_fields -> Text,
        actor_id -> Nullable<PortableUuid>,
        token_id -> Nullable<PortableUuid>,
        occurred_at -> Timestamp,
        snapshot -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    report_comments (id) {
        id -> PortableUuid,
        report_id -> PortableUuid,
        in_reply_to -> Nullable<PortableUuid>,
        author_id -> Nullable<PortableUuid>,
        author_role -> Text,
        body -> Text,
        workflow_state -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    quarter_updates (id) {
        id -> PortableUuid,
        report_id -> PortableUuid,
        quarter -> Integer,
        plan_text -> Nullable<Text>,
        result_text -> Nullable<Text>,
        mark -> Nullable<Text>,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    audit_events (id) {
        id -> PortableUuid,
        occurred_at -> Timestamp,
        actor_id -> Nullable<PortableUuid>,
        token_id -> Nullable<PortableUuid>,
        action -> Text,
        entity_type -> Text,
        entity_id -> PortableUuid,
        plan_id -> Nullable<PortableUuid>,
        request_id -> Nullable<Text>,
        before_state -> Nullable<Text>,
        after_state -> Nullable<Text>,
        revision_id -> Nullable<PortableUuid>,
    }
}

diesel::table! {
    idempotency_keys (caller, idempotency_key) {
        caller -> Text,
        idempotency_key -> Text,
        fingerprint -> Text,
        status -> Integer,
        response -> Text,
        created_at -> Timestamp,
    }
}

diesel::joinable!(plan_nodes -> plans (plan_id));
diesel::joinable!(initiatives -> plans (plan_id));
diesel::joinable!(initiative_placements -> initiatives (initiative_id));
diesel::joinable!(initiative_placements -> plan_nodes (node_id));
diesel::joinable!(initiative_departments -> initiatives (initiative_id));
diesel::joinable!(initiative_departments -> departments (department_id));
diesel::joinable!(indicator_values -> indicators (indicator_id));
diesel::joinable!(annual_reports -> initiatives (initiative_id));
diesel::joinable!(quarter_updates -> annual_reports (report_id));
diesel::joinable!(report_revisions -> annual_reports (report_id));
diesel::joinable!(report_comments -> annual_reports (report_id));

diesel::allow_tables_to_appear_in_same_query!(
    departments,
    plans,
    plan_nodes,
    initiatives,
    initiative_placements,
    initiative_departments,
    indicators,
    indicator_values,
    annual_reports,
    quarter_updates,
    report_revisions,
    report_comments,
    audit_events,
    users,
    user_departments,
    refresh_tokens,
    api_tokens,
    api_token_departments,
    login_throttle,
);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    users (id) {
        id -> PortableUuid,
        login -> Text,
        display_name -> Text,
        password_hash -> Text,
        role -> Text,
        active -> Bool,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        demo -> Bool,
        sessions_valid_after -> BigInt,
        email -> Nullable<Text>,
        email_reminders -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    user_departments (user_id, department_id) {
        user_id -> PortableUuid,
        department_id -> PortableUuid,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    refresh_tokens (id) {
        id -> PortableUuid,
        user_id -> PortableUuid,
        family_id -> PortableUuid,
        token_hash -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    api_tokens (id) {
        id -> PortableUuid,
        user_id -> PortableUuid,
        name -> Text,
        token_hash -> Text,
        token_prefix -> Text,
        scopes -> Text,
        expires_at -> Nullable<Timestamp>,
        revoked_at -> Nullable<Timestamp>,
        last_used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;
    api_token_departments (token_id, department_id) {
        token_id -> PortableUuid,
        department_id -> PortableUuid,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    login_throttle (throttle_key) {
        throttle_key -> Text,
        failures -> Integer,
        window_started_at -> Timestamp,
        blocked_until -> Nullable<Timestamp>,
    }
}

diesel::joinable!(user_departments -> users (user_id));
diesel::joinable!(user_departments -> departments (department_id));
diesel::joinable!(api_token_departments -> api_tokens (token_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(refresh_tokens -> users (user_id));

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// Kept summary counts (see `db::tally`).
    summary_counts (plan_id, grp_set, fiscal_year, grp_key, cell) {
        plan_id -> PortableUuid,
        grp_set -> Text,
        fiscal_year -> Integer,
        grp_key -> Text,
        cell -> Text,
        n -> BigInt,
        ratio_units -> BigInt,
        ratio_n -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// What each initiative last added to its plan's kept counts.
    summary_facts (initiative_id) {
        initiative_id -> PortableUuid,
        plan_id -> PortableUuid,
        facts -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// What each initiative last added to its plan's kept counts in one fiscal year (its
    /// `summary_facts` hold what concerns every year).
    summary_fact_years (initiative_id, fiscal_year) {
        initiative_id -> PortableUuid,
        fiscal_year -> Integer,
        facts -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// Initiatives whose rows changed since they were last counted.
    summary_dirty (tx, initiative_id) {
        tx -> BigInt,
        initiative_id -> PortableUuid,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// Initiatives whose report, quarters or values of one fiscal year changed since they were
    /// last counted.
    summary_dirty_years (tx, initiative_id, fiscal_year) {
        tx -> BigInt,
        initiative_id -> PortableUuid,
        fiscal_year -> Integer,
    }
}

// The years with published reports of each plan (public portal) group by both.
diesel::allow_columns_to_appear_in_same_group_by_clause!(initiatives::plan_id, annual_reports::fiscal_year);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// The transactional outbox (docs/notifications.md).
    outbox_events (id) {
        id -> PortableUuid,
        event_type -> Text,
        plan_id -> Nullable<PortableUuid>,
        occurred_at -> Timestamp,
        payload -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    webhooks (id) {
        id -> PortableUuid,
        url -> Text,
        events -> Text,
        plan_id -> Nullable<PortableUuid>,
        active -> Bool,
        description -> Nullable<Text>,
        secret -> Text,
        version -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    webhook_deliveries (id) {
        id -> PortableUuid,
        webhook_id -> PortableUuid,
        event_id -> PortableUuid,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_by -> Nullable<PortableUuid>,
        claimed_until -> Nullable<Timestamp>,
        last_status -> Nullable<Integer>,
        last_error -> Nullable<Text>,
        last_attempt_at -> Nullable<Timestamp>,
        delivered_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::joinable!(webhook_deliveries -> webhooks (webhook_id));
diesel::joinable!(webhook_deliveries -> outbox_events (event_id));
diesel::allow_tables_to_appear_in_same_query!(webhook_deliveries, webhooks, outbox_events);

diesel::table! {
    /// What the due-date pass has told (`item`: initiative id, fiscal year and quarter).
    due_notices (item, due_on, kind) {
        item -> Text,
        due_on -> Date,
        kind -> Text,
        notified_at -> Timestamp,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// Mail to be sent to people (docs/notifications.md).
    mail_items (id) {
        id -> PortableUuid,
        user_id -> PortableUuid,
        event_id -> PortableUuid,
        kind -> Text,
        created_at -> Timestamp,
        send_after -> Timestamp,
        claimed_by -> Nullable<PortableUuid>,
        claimed_until -> Nullable<Timestamp>,
        sent_at -> Nullable<Timestamp>,
        attempts -> Integer,
        last_error -> Nullable<Text>,
    }
}

diesel::joinable!(mail_items -> outbox_events (event_id));
diesel::joinable!(mail_items -> users (user_id));
diesel::allow_tables_to_appear_in_same_query!(mail_items, outbox_events, users);

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::portable_uuid::PortableUuid;

    /// Every attempt of a webhook delivery.
    webhook_attempts (id) {
        id -> PortableUuid,
        delivery_id -> PortableUuid,
        attempted_at -> Timestamp,
        status -> Nullable<Integer>,
        error -> Nullable<Text>,
        duration_ms -> Integer,
    }
}

diesel::joinable!(webhook_attempts -> webhook_deliveries (delivery_id));
diesel::allow_tables_to_appear_in_same_query!(webhook_attempts, webhook_deliveries);
