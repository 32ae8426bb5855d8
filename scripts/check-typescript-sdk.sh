#!/usr/bin/env bash
# Starts a docchat server on a fresh data directory with an access key and drives it through the official Alibaba
# Cloud TypeScript runtimes (installed from npm into a temporary directory). Needs Node.js and npm; not part of CI.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
port=${PORT:-18180}
server_pid=
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export DOCCHAT_HOME="$work/home"

(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund \
  @alicloud/openapi-client@0.4.15 @alicloud/tea-util @alicloud/openapi-core@1.0.8 >/dev/null)
cp "$root/scripts/sdk-check/typescript-runtime.js" "$work/"

keys=$("$root/docchat" keys create)
key_id=$(printf '%s\n' "$keys" | sed -n 's/.*AccessKeyId: *//p')
secret=$(printf '%s\n' "$keys" | sed -n 's/.*AccessKeySecret: *//p')
printf 'The ZX-9 pump delivers 30 cubic metres per hour. It costs 1,200 euros.\n' > "$work/zx9.txt"
"$root/docchat" ingest "$work/zx9.txt" --folder manuals >/dev/null

java -jar "$(ls "$root"/app-cli/target/docchat-app-cli-*-all.jar)" serve --port "$port" > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.2; done

(cd "$work" && node typescript-runtime.js "127.0.0.1:$port" "$key_id" "$secret")
