-- The open, unassigned steps by candidate: what every inbox and every page's inbox counts read. Camunda keeps a step's
-- candidates in ACT_RU_IDENTITYLINK apart from the step, so finding one candidate's steps meant joining every open
-- step with the links (a scan of 32,544 steps for each count in a province of 24 plans). This table is written by the
-- engine's own listeners in the step's transaction (org.duban.process.steps.WaitingStepLedger): a row per step and
-- candidate, inserted when the step is created, rewritten when its candidates, assignee or due date change, deleted when
-- it is completed or deleted. It holds what the inbox shows, so a candidate's inbox is one index range.
create table if not exists DUBAN_WAITING_STEP (
    STEP_ID_        varchar(64)  not null,
    CANDIDATE_TYPE_ varchar(8)   not null,
    CANDIDATE_      varchar(255) not null,
    PROC_DEF_KEY_   varchar(255) not null,
    TASK_DEF_KEY_   varchar(255) not null,
    NAME_           varchar(255),
    DUE_DATE_       timestamp,
    CREATE_TIME_    timestamp    not null,
    PROC_INST_ID_   varchar(64)  not null,
    BUSINESS_KEY_   varchar(255),
    primary key (STEP_ID_, CANDIDATE_TYPE_, CANDIDATE_)
);
create index if not exists DUBAN_IDX_WAITING_CANDIDATE on DUBAN_WAITING_STEP
    (CANDIDATE_, CANDIDATE_TYPE_, PROC_DEF_KEY_, TASK_DEF_KEY_, DUE_DATE_);

-- The steps open when this version is first started: every candidate link of an open, unassigned step of a process.
insert into DUBAN_WAITING_STEP (STEP_ID_, CANDIDATE_TYPE_, CANDIDATE_, PROC_DEF_KEY_, TASK_DEF_KEY_, NAME_, DUE_DATE_,
                                CREATE_TIME_, PROC_INST_ID_, BUSINESS_KEY_)
select distinct t.ID_, case when i.GROUP_ID_ is not null then 'group' else 'user' end, coalesce(i.GROUP_ID_, i.USER_ID_),
       d.KEY_, t.TASK_DEF_KEY_, t.NAME_, t.DUE_DATE_, t.CREATE_TIME_, t.PROC_INST_ID_, e.BUSINESS_KEY_
from ACT_RU_TASK t
join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_ and i.TYPE_ = 'candidate'
join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_
join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_
where t.ASSIGNEE_ is null and t.TASK_DEF_KEY_ is not null and coalesce(i.GROUP_ID_, i.USER_ID_) is not null;
