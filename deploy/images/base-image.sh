#!/usr/bin/env bash
# Builds the offline base image of every service image and links it where Jib reads it (tar://):
#   Debian bookworm minbase (mmdebstrap) + a Java runtime jlinked from the build's JDK (21 or newer)
#   in /opt/java + user and group app (10001), as one layer in a `docker save` style tarball
#   (manifest.json, config JSON, layer tar).
# Usage: deploy/images/base-image.sh LINK   (LINK: where to put a symlink to the tarball, e.g.
#        <module>/target/base-image.tar); deploy/images/base-image.sh --print-key prints the cache key.
# Cache: ${HASHOP_CACHE:-~/.cache/hashop}/base-image/<key>.tar, the key a hash of this script, the JDK's
# release file and the Debian suite: a second run, and every other service, reuses it in well under a
# second. Package updates of the suite do not change the key: delete the cache directory to refresh them.
# JDK: $IMAGE_JDK, else the newest JDK 21+ under /usr/lib/jvm, /opt/java or $JAVA_HOME (the same
# kind of search as the root pom's enforcer rule).
# Where the image cannot be built (not root, no mmdebstrap), it prints one sentence and creates no link,
# so Jib skips the module's image; with CI=true that is an error.
set -euo pipefail

SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
# A fixed time for the layer's files and the image's creation date: the same inputs give the same layer.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1700000000}
# What a Spring Boot service needs of the JDK (java.desktop: java.beans; jdk.unsupported: Netty,
# Kafka; jdk.crypto.ec only exists before JDK 24), plus jcmd for operators.
MODULES="java.base java.compiler java.desktop java.instrument java.management java.naming java.net.http
java.prefs java.rmi java.scripting java.security.jgss java.security.sasl java.sql java.transaction.xa java.xml
jdk.charsets jdk.crypto.cryptoki jdk.crypto.ec jdk.jcmd jdk.jfr jdk.management
jdk.management.agent jdk.management.jfr jdk.naming.dns jdk.net jdk.security.auth jdk.unsupported jdk.zipfs"

