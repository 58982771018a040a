-- What the case page shows beyond V12's row of a supervision case: the unit's rectification plan and result with its
-- evidence, the reason of the last rejection, and the extension waiting for a decision. Kept by the case projection.
alter table supervision_case add column rectification_plan ${long_text};
alter table supervision_case add column result ${long_text};
alter table supervision_case add column evidence ${long_text};
alter table supervision_case add column rejection varchar(2000);
alter table supervision_case add column rejections integer default 0 not null;
alter table supervision_case add column extension_id varchar(255);
alter table supervision_case add column extension_until date;
alter table supervision_case add column extension_reason varchar(2000);
create index ix_supervision_case_item on supervision_case (case_trigger, task_id, indicator_id);
