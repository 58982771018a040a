-- An inbox's counts ask for every report back with its unit (FindReturnedReports.ofEveryTask): a few among all the
-- reports, found by their status instead of reading every period's report of the province.
create index ix_task_report_status on task_report (status);
