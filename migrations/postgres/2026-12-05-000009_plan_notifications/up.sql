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
