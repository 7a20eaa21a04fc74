#!/usr/bin/env bash
# The region failover drill on one machine (issue 13, docs/runbooks/region-failover.md): region A
# (ports 28080...) serves a shopper through a client-side resolver that follows /readyz; region B
# (ports 29080...) is passive, its PostgreSQL an asynchronous streaming replica of region A's.
# Region A is killed under traffic; the drill promotes region B's database, starts region B's
# services and prints RTO (kill to the first order region B accepts) and RPO (orders region A
# had answered 201 that region B does not have) as a FIGURES line.
#   ./drill.sh [--no-build] [--traffic-seconds N]
# Needs PostgreSQL's binaries (apt-get install postgresql; not started) for the replica.
set -euo pipefail
cd "$(dirname "$0")"

build=true
traffic=20
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) build=false; shift ;;
		--traffic-seconds)
			[[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "--traffic-seconds needs a positive whole number" >&2; exit 2; }
			traffic=$2; shift 2 ;;
		-h|--help) sed -n '2,9p' "$0"; exit 0 ;;
		*) echo "Unknown option: $1 (./drill.sh [--no-build] [--traffic-seconds N])" >&2; exit 2 ;;
	esac
done

if $build; then
	./mvnw -B -q install -DskipTests
fi
status=0
./mvnw -B -pl system-tests verify -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
	-Dhashop.system.skip=true -Dhashop.failover.skip=true -Dhashop.chaos.skip=true -Dhashop.drill.skip=false \
	-Dhashop.drill.traffic="PT${traffic}S" | tee system-tests/target/drill.log || status=$?
# The test's output may go to Failsafe's report files instead of the console.
cat system-tests/target/drill.log system-tests/target/failsafe-reports-drill/*-output.txt 2>/dev/null \
	| grep -m 1 '^FIGURES region-failover-drill' || echo "No figures: see system-tests/target/drill-logs" >&2
exit $status
