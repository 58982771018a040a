-- A query node keeps its views in a database of its own (docs/QUERY-NODES.md); the command nodes share "duban".
CREATE DATABASE duban_query OWNER duban;
