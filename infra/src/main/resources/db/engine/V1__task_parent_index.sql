-- Completing a task makes the engine look for its subtasks (select ... from ACT_RU_TASK where PARENT_TASK_ID_ = ?),
-- and Camunda 7.24's H2 and PostgreSQL schemas have no index on that column: every completion read the whole table
-- of open tasks (tens of thousands in a province). Drop it again in a later version here once the engine ships an
-- index of its own on the column (docs/ARCHITECTURE.md, "The process engine's schema").
create index if not exists DUBAN_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_);
