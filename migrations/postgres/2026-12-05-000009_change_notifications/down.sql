DROP TRIGGER user_departments_changed ON user_departments;
DROP TRIGGER users_changed ON users;
DROP FUNCTION shinchoku_user_changed();
DROP TRIGGER plans_changed ON plans;
DROP FUNCTION shinchoku_plan_changed();
