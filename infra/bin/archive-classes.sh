#!/usr/bin/env bash
# Prepares the faster start of the packaged application: unpacks duban.jar into plain jars (classes inside a jar
# inside a jar cannot be shared), then starts it once on a throwaway database until its context is refreshed, and
# lets the JVM write the classes it loaded to a class-data archive that later starts map instead of loading and
# verifying them again (docs/BENCHMARKS.md, start-up).
#
#   infra/bin/archive-classes.sh [duban.jar] [directory]      defaults: infra/target/duban.jar infra/target/fast-start
#
# Then start with the archive, the same options as the README's java -jar, from any directory:
#   java -Xmx512m -XX:+UseSerialGC -XX:SharedArchiveFile=<directory>/duban.jsa -jar <directory>/duban.jar
# The archive belongs to this jar and this JVM (JAVA_HOME's if set, else the java on the PATH): after a new build or
# another Java, run this again (a JVM that cannot use the archive says so once and starts as without it).
set -euo pipefail
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
here="$(cd "$(dirname "$0")" && pwd)"
jar="${1:-$here/../target/duban.jar}"
dir="${2:-$here/../target/fast-start}"
[ -f "$jar" ] || { echo "no $jar: package it first (./mvnw -pl infra -am -DskipTests package)" >&2; exit 2; }
rm -rf "$dir"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
"$java" -Djarmode=tools -jar "$jar" extract --destination "$dir" >/dev/null
training="$(mktemp -d)"
trap 'rm -rf "$training"' EXIT
# the same heap and collector as the start that uses it; any free port; no demo import (it runs after the refresh)
"$java" -Xmx512m -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$dir/duban.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -Dspring.context.exit=onRefresh -jar "$dir/duban.jar" --duban.data-dir="$training/data" --server.port=0 \
  > "$dir/training.log" 2>&1 || { echo "the training start failed; its log: $dir/training.log" >&2; exit 1; }
[ -s "$dir/duban.jsa" ] || { echo "the JVM wrote no archive; the training start's log: $dir/training.log" >&2; exit 1; }
echo "archived $(du -m "$dir/duban.jsa" | cut -f1) MB of classes; start with:"
echo "java -Xmx512m -XX:+UseSerialGC -XX:SharedArchiveFile=$dir/duban.jsa -jar $dir/duban.jar"
