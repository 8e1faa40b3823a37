# Shared by submit/local and submit/yarn: where things are, building the application jar when it is
# missing or older than the sources, and the JVM flags Spark needs (kept once, in pom.xml).
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_JAR="$ROOT/target/mnist-spark-mlp-0.1.0-app.jar"
MAIN_CLASS="io.mnistspark.cli.Main"
LOG_CONF="$ROOT/conf/log4j2.properties"

# Builds the jar (tests skipped) when it is missing or any source is newer, the suite's profiles included
# (the jar carries conf/suite.properties).
ensure_jar() {
  if [[ ! -f "$APP_JAR" ]] || [[ -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" "$ROOT/conf/suite.properties" -newer "$APP_JAR" -print -quit)" ]]; then
    echo "Building $APP_JAR ..." >&2
    (cd "$ROOT" && mvn -B -q -DskipTests package) >&2
  fi
}

# The --add-opens list Spark's launcher passes, read from pom.xml's spark.jvm.flags property.
spark_jvm_flags() {
  sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$ROOT/pom.xml"
}

# The spark-submit on PATH or under SPARK_HOME, or nothing.
find_spark_submit() {
  if [[ -n "${SPARK_HOME:-}" && -x "$SPARK_HOME/bin/spark-submit" ]]; then
    echo "$SPARK_HOME/bin/spark-submit"
  elif command -v spark-submit >/dev/null 2>&1; then
    command -v spark-submit
  fi
}

# Spark's own jars as Maven resolved them, for running without a Spark distribution.
spark_classpath() {
  local cp_file="$ROOT/target/spark-classpath.txt"
  if [[ ! -f "$cp_file" || "$ROOT/pom.xml" -nt "$cp_file" ]]; then
    (cd "$ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=provided \
      -Dmdep.outputFile="$cp_file") >&2
  fi
  cat "$cp_file"
}
