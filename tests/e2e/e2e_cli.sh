#!/usr/bin/env bash
# The command line: help, version, plugins, inspect, errors and exit statuses.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
tmp=$(mktemp -d /tmp/galley-cli-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() { # expect STATUS PATTERN -- command...
	local want=$1 pat=$2; shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
	[ "$rc" = "$want" ] || { cat "$tmp/out" "$tmp/err"; fail "$* exited $rc, expected $want"; }
	grep -qF -- "$pat" "$tmp/out" "$tmp/err" || { cat "$tmp/out" "$tmp/err"; fail "$*: no '$pat' in the output"; }
}

expect 0 "Usage: galley" -- "$g" --help
expect 0 "galley 0." -- "$g" --version
expect 2 "Usage: galley" -- "$g"
expect 2 "unknown command 'frobnicate'" -- "$g" frobnicate
expect 2 "unknown option '--frob'" -- "$g" --frob plugins
expect 2 "--jobs needs a number" -- "$g" --jobs zero plugins

# every plugin of this build is listed, each from its own module file
"$g" plugins >"$tmp/plugins" 2>"$tmp/err" || fail "galley plugins failed"
for so in "$GALLEY_BUILD_DIR"/plugins/*/*.so; do
	name=$(basename "$so" .so)
	grep -q "^$name " "$tmp/plugins" || { cat "$tmp/plugins"; fail "$name missing from galley plugins"; }
	grep -qF "($so)" "$tmp/plugins" || fail "$name not listed with its file $so"
done
# refused files are reported, not listed
"$g" --plugin-dir "$tp" plugins >"$tmp/plugins" 2>"$tmp/err"
grep -q "^test-source  *reader" "$tmp/plugins" || fail "test-source not listed"
grep -q "test-bad-abi.so: built against galley plugin ABI" "$tmp/err" || { cat "$tmp/err"; fail "ABI refusal not reported"; }
grep -q "test-no-descriptor.so' is not a galley plugin" "$tmp/err" || { cat "$tmp/err"; fail "missing descriptor not reported"; }

expect 0 "type: enum, one of: fast|careful|exact, default: fast" -- "$g" --plugin-dir "$tp" inspect test-filter
expect 0 "Runs in parallel         yes" -- "$g" --plugin-dir "$tp" inspect test-filter
expect 0 "type: path, required" -- "$g" --plugin-dir "$tp" inspect test-sink
expect 2 "no plugin named 'test-filtr' (did you mean 'test-filter'?)" -- "$g" --plugin-dir "$tp" inspect test-filtr

# pipeline errors name file:line:column and exit 2 before anything runs
printf 'test-source count=3\ntest-filter mdoe=fast\ntest-sink output=%s/x\n' "$tmp" >"$tmp/p.galley"
expect 2 "$tmp/p.galley:2:13: plugin 'test-filter' has no option 'mdoe' (did you mean 'mode'?)" -- "$g" --plugin-dir "$tp" run "$tmp/p.galley"
[ ! -e "$tmp/x" ] || fail "an invalid pipeline wrote output"
expect 2 "<command line>:1:1: no plugin named 'test-sorce' (did you mean 'test-source'?)" -- "$g" --plugin-dir "$tp" run -e "test-sorce ! test-sink output=$tmp/x"
expect 2 "cannot open '$tmp/missing.galley'" -- "$g" run "$tmp/missing.galley"
expect 2 "run needs a pipeline file" -- "$g" run

# a good run, a run with a failed article (exit 1), and --fail-fast (exit 2, nothing written)
expect 0 "3 read, 3 written, 0 dropped, 0 failed" -- "$g" --plugin-dir "$tp" run -e "test-source count=3 ! test-sink output=$tmp/ok.tsv"
[ "$(wc -l <"$tmp/ok.tsv")" = 3 ] || fail "expected 3 lines"
expect 1 "error: memory#1 (\"article 1\"): test-filter: cannot process article 1" -- "$g" --plugin-dir "$tp" run -e "test-source count=3 ! test-filter fail_at=1 ! test-sink output=$tmp/some.tsv"
[ "$(wc -l <"$tmp/some.tsv")" = 2 ] || fail "the other articles must be written"
expect 2 "stopping: --fail-fast" -- "$g" --plugin-dir "$tp" run --fail-fast -e "test-source count=3 ! test-filter fail_at=1 ! test-sink output=$tmp/ff.tsv"
[ ! -e "$tmp/ff.tsv" ] || fail "--fail-fast must not leave an output"
# run options may follow the command
printf 'test-source count=3\ntest-sink output=%s/p2.tsv\n' "$tmp" >"$tmp/p2.galley"
expect 0 "3 written" -- "$g" --plugin-dir "$tp" run "$tmp/p2.galley" --jobs 2 -v
echo "ok"
