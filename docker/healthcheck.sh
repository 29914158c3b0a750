#!/usr/bin/env bash
# healthcheck.sh PORT PATH: exits 0 when http://127.0.0.1:PORT/PATH answers 200. Plain bash (/dev/tcp), because the
# runtime image carries no curl or wget.
set -euo pipefail
port="$1"
path="${2:-/}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
[[ "$status" == HTTP/1.[01]\ 200* ]]
