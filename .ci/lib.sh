# Shared by the .ci scripts: stage timing and finding a JDK 21+.

# Prints the home of a JDK 21 or newer: JAVA_HOME if it is one, else the newest in the usual places.
find_jdk21() {
  local home version best="" best_version=0
  for home in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -n "$home" ] && [ -x "$home/bin/javac" ] && [ -f "$home/release" ] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    [ "${version:-0}" -ge 21 ] || continue
    [ "$home" = "${JAVA_HOME:-}" ] && { echo "$home"; return 0; }
    [ "$version" -gt "$best_version" ] && { best="$home"; best_version=$version; }
  done
  [ -n "$best" ] && echo "$best"
}

# stage NAME COMMAND...: runs a stage, prints one summary line with its time, stops CI on failure.
stage() {
  local name=$1 start rc; shift
  start=$(date +%s)
  echo "::: $name"
  "$@"; rc=$?
  local took=$(( $(date +%s) - start ))
  if [ $rc -eq 0 ]; then
    printf '=== PASS %-55s %4ds\n' "$name" "$took" | tee -a "$CI_SUMMARY"
  else
    printf '=== FAIL %-55s %4ds (exit %d)\n' "$name" "$took" "$rc" | tee -a "$CI_SUMMARY"
    summary
    exit 1
  fi
}

# Prints every stage's line again, then the closing count.
summary() {
  echo
  echo "CI summary:"
  cat "$CI_SUMMARY"
  echo "stages: $(grep -c '^=== PASS' "$CI_SUMMARY") passed, $(grep -c '^=== FAIL' "$CI_SUMMARY") failed"
}

# workbook_copy [DIR]: copies the committed workbook (run from the root) into DIR, made if
# missing, or into a new temporary folder; prints the folder.
workbook_copy() {
  local copy=${1:-$(mktemp -d)}
  mkdir -p "$copy"
  git ls-files -z | xargs -0 cp --parents -t "$copy"
  echo "$copy"
}

# put_solutions_in_place COPY: puts each reference solution over its skeleton in COPY.
put_solutions_in_place() {
  cp -r solutions/task*/ "$1"/
}

# task_modules: the task modules of the registry (tasks.json), in course order, one per line.
task_modules() {
  jq -r '.tasks[].module' tasks.json
}

# task_numbers: the task numbers of the registry, in course order, one per line.
task_numbers() {
  jq -r '.tasks[].number' tasks.json
}

# task_field N FIELD: a field of Task N in the registry; studentFile is the student's file,
# relative to the root.
task_field() {
  jq -r --argjson n "$1" --arg f "$2" '.tasks[] | select(.number == $n)
    | if $f == "studentFile" then "\(.module)/src/main/java/\(.studentClass | gsub("\\."; "/")).java" else .[$f] end' tasks.json
}
