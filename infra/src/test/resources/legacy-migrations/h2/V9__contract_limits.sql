-- Every column holds what the contract (org.duban.api.Limits) accepts, so an accepted command is always applied to
-- the views: titles 500, task text 10,000, report contents and drafts (JSON of up to three 20,000-character texts,
-- 200 indicator values and 50 evidence references) 1,000,000, a contribution's evidence list 200,000.
alter table plan_summary alter column title set data type varchar(500);
alter table plan_section alter column title set data type varchar(500);
alter table plan_task alter column text set data type varchar(10000);
alter table plan_indicator alter column name set data type varchar(500);
alter table task_report alter column draft set data type varchar(1000000);
alter table task_report_round alter column content set data type varchar(1000000);
alter table task_contribution alter column text set data type varchar(20000);
alter table task_contribution alter column evidence set data type varchar(200000);
alter table audit_event alter column unit_ids set data type varchar(10000);
