#!/bin/sh
# A Redis data node: primary if it is redis-node-0 and no sentinel names another primary yet, else
# a replica of the primary the sentinels name. Nothing is persisted, so a node that the sentinels
# still call primary after a quick restart (empty!) waits until they have promoted the replica,
# instead of coming back empty and having the replica resynchronise to nothing.
set -eu
me="$(hostname).redis-node"
ask_sentinels() {
  for s in 0 1 2; do
    answer=$(redis-cli -h "redis-sentinel-$s.redis-sentinel" -p 26379 --raw SENTINEL get-master-addr-by-name hashop 2>/dev/null | head -n 1 || true)
    if [ -n "$answer" ]; then echo "$answer"; return; fi
  done
}
primary=$(ask_sentinels)
if [ "$primary" = "$me" ]; then
  echo "the sentinels still name this (restarted, empty) node primary: waiting for their failover"
  sleep 15
  primary=$(ask_sentinels)
fi
set -- --port 6379 --save "" --appendonly no --maxmemory 200mb --maxmemory-policy volatile-lru \
  --replica-announce-ip "$me" --protected-mode no
if [ "$primary" = "$me" ] || { [ -z "$primary" ] && [ "$(hostname)" = "redis-node-0" ]; }; then
  # Still named primary after the wait: no replica could be promoted, its data is gone anyway.
  echo "starting as the primary (${primary:-no sentinel names one})"
  exec redis-server "$@"
fi
[ -n "$primary" ] || primary="redis-node-0.redis-node"
echo "replicating $primary"
exec redis-server "$@" --replicaof "$primary" 6379
