#!/usr/bin/env bash
# Trains a service's JDK AOT cache (JEP 483/514) in its own image, for the image Jib builds next:
# runs TARGET/jib-image.tar's entrypoint (the image without the cache) in that image's root file
# system with image-run.sh, with -XX:AOTCacheOutput -Dspring.context.exit=onRefresh, and writes
# TARGET/aot/SERVICE.aot.
# Usage: deploy/images/aot-cache.sh TARGET SERVICE   (TARGET: the module's build directory)
# The cache is only valid for the same JVM build and the same class path files (paths, sizes, times):
# the next Jib build lays out the same files, so the image's JVM maps it (-XX:AOTCache=/app/SERVICE.aot).
# Without an image (the build skipped it: not root, no mmdebstrap) there is nothing to train.
set -euo pipefail

TARGET=${1:?usage: aot-cache.sh TARGET SERVICE}
SERVICE=${2:?usage: aot-cache.sh TARGET SERVICE}
IMAGE=$TARGET/jib-image.tar
OUT=$TARGET/aot/$SERVICE.aot
rm -f "$OUT"
[[ -f "$IMAGE" ]] || exit 0   # base-image.sh has said why there is no image
# An image that already carries its cache was not built again (-Djib.skip=true): nothing to train,
# and the JVM refuses -XX:AOTCacheOutput beside its -XX:AOTCache.
config=$(tar -xOf "$IMAGE" config.json)
[[ $config != *-XX:AOTCache=* ]] || exit 0

started=$(date +%s)
WORK=$(mktemp -d "$TARGET/aot-training.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# No database, broker or cache server: what would wait for one at refresh is off (Flyway's migration,
# Hibernate's JDBC metadata, Kafka's topic creation: an admin client retrying for a minute). Everything
# else is created as in the image (pools and producers connect lazily; servers and listeners start
# after the refresh, where the training stops). Flyway's classes load from the jars at run time.
training=(-XX:AOTCacheOutput=/tmp/app.aot -Dspring.context.exit=onRefresh -Dspring.flyway.enabled=false
  -Dspring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false -Dspring.kafka.admin.auto-create=false)
log=$WORK/training.log
if ! "$(dirname "$0")/image-run.sh" "$IMAGE" "$WORK/rootfs" "${training[@]}" >"$log" 2>&1 \
    || [[ ! -s "$WORK/rootfs/tmp/app.aot" ]]; then
  tail -40 "$log" >&2
  echo "aot-cache.sh: the training run of $SERVICE failed (its log's end above)" >&2
  exit 1
fi
mkdir -p "$(dirname "$OUT")"
mv "$WORK/rootfs/tmp/app.aot" "$OUT"
echo "aot cache: trained $OUT ($(du -h "$OUT" | cut -f1), $(( $(date +%s) - started )) s)"
