-- The numbers a document prints (序号 "12", "（三）", "1.") are kept beside each item's place in the plan, and an
-- indicator proposed from a plan written as text names the task that states it. Both are optional: items imported
-- before have none. Widths are the contract's (org.duban.api.Limits.ID).
alter table plan_task add column code varchar(100);
alter table plan_indicator add column code varchar(100);
alter table plan_indicator add column task_id varchar(100);
