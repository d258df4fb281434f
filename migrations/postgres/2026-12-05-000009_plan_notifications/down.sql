DROP TRIGGER plans_changed ON plans;
DROP FUNCTION shinchoku_plan_changed();
