#!/usr/bin/env bash
# Builds the platform and runs it locally, supervised:
#   ./run-local.sh [--no-build] [--smoke] [--redis-sentinel] [--monitoring] [--replicas N] [--replicas <service>=N]
#     --redis-sentinel  Redis as a primary, a replica and three sentinels (ports 16379-16383)
#     --monitoring      also Prometheus (when installed: apt-get install prometheus) on 127.0.0.1:9090,
#                       scraping every instance, with deploy/prometheus/alerts.yml
#   ./run-local.sh status     each instance's state, restarts and last exit
set -euo pipefail
cd "$(dirname "$0")"

if [[ "${1:-}" == "status" ]]; then
	status=.platform/status
	if [[ ! -f "$status" ]]; then
		echo "No status yet: start the platform with ./run-local.sh first." >&2
		exit 1
	fi
	pid=$(sed -n '1s/^launcher pid \([0-9]*\).*/\1/p' "$status")
	if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
		echo "(the launcher, pid $pid, is no longer running: this is the last status it wrote)"
	fi
	cat "$status"
	exit 0
fi

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
