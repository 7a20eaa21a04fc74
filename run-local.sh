#!/usr/bin/env bash
# Builds the platform and runs it locally: ./run-local.sh [--no-build] [--smoke]
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${1:-}" == "--no-build" ]]; then
	shift
else
	./mvnw -q -B -DskipTests install
fi

# Any Java 17+ runs the launcher; it finds a JDK 21+ for the services itself.
if [[ -n "${JAVA_HOME:-}" ]]; then
	java="$JAVA_HOME/bin/java"
	if [[ ! -x "$java" ]]; then
		echo "JAVA_HOME is set to $JAVA_HOME, but $java is not an executable: fix or unset JAVA_HOME." >&2
		exit 1
	fi
elif command -v java >/dev/null 2>&1; then
	java="java"
else
	echo "No java found: install a JDK (17 or newer; the services need 21+) or set JAVA_HOME." >&2
	exit 1
fi

exec "$java" -jar launcher/target/launcher-exec.jar "$@"
