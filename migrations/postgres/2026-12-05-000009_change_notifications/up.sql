-- Every change of a plan row (its data version bumped by a write, its status or settings
-- changed, the plan deleted) is announced to the instances that keep plan rows in memory:
-- NOTIFY is sent when the writing transaction commits, whatever process wrote it, and only then.
CREATE FUNCTION shinchoku_plan_changed() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('shinchoku_plans', COALESCE(NEW.id, OLD.id)::text);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER plans_changed AFTER INSERT OR UPDATE OR DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION shinchoku_plan_changed();

-- The same for signed-in users (their role, departments, whether active, when their sessions
-- ended), which instances keep in memory too.
CREATE FUNCTION shinchoku_user_changed() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        PERFORM pg_notify('shinchoku_users', COALESCE(NEW.id, OLD.id)::text);
    ELSE
        PERFORM pg_notify('shinchoku_users', COALESCE(NEW.user_id, OLD.user_id)::text);
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION shinchoku_user_changed();
CREATE TRIGGER user_departments_changed AFTER INSERT OR UPDATE OR DELETE ON user_departments
    FOR EACH ROW EXECUTE FUNCTION shinchoku_user_changed();
