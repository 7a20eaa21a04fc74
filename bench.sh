#!/usr/bin/env bash
# Measures what the platform costs, each scenario's arms side by side, and writes docs/benchmarks.md:
#   ./bench.sh [--no-build] [S1 S2 ...] [--rounds N] [--seconds N] [--warm-up-limit N] [--launcher-flags] [--smoke]
# Starts the platform itself (stop ./run-local.sh first: same ports) with the images' JVM options;
# installs wrk and nginx from Debian's packages when run as root. All ten scenarios take about 30 minutes.
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${1:-}" == "--no-build" ]]; then
	shift
else
	./mvnw -q -B -DskipTests install
fi

# Any Java 17+ runs the harness; the launcher finds a JDK 21+ for the services itself.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java" >/dev/null 2>&1; then
	echo "No java found: install a JDK (17 or newer; the services need 21+) or set JAVA_HOME." >&2
	exit 1
fi

exec "$java" -jar bench/target/bench-exec.jar "$@"