find_jdk() {
  if [[ -n "${IMAGE_JDK:-}" ]]; then echo "$IMAGE_JDK"; return; fi
  local best="" best_version=0 dir version
  for dir in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/*; do
    [[ -x "$dir/bin/jlink" && -f "$dir/release" ]] || continue
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release")
    if [[ -n "$version" && "$version" -ge 21 && "$version" -gt "$best_version" ]]; then best=$dir; best_version=$version; fi
  done
  [[ -n "$best" ]] || { echo "base-image.sh: no JDK 21 or newer with jlink found (set IMAGE_JDK)" >&2; exit 1; }
  echo "$best"
}

JDK=$(find_jdk)
KEY=$( { cat "$0"; cat "$JDK/release"; echo "$SUITE $MIRROR $SOURCE_DATE_EPOCH"; } | sha256sum | cut -c1-16)
if [[ "${1:-}" == "--print-key" ]]; then echo "$KEY"; exit 0; fi
LINK=${1:?usage: base-image.sh LINK}
CACHE=${HASHOP_CACHE:-$HOME/.cache/hashop}/base-image
TAR=$CACHE/$KEY.tar

link() { mkdir -p "$(dirname "$LINK")"; ln -sfn "$TAR" "$LINK"; }
if [[ -f "$TAR" ]]; then link; echo "base image: cached $TAR"; exit 0; fi

why=""
if [[ $(id -u) != 0 ]]; then why="it needs root (mmdebstrap --mode=root)"
elif ! command -v mmdebstrap >/dev/null; then why="mmdebstrap is not installed (apt-get install -y mmdebstrap)"
fi
if [[ -n "$why" ]]; then
  rm -f "$LINK" "$(dirname "$LINK")/jib-image.tar"   # no stale image for the check to pass on
  if [[ "${CI:-}" == "true" ]]; then echo "base-image.sh: cannot build the base image: $why." >&2; exit 1; fi
  echo "Skipping the service images: the offline base image cannot be built here because $why; CI builds them."
  exit 0
fi

mkdir -p "$CACHE"
exec 8>"$CACHE/.lock"
flock 8   # parallel module builds (-T) wait for the first one
if [[ -f "$TAR" ]]; then link; echo "base image: cached $TAR"; exit 0; fi

WORK=$(mktemp -d "$CACHE/build.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
started=$(date +%s)
available=$("$JDK/bin/java" --list-modules | sed 's/@.*//')
wanted=$(for m in $MODULES; do grep -qx "$m" <<<"$available" && echo "$m"; done | paste -sd,)
"$JDK/bin/jlink" --add-modules "$wanted" --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$WORK/jre" >/dev/null
mmdebstrap --quiet --mode=root --variant=minbase --format=tar \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/info/*' \
  --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' \
  --customize-hook="cp -a '$WORK/jre' \"\$1/opt/java\"" \
  --customize-hook='chroot "$1" groupadd --system --gid 10001 app' \
  --customize-hook='chroot "$1" useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin app' \
  --customize-hook='rm -rf "$1"/var/cache/apt/* "$1"/var/lib/apt/lists/* "$1"/var/log/*' \
  "$SUITE" "$WORK/rootfs.tar" "$MIRROR"

# docker save layout: <diff id>/layer.tar, <config digest>.json, manifest.json.
python3 - "$WORK" "$KEY" "$(sed -n 's/^JAVA_RUNTIME_VERSION="\(.*\)"/\1/p' "$JDK/release")" <<'PY'
import hashlib, json, os, sys, tarfile, time
work, key, java_version = sys.argv[1:]
epoch = int(os.environ["SOURCE_DATE_EPOCH"])
layer = os.path.join(work, "rootfs.tar")
h = hashlib.sha256()
with open(layer, "rb") as f:
    for chunk in iter(lambda: f.read(1 << 20), b""):
        h.update(chunk)
diff_id = h.hexdigest()
created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))
config = {
    "architecture": "amd64", "os": "linux", "created": created,
    "config": {
        "User": "10001:10001",
        "Env": ["PATH=/opt/java/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "JAVA_HOME=/opt/java", "LANG=C.UTF-8", "JAVA_VERSION=" + java_version],
        "Labels": {"org.opencontainers.image.description": "hashop base: Debian bookworm minbase, jlinked Java " + java_version + ", user app (10001)"},
    },
    "rootfs": {"type": "layers", "diff_ids": ["sha256:" + diff_id]},
    "history": [{"created": created, "created_by": "deploy/images/base-image.sh (mmdebstrap minbase bookworm, jlink)"}],
}
config_bytes = json.dumps(config, sort_keys=True).encode()
config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
manifest = json.dumps([{"Config": config_name, "RepoTags": ["hashop/base:" + key], "Layers": [diff_id + "/layer.tar"]}]).encode()
out = os.path.join(work, "image.tar")
with tarfile.open(out, "w", format=tarfile.PAX_FORMAT) as t:
    def add_bytes(name, data):
        info = tarfile.TarInfo(name); info.size = len(data); info.mtime = epoch
        import io; t.addfile(info, io.BytesIO(data))
    add_bytes(config_name, config_bytes)
    info = t.gettarinfo(layer, arcname=diff_id + "/layer.tar"); info.mtime = epoch; info.uid = info.gid = 0; info.uname = info.gname = ""
    with open(layer, "rb") as f:
        t.addfile(info, f)
    add_bytes("manifest.json", manifest)
PY
mv "$WORK/image.tar" "$TAR"
# Older keys are other JDKs or older versions of this script.
find "$CACHE" -maxdepth 1 -name '*.tar' ! -name "$KEY.tar" -delete
link
echo "base image: built $TAR ($(du -h "$TAR" | cut -f1), Java $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$JDK/release"), $(( $(date +%s) - started )) s)"
