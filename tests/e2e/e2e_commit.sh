#!/usr/bin/env bash
# Outputs are committed in two phases: every writer finishes into its temporaries, then every
# output is renamed.  A writer failing in finish() leaves every existing file untouched, even
# those of writers that finished before it.  write-epub's split= closes each finished book, so
# the number of books is not bounded by the open-files limit.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
tmp=$(mktemp -d /tmp/galley-commit-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# ---- a later writer failing in finish() -------------------------------------------------------
echo old-a >"$tmp/a.tsv"
echo old-b >"$tmp/b.tsv"
"$g" --plugin-dir "$tp" -q run -e "test-source count=5 ! test-sink output=$tmp/a.tsv ! test-sink output=$tmp/b.tsv fail_finish=true" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "a failing finish() exited $rc, expected 2"
[ "$(cat "$tmp/a.tsv")" = old-a ] || fail "the first writer's output was replaced although the run stopped"
[ "$(cat "$tmp/b.tsv")" = old-b ] || fail "the failing writer's output was replaced"
grep -q "outputs discarded" "$tmp/err" || { cat "$tmp/err"; fail "the message does not say the outputs were discarded"; }
left=$(find "$tmp" -name '.*galley-*' | wc -l)
[ "$left" = 0 ] || { ls -la "$tmp"; fail "temporary files left behind"; }

# the same chain without the failure replaces both
"$g" --plugin-dir "$tp" -q run -e "test-source count=5 ! test-sink output=$tmp/a.tsv ! test-sink output=$tmp/b.tsv" ||
	fail "the run without failure failed"
[ "$(wc -l <"$tmp/a.tsv")" = 5 ] && [ "$(wc -l <"$tmp/b.tsv")" = 5 ] || fail "outputs not committed"

# ---- split= with more books than open files ---------------------------------------------------
(
	ulimit -n 48
	"$g" --plugin-dir "$tp" -q run --jobs 1 -e "test-source count=120 ! write-epub output=$tmp/parts/p.epub split=1 title=Parts"
) 2>"$tmp/err" || { cat "$tmp/err"; fail "split=1 over 120 articles under ulimit -n 48 failed"; }
n=$(find "$tmp/parts" -name 'p-*.epub' | wc -l)
[ "$n" = 120 ] || fail "split=1 wrote $n books, expected 120"
left=$(find "$tmp/parts" -name '.*galley-*' | wc -l)
[ "$left" = 0 ] || fail "split: $left temporaries left"
echo ok
