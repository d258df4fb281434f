DROP TABLE mail_items;
ALTER TABLE users DROP COLUMN email_reminders;
