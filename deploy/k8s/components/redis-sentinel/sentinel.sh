#!/bin/sh
# A sentinel: monitors the primary that another sentinel already knows, else redis-node-0. Its
# configuration is written to /data, where Sentinel rewrites it with what it learns.
set -eu
primary="redis-node-0.redis-node"
for s in 0 1 2; do
  answer=$(redis-cli -h "redis-sentinel-$s.redis-sentinel" -p 26379 --raw SENTINEL get-master-addr-by-name hashop 2>/dev/null | head -n 1 || true)
  if [ -n "$answer" ]; then primary="$answer"; break; fi
done
cat > /data/sentinel.conf <<CONF
port 26379
protected-mode no
sentinel resolve-hostnames yes
sentinel announce-hostnames yes
sentinel announce-ip $(hostname).redis-sentinel
sentinel monitor hashop $primary 6379 2
sentinel down-after-milliseconds hashop 5000
sentinel failover-timeout hashop 20000
sentinel parallel-syncs hashop 1
CONF
echo "monitoring $primary"
exec redis-server /data/sentinel.conf --sentinel
