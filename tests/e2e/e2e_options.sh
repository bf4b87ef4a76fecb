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
expect 2 "-e/--chain is an option of run only, not of plugins" -- "$g" plugins -e "$chain"
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

# --version: galley, the library it runs with (its SONAME) and the plugin ABI
expect 0 "plugin ABI 1." -- "$g" --version
grep -qE '^libgalley [0-9.]+, library ABI [0-9]+\.[0-9]+\.[0-9]+ \(libgalley\.so\.[0-9]+\)$' "$tmp/out" || { cat "$tmp/out"; fail "--version lacks the library"; }
so=$(sed -n 's/.*(\(libgalley\.so\.[0-9]*\))$/\1/p' "$tmp/out")
[ -e "$GALLEY_BUILD_DIR/core/$so" ] || fail "--version names $so, not in the build"

# plugins and inspect for scripts: JSON (name, kind, version, ABI, file, summary) and TSV
"$g" --plugin-dir "$tp" plugins --format=json >"$tmp/p.json" || fail "plugins --format=json failed"
python3 - "$tmp/p.json" <<'EOP' || fail "plugins --format=json is not what it should be"
import json, sys
plugins = json.load(open(sys.argv[1]))
by_name = {p["name"]: p for p in plugins}
for p in plugins:
    for k in ("name", "kind", "version", "abi", "file", "summary"):
        assert isinstance(p[k], str) and p[k], (p, k)
f = by_name["test-filter"]
assert f["kind"] == "transform" and f["abi"].count(".") == 1 and f["file"].endswith("test-filter.so"), f
EOP
"$g" --plugin-dir "$tp" inspect --format=json test-filter >"$tmp/i.json" || fail "inspect --format=json failed"
python3 - "$tmp/i.json" <<'EOP' || fail "inspect --format=json is not what it should be"
import json, sys
d = json.load(open(sys.argv[1]))
opts = {o["name"]: o for o in d["options"]}
assert opts["mode"]["choices"] == ["fast", "careful", "exact"] and opts["mode"]["default"] == "fast", opts["mode"]
assert opts["ratio"]["min"] == 0 and opts["ratio"]["max"] == 1 and opts["ratio"]["type"] == "double", opts["ratio"]
assert opts["label"]["default"] is None and not opts["label"]["required"], opts["label"]
EOP
"$g" --plugin-dir "$tp" plugins --format=tsv | awk -F '\t' '$1 == "test-sink" && NF == 6 && $2 == "writer" { ok = 1 } END { exit !ok }' ||
	fail "plugins --format=tsv"
[ "$("$g" --plugin-dir "$tp" inspect --format=tsv test-filter | awk -F '\t' '$1 == "mode" { print $4 }')" = "fast|careful|exact" ] ||
	fail "inspect --format=tsv"
expect 2 "--format takes text, json or tsv, not 'xml'" -- "$g" plugins --format=xml
expect 2 "--format is an option of plugins, inspect, help only, not of run" -- "$g" run --format=json -e x
echo "ok"
