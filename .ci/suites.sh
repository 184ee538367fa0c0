# Shared by .ci/mistakes-check and .ci/flake-loop: one Maven build, then each graded suite runs in
# a test JVM of its own (.ci/GradedSuite.java) with the JUnit configuration Surefire uses, so that
# running a suite many times costs a JVM start, not a Maven build.

ROOT=$(pwd)
CI_OUT=$ROOT/target/ci
TASK_MODULES=(task0-basic task1-concurrent task2-runtime task3-tasks task4-task-wait-n)

# suites_build: compiles every module from the reference solutions, tests included, writes each
# module's test class path to <module>/target/test-classpath.txt and compiles the .ci Java tools.
suites_build() {
  ./mvnw -q -Psolutions test-compile \
      org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
      -Dmdep.outputFile=target/test-classpath.txt || { echo "the Maven build failed"; return 1; }
  JAVA21=$(find_jdk21) || { echo "no JDK 21 or newer found"; return 1; }
  # Surefire's JUnit configuration, read from the root POM (JUnit also takes it from system properties).
  mapfile -t JUNIT_PROPS < <(sed -n '/<configurationParameters>/,/<\/configurationParameters>/p' pom.xml \
      | sed -nE 's/^[[:space:]]*([a-z][a-z0-9._]*)[[:space:]]*=[[:space:]]*(.*[^[:space:]])[[:space:]]*$/-D\1=\2/p')
  [ ${#JUNIT_PROPS[@]} -gt 0 ] || { echo "no <configurationParameters> for JUnit in pom.xml"; return 1; }
  mkdir -p "$CI_OUT/runner"
  "$JAVA21/bin/javac" -d "$CI_OUT/runner" -cp "$(cat task0-basic/target/test-classpath.txt)" \
      .ci/GradedSuite.java .ci/CompileEach.java
}

# module_classpath MODULE: the class path MODULE's tests run with (after suites_build).
module_classpath() {
  echo "$ROOT/$1/target/test-classes:$ROOT/$1/target/classes:$(cat "$ROOT/$1/target/test-classpath.txt")"
}

# run_suite MODULE OUT [FIRST]: runs MODULE's tests, with the classes in folder FIRST (if given)
# ahead of the module's own; writes graded-results.tsv, times.tsv (one line per test class:
# name, seconds, tests, failed) and output.log to folder OUT. Fails if any test failed.
run_suite() {
  local module=$1 out=$2 first=${3:+$3:}
  rm -rf "$out" && mkdir -p "$out"
  # 300 s, as Surefire's forkedProcessTimeoutInSeconds: a solution that hangs still ends the run.
  (cd "$ROOT/$module" && timeout 300 "$JAVA21/bin/java" "${JUNIT_PROPS[@]}" -Dbasedir="$ROOT/$module" \
      -Dworkbook.results="$out/graded-results.tsv" -cp "$first$(module_classpath "$module"):$CI_OUT/runner" \
      GradedSuite target/test-classes "$out/times.tsv") > "$out/output.log" 2>&1
}
