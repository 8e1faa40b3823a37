# Shared by submit/local and submit/yarn: where things are, building the application jar when it is
# missing or older than the sources, and the JVM flags Spark needs (kept once, in pom.xml).
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP_JAR="$ROOT/target/mnist-spark-mlp-0.1.0-app.jar"
MAIN_CLASS="io.mnistspark.cli.Main"
LOG_CONF="$ROOT/conf/log4j2.properties"

# Runs Maven in the project with its output in target/LOG, shown only when it fails: Debian's Maven 3.8
# writes colour resets (ESC[0m) even with -B -q (and -Dstyle.color=never), which would otherwise reach the
# terminal before the job's first line. A failure prints the log to stderr, then a line naming it, and exits 1.
#   run_maven LOG MAVEN_ARGUMENTS...
run_maven() {
  local log="$ROOT/target/$1"
  shift
  mkdir -p "$ROOT/target"
  if ! (cd "$ROOT" && mvn -B -q "$@") >"$log" 2>&1; then
    cat "$log" >&2
    echo "$(basename "$0"): mvn -B -q $* failed; its output is in $log" >&2
    exit 1
  fi
}

# Builds the jar (tests skipped) when it is missing or any source is newer, the suite's profiles included
# (the jar carries conf/suite.properties).
ensure_jar() {
  if [[ ! -f "$APP_JAR" ]] || [[ -n "$(find "$ROOT/pom.xml" "$ROOT/src/main" "$ROOT/conf/suite.properties" -newer "$APP_JAR" -print -quit)" ]]; then
    echo "Building $APP_JAR ..." >&2
    run_maven build.log -DskipTests package
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

# Spark's own jars as Maven resolved them (provided scope only: no test jars such as the mini clusters),
# for running without a Spark distribution. Call it in an assignment of its own (cp="$(spark_classpath)"),
# so that under set -e a failed Maven run stops the script.
spark_classpath() {
  local cp_file="$ROOT/target/spark-classpath.txt"
  if [[ ! -f "$cp_file" || "$ROOT/pom.xml" -nt "$cp_file" ]]; then
    run_maven spark-classpath.log dependency:build-classpath -DincludeScope=provided -Dmdep.outputFile="$cp_file"
  fi
  cat "$cp_file"
}

# The launchers' own options, which come before the job's arguments:
#   --conf KEY=VALUE   a Spark setting for spark-submit (repeatable)
#   --deploy-mode M    YARN only: cluster or client
#   --dry-run          print the spark-submit command instead of running it
#   --                 end of the launcher's options
# Everything from the first other argument on goes to the job unchanged (its command first: train,
# data, evaluate, help). Sets SPARK_CONFS (spark-submit arguments), DEPLOY_MODE, DRY_RUN and JOB_ARGS.
parse_launcher_options() {
  SPARK_CONFS=()
  DEPLOY_MODE=""
  DRY_RUN=false
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --conf)
        [[ $# -ge 2 && "$2" == *=* ]] || die "--conf needs KEY=VALUE"
        SPARK_CONFS+=(--conf "$2"); shift 2 ;;
      --conf=*) SPARK_CONFS+=(--conf "${1#--conf=}"); shift ;;
      --deploy-mode)
        [[ $# -ge 2 ]] || die "--deploy-mode needs cluster or client"
        DEPLOY_MODE="$2"; shift 2 ;;
      --deploy-mode=*) DEPLOY_MODE="${1#--deploy-mode=}"; shift ;;
      --dry-run) DRY_RUN=true; shift ;;
      --) shift; break ;;
      *) break ;;
    esac
  done
  JOB_ARGS=("$@")
}

# True when the job's arguments only ask for help or the version (nothing to run on a cluster).
asks_for_help() {
  local arg
  [[ "${1:-}" == "help" ]] && return 0
  for arg in "$@"; do
    case "$arg" in --help|-h|--version|-V) return 0 ;; esac
  done
  return 1
}

# Prints a command with shell quoting (for --dry-run), or runs it in place of this shell.
run_or_print() {
  if [[ "$DRY_RUN" == true ]]; then
    printf '%q ' "$@" | sed 's/ $/\n/'
    exit 0
  fi
  exec "$@"
}

die() {
  echo "$(basename "$0"): $*" >&2
  exit 2
}
