-- the rule "a task red at the end of two periods in a row" reads each task's latest change on or before a day
create index ix_status_change_task on status_change (task_id, as_of);
