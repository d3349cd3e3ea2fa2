# Sourced by ./trellis, ./run-tests and .ci/run: exports JAVA_HOME pointing at a JDK 25 or newer.
# Order: $JAVA_HOME if it is 25+, then the `java` on PATH, then the JDKs installed under the usual
# roots (newest first). Fails with a clear message when none is found.

trellis_java_major() {  # prints the feature version of the JDK at $1, or nothing
  local release="$1/release"
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
  fi
}

trellis_find_jdk() {
  local candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for root in /usr/lib/jvm /usr/java /opt/java /opt "$HOME/.sdkman/candidates/java" /Library/Java/JavaVirtualMachines; do
    [ -d "$root" ] || continue
    while IFS= read -r candidate; do
      candidates+=("$candidate" "$candidate/Contents/Home")
    done < <(ls -d "$root"/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
  done
  for candidate in "${candidates[@]}"; do
    major=$(trellis_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(trellis_find_jdk); then
  echo "trellis: no JDK 25 found (looked at JAVA_HOME, the java on PATH and /usr/lib/jvm). Install a JDK 25, e.g. Temurin 25, or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
