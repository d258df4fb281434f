DROP TABLE due_notices;
