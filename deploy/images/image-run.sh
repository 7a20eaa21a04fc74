#!/usr/bin/env bash
# Runs a service image's Java without a container engine: unpacks every layer of IMAGE (a Jib
# buildTar tarball) into ROOTFS (the base layer from a cache, see unpack_base), then runs the
# image's entrypoint there as the image's user, with the image's environment (plus
# INTERNAL_TOKEN_SECRET, a throwaway value) and a private /proc (unshare + chroot), JAVA_OPTIONS
# inserted right after `java`. Exits with Java's status; ROOTFS is the caller's.
# Usage: deploy/images/image-run.sh IMAGE ROOTFS [JAVA_OPTIONS...]   (root: chroot and unshare)
# Used by aot-cache.sh (the training) and the images module's check that the cache is used.
set -euo pipefail

IMAGE=${1:?usage: image-run.sh IMAGE ROOTFS [JAVA_OPTIONS...]}
ROOTFS=${2:?usage: image-run.sh IMAGE ROOTFS [JAVA_OPTIONS...]}
shift 2
mkdir -p "$ROOTFS/.image"
tar --warning=no-unknown-keyword -xf "$IMAGE" -C "$ROOTFS/.image"
# The image's layers in order, then its user, environment and entrypoint (one argument a line).
spec=$(python3 - "$ROOTFS/.image" <<'PY'
import json, os, sys
image = sys.argv[1]
manifest = json.load(open(os.path.join(image, "manifest.json")))[0]
config = json.load(open(os.path.join(image, manifest["Config"])))["config"]
for layer in manifest["Layers"]:
    print("layer", os.path.join(image, layer))
print("user", config["User"])
for env in config.get("Env", []):
    print("env", env)
for arg in config["Entrypoint"]:
    print("arg", arg)
PY
)
# The first layer is the base image's (the same in every service image): unpacked once into the
# cache, then hard-linked (cp -al; nothing writes into a file of it: the app's layers only add /app,
# tar replaces an existing file by a new one, the JVM runs as the image's user and writes to /tmp).
unpack_base() {
  local layer=$1 cache key
  cache=${HASHOP_CACHE:-$HOME/.cache/hashop}/base-rootfs
  key=$(basename "$layer" | cut -c1-16)
  mkdir -p "$cache"
  if [[ ! -d "$cache/$key" ]]; then
    exec 7>"$cache/.lock"
    flock 7
    if [[ ! -d "$cache/$key" ]]; then
      find "$cache" -mindepth 1 -maxdepth 1 -type d -exec rm -rf {} +   # older bases
      mkdir "$cache/.new-$key"
      tar --numeric-owner --warning=no-unknown-keyword -xf "$layer" -C "$cache/.new-$key"
      mv "$cache/.new-$key" "$cache/$key"
    fi
    exec 7>&-
  fi
  cp -al "$cache/$key/." "$ROOTFS/"
}
entrypoint=() environment=() user="" base=true
while IFS= read -r line; do
  case $line in
    layer\ *)
      if $base; then unpack_base "${line#layer }"; base=false
      else tar --numeric-owner --warning=no-unknown-keyword -xf "${line#layer }" -C "$ROOTFS"; fi ;;
    user\ *) user=${line#user } ;;
    env\ *) environment+=("${line#env }") ;;
    arg\ *) entrypoint+=("${line#arg }") ;;
  esac
done <<<"$spec"
rm -rf "$ROOTFS/.image"
[[ ${entrypoint[0]} == java ]] || { echo "image-run.sh: the entrypoint does not start with java: ${entrypoint[*]}" >&2; exit 1; }
exec unshare --mount --pid --fork --mount-proc="$ROOTFS/proc" \
  chroot --userspec="$user" "$ROOTFS" \
  env -i "${environment[@]}" INTERNAL_TOKEN_SECRET=image-run-only-not-a-secret-0123456789abcdef \
  java "$@" "${entrypoint[@]:1}"
