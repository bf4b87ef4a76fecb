#!/usr/bin/env bash
# An interrupted run leaves no temporary file and keeps the previous output.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
tmp=$(mktemp -d /tmp/galley-atomic-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for jobs in 1 2; do
	echo "previous" >"$tmp/out.tsv"
	"$g" --plugin-dir "$tp" -q run --jobs "$jobs" -e "test-source count=100000 ! test-filter delay_us=200 ! test-sink output=$tmp/out.tsv" &
	pid=$!
	sleep 1
	kill -INT "$pid"
	wait "$pid"; rc=$?
	[ "$rc" = 130 ] || fail "jobs=$jobs: interrupted run exited $rc, expected 130"
	[ "$(cat "$tmp/out.tsv")" = previous ] || fail "jobs=$jobs: the previous output was touched"
	left=$(find "$tmp" -name '.*galley-*' | wc -l)
	[ "$left" = 0 ] || { ls -la "$tmp"; fail "jobs=$jobs: temporary files left behind"; }
done
echo ok
