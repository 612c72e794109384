# Shared by the submit/ scripts: project root, the application jar, Java 17 flags for Spark.
# shellcheck shell=bash
OPENOCR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OPENOCR_JAR="$OPENOCR_ROOT/target/openocr-app.jar"
OPENOCR_CP_FILE="$OPENOCR_ROOT/target/classpath.txt"

# Module flags Spark 3.5 needs on Java 17 (same list as spark.jvm.flags in pom.xml).
SPARK_JAVA17_FLAGS="-XX:+IgnoreUnrecognizedVMOptions \
--add-opens=java.base/java.lang=ALL-UNNAMED \
--add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED \
--add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED \
--add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED \
--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED \
--add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens=java.base/sun.nio.cs=ALL-UNNAMED \
--add-opens=java.base/sun.security.action=ALL-UNNAMED \
--add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED \
-Djdk.reflect.useDirectMethodHandle=false"

# Builds target/openocr-app.jar when it is missing or older than any source file or the pom.
openocr_build_if_stale() {
  # OPENOCR_NO_BUILD=1: use the jar as it is (benchmarks build once, then time runs)
  [[ -n ${OPENOCR_NO_BUILD:-} && -f "$OPENOCR_JAR" ]] && return 0
  local stale=0
  if [[ ! -f "$OPENOCR_JAR" || ! -f "$OPENOCR_CP_FILE" ]]; then
    stale=1
  elif [[ -n "$(find "$OPENOCR_ROOT/src/main" "$OPENOCR_ROOT/pom.xml" -newer "$OPENOCR_JAR" \
      -type f -print -quit)" ]]; then
    stale=1
  fi
  if [[ $stale == 1 ]]; then
    echo "openocr: building $OPENOCR_JAR ..." >&2
    (cd "$OPENOCR_ROOT" && { mvn -q -B -o -DskipTests package || mvn -q -B -DskipTests package; })
  fi
}
