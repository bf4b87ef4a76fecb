#!/usr/bin/env bash
# Command-line conventions: GNU-style options (bundled -vq, attached -j4, --opt=value and
# --opt value before or after the command, `--` ends the options), `galley help [COMMAND|PLUGIN]`
# and `galley COMMAND --help`.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
tmp=$(mktemp -d /tmp/galley-options-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() { # expect STATUS PATTERN -- command...
	local want=$1 pat=$2; shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
	[ "$rc" = "$want" ] || { cat "$tmp/out" "$tmp/err"; fail "$* exited $rc, expected $want"; }
	grep -qF -- "$pat" "$tmp/out" "$tmp/err" || { cat "$tmp/out" "$tmp/err"; fail "$*: no '$pat' in the output"; }
}
refute() { # refute PATTERN -- command...: exit 0 and PATTERN nowhere in the output
	local pat=$1; shift 2
	"$@" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/out" "$tmp/err"; fail "$* failed"; }
	! grep -qF -- "$pat" "$tmp/out" "$tmp/err" || { cat "$tmp/out" "$tmp/err"; fail "$*: '$pat' in the output"; }
}
chain="test-source count=3 ! test-filter drop_every=2 ! test-sink output=$tmp/o.tsv"
summary="3 read, 1 written, 2 dropped"

# every spelling of --plugin-dir and --jobs, before and after the command
for form in "--plugin-dir $tp" "--plugin-dir=$tp" "--plugin=$tp"; do
	# shellcheck disable=SC2086
	expect 0 "$summary" -- "$g" $form run -e "$chain"
	# shellcheck disable=SC2086
	expect 0 "$summary" -- "$g" run -e "$chain" $form
done
for form in "-j2" "-j 2" "--jobs=2" "--jobs 2" "-vj2"; do
	# shellcheck disable=SC2086
	expect 0 "$summary" -- "$g" --plugin-dir "$tp" $form run -e "$chain"
	# shellcheck disable=SC2086
	expect 0 "$summary" -- "$g" --plugin-dir "$tp" run $form -e "$chain"
done
expect 0 "$summary" -- "$g" --plugin-dir "$tp" run "-e$chain"
expect 0 "$summary" -- "$g" --plugin-dir "$tp" run --chain="$chain"
# -v reports the drop, -q silences the summary, bundled and repeated forms count
expect 0 "dropped: memory#0" -- "$g" --plugin-dir "$tp" -vv run -e "$chain"
refute "$summary" -- "$g" --plugin-dir "$tp" run -q -e "$chain"
refute "$summary" -- "$g" --plugin-dir "$tp" run -qqv -e "$chain"
expect 0 "$summary" -- "$g" --plugin-dir "$tp" run -qv -e "$chain"
refute "dropped: memory#" -- "$g" --plugin-dir "$tp" run -qv -e "$chain"

# `--` ends the options: a pipeline file whose name starts with '-'
printf 'test-source count=2\ntest-sink output=%s/dash.tsv\n' "$tmp" >"$tmp/-v.galley"
(cd "$tmp" && "$g" --plugin-dir "$tp" -q run -- -v.galley) || fail "run -- -v.galley failed"
[ "$(wc -l <"$tmp/dash.tsv")" = 2 ] || fail "run -- FILE did not run FILE"
expect 2 "unknown option '-.'" -- "$g" --plugin-dir "$tp" run -v.galley

# refusals name the option and exit 2
expect 2 "unknown option '--frob'" -- "$g" --frob=1 plugins
expect 2 "unknown option '-x'" -- "$g" -vx plugins
expect 2 "--jobs needs a number from 1 to 256, not '0'" -- "$g" -j0 plugins
expect 2 "--jobs needs a number from 1 to 256, not '4x'" -- "$g" run --jobs=4x -e "$chain"
expect 2 "-e/--chain needs a value" -- "$g" run -e
expect 2 "--fail-fast takes no value" -- "$g" --fail-fast=yes run -e "$chain"
expect 2 "-e/--chain is an option of 'galley run', not of 'galley plugins'" -- "$g" plugins -e "$chain"
expect 2 "run takes one pipeline" -- "$g" --plugin-dir "$tp" run -e "$chain" -e "$chain"
expect 2 "run takes one pipeline" -- "$g" --plugin-dir "$tp" run "$tmp/-v.galley" -e "$chain"

# help: overview, per command (two spellings, same text), per plugin, unknown names
expect 0 "Usage: galley [OPTIONS] COMMAND" -- "$g" help
expect 0 "Usage: galley [OPTIONS] COMMAND" -- "$g" -h
for c in run plugins inspect help; do
	"$g" help "$c" >"$tmp/h1" || fail "galley help $c failed"
	"$g" "$c" --help >"$tmp/h2" || fail "galley $c --help failed"
	"$g" --plugin-dir "$tp" "$c" -h >"$tmp/h3" || fail "galley $c -h failed"
	grep -q "^Usage: galley \[OPTIONS\] $c" "$tmp/h1" || { cat "$tmp/h1"; fail "help $c: no usage line"; }
	cmp -s "$tmp/h1" "$tmp/h2" && cmp -s "$tmp/h1" "$tmp/h3" || fail "help $c and $c --help differ"
done
expect 0 "-e, --chain CHAIN" -- "$g" run --help
expect 0 "-j, --jobs N" -- "$g" run --help
expect 0 "type: enum, one of: fast|careful|exact, default: fast" -- "$g" --plugin-dir "$tp" help test-filter
expect 2 "'nope' is neither a command" -- "$g" help nope
expect 2 "help takes one command or plugin name" -- "$g" help run plugins
echo "ok"
