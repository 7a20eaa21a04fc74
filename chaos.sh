#!/usr/bin/env bash
# The long chaos run: shoppers against two instances of every service while processes are
# SIGKILLed and Kafka, PostgreSQL and Redis restarted on a schedule; writes docs/chaos-report.md.
# The short run (90 s) is part of ./mvnw verify and writes system-tests/target/chaos-report.md.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
	cat <<USAGE
Usage: ./chaos.sh [--minutes N] [--users N] [--fault-interval S] [--seed N] [--no-build]

  --minutes N          how long traffic and faults run (default 10)
  --users N            simulated shoppers (default 8)
  --fault-interval S   seconds between the end of one fault and the next (default 20)
  --seed N             repeat the fault plan of an earlier run (default: random, printed in the report)
  --no-build           reuse the last build instead of ./mvnw install -DskipTests

Starts its own platform on the launcher's fixed ports (8080...): stop ./run-local.sh and any
system test run first. Writes the report to docs/chaos-report.md, pass or fail.
USAGE
}

minutes=10
users=8
interval=20
seed=""
build=true
command="./chaos.sh${*:+ $*}"

number() {
	if [[ ! "${2:-}" =~ ^[1-9][0-9]*$ ]]; then
		echo "$1 needs a positive whole number, got '${2:-}'." >&2
		usage >&2
		exit 2
	fi
}

while [[ $# -gt 0 ]]; do
	case "$1" in
		--minutes) number "$1" "${2:-}"; minutes=$2; shift 2 ;;
		--users) number "$1" "${2:-}"; users=$2; shift 2 ;;
		--fault-interval) number "$1" "${2:-}"; interval=$2; shift 2 ;;
		--seed) number "$1" "${2:-}"; seed=$2; shift 2 ;;
		--no-build) build=false; shift ;;
		-h|--help) usage; exit 0 ;;
		*) echo "Unknown option: $1" >&2; usage >&2; exit 2 ;;
	esac
done

# The platform needs the launcher's fixed ports; a running ./run-local.sh holds them.
for port in 8080 8081 8082 8083 8084 8180 8181; do
	if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
		echo "Port $port is taken (is ./run-local.sh or a system test running?)." >&2
		echo "The chaos run starts a platform of its own on these ports: stop the other one first." >&2
		exit 1
	fi
done

if $build; then
	echo "Building (./mvnw -B -q install -DskipTests)"
	./mvnw -B -q install -DskipTests
fi

report="$PWD/docs/chaos-report.md"
mkdir -p docs
echo "Chaos run: $minutes min, $users users, a fault every ${interval} s; about $((minutes + 5)) minutes in all"
status=0
# Only the chaos execution of system-tests: the checker's unit tests first, then the run;
# the shared-platform system tests are skipped.
./mvnw -B -pl system-tests verify \
	-Dtest=ChaosCheckerTests -Dsurefire.failIfNoSpecifiedTests=false \
	-Dhashop.system.skip=true \
	-Dhashop.chaos.duration="PT${minutes}M" \
	-Dhashop.chaos.users="$users" \
	-Dhashop.chaos.fault-interval="PT${interval}S" \
	-Dhashop.chaos.seed="$seed" \
	-Dhashop.chaos.report="$report" \
	-Dhashop.chaos.fork-timeout=$((minutes * 60 + 900)) \
	-Dhashop.chaos.command="$command" || status=$?

if [[ -f "$report" ]]; then
	echo "Report: $report"
fi
echo "Process logs: system-tests/target/chaos-logs"
exit $status
