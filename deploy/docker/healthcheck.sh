#!/usr/bin/env bash
# healthcheck.sh PORT [PATH]: exit 0 when http://127.0.0.1:PORT/PATH answers 200.
# Only bash (its /dev/tcp) is needed: the JRE base image is not assumed to ship curl or wget.
set -u
port="${1:?usage: healthcheck.sh PORT [PATH]}"
path="${2:-/readyz}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3 || exit 1
exec 3<&-
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) echo "unhealthy: ${status%$'\r'}" >&2; exit 1 ;;
esac
