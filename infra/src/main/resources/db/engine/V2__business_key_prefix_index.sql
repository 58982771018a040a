-- A task's page asks the engine for the steps of the task's assignment and of each period's report: process instances
-- whose business key is the task's id or starts with it and a slash (BUSINESS_KEY_ = ? or BUSINESS_KEY_ like 'id/%').
-- PostgreSQL's own index on the column serves a prefix LIKE only in the C collation, so every task page read the
-- whole execution table (82,000 rows in a province of 24 plans: 216 ms; 0.8 ms with this index). H2's index serves
-- it already. Drop it here once the engine's schema has an index that does (docs/ARCHITECTURE.md).
${postgresql_only}create index if not exists DUBAN_IDX_EXEC_BUSKEY_PREFIX on ACT_RU_EXECUTION (BUSINESS_KEY_ varchar_pattern_ops);
