#!/usr/bin/env bash
# A SIGINT from outside (as a user's Ctrl-C) stops the run cleanly: the output is committed with
# exactly the articles the message reports, complete lines only, and no temporary is left.
# (e2e_stop.sh covers the second signal, SIGTERM and the EPUB at chosen points of the run.)
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
tmp=$(mktemp -d /tmp/galley-atomic-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for jobs in 1 2; do
	echo "previous" >"$tmp/out.tsv"
	"$g" --plugin-dir "$tp" -q run --jobs "$jobs" -e "test-source count=100000 ! test-filter delay_us=200 ! test-sink output=$tmp/out.tsv" 2>"$tmp/err" &
	pid=$!
	sleep 1
	kill -INT "$pid"
	wait "$pid"; rc=$?
	[ "$rc" = 130 ] || fail "jobs=$jobs: interrupted run exited $rc, expected 130"
	n=$(sed -n 's/.*kept the \([0-9]*\) article.*/\1/p' "$tmp/err")
	[ -n "$n" ] || { cat "$tmp/err"; fail "jobs=$jobs: no count of the articles kept"; }
	[ "$(wc -l <"$tmp/out.tsv")" = "$n" ] || fail "jobs=$jobs: out.tsv does not hold the $n articles reported"
	awk -F'\t' 'NF != 5 { exit 1 }' "$tmp/out.tsv" || fail "jobs=$jobs: an incomplete line"
	left=$(find "$tmp" -name '.*galley-*' | wc -l)
	[ "$left" = 0 ] || { ls -la "$tmp"; fail "jobs=$jobs: temporary files left behind"; }
done
echo ok
