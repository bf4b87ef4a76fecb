#!/usr/bin/env bash
# Pipeline parameters (-D NAME=VALUE, ${NAME}, ${NAME:-default}, ${env:NAME}), relative paths
# resolved from the pipeline file's folder, and file names with spaces, quotes and '!' passed
# through xargs -0 untouched (values are never parsed as pipeline syntax); @- reads the list of
# inputs from standard input.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
tmp=$(mktemp -d /tmp/galley-params-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
expect() { # expect STATUS PATTERN -- command...
	local want=$1 pat=$2; shift 3
	"$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
	[ "$rc" = "$want" ] || { cat "$tmp/out" "$tmp/err"; fail "$* exited $rc, expected $want"; }
	grep -qF -- "$pat" "$tmp/out" "$tmp/err" || { cat "$tmp/out" "$tmp/err"; fail "$*: no '$pat' in the output"; }
}
article() { # article FILE TITLE: a short scraped-text article
	printf '%s\n\nThe first paragraph of the article, long enough to be kept as text.\n\nA second one follows it.\n' "$2" >"$1"
}

# ---- -D, defaults, the environment only through ${env:NAME} ----
printf 'test-source count=${n:-2}\ntest-sink output=${out}\n' >"$tmp/p.galley"
expect 0 "3 read, 3 written" -- "$g" --plugin-dir "$tp" run "$tmp/p.galley" -D n=3 -D out="$tmp/a.tsv"
[ "$(wc -l <"$tmp/a.tsv")" = 3 ] || fail "-D n=3 did not give 3 articles"
expect 0 "2 read, 2 written" -- "$g" --plugin-dir "$tp" run "$tmp/p.galley" --set out="$tmp/b.tsv"
expect 0 "4 read" -- "$g" --plugin-dir "$tp" run "$tmp/p.galley" -Dn=1 -D n=4 -D "out=$tmp/c.tsv"
expect 2 "$tmp/p.galley:2:18: parameter 'out' is not set; give it with -D out=VALUE" -- \
	"$g" --plugin-dir "$tp" run "$tmp/p.galley"
# the environment is not a fallback for ${NAME}...
expect 2 "parameter 'out' is not set" -- env out="$tmp/d.tsv" "$g" --plugin-dir "$tp" run "$tmp/p.galley"
# ...only ${env:NAME} reads it
printf 'test-source count=1\ntest-sink output=${env:GALLEY_TEST_OUT}\n' >"$tmp/env.galley"
expect 0 "1 written" -- env GALLEY_TEST_OUT="$tmp/e.tsv" "$g" --plugin-dir "$tp" run "$tmp/env.galley"
[ -s "$tmp/e.tsv" ] || fail "\${env:NAME} did not read the environment"
expect 2 "parameter 'GALLEY_TEST_OUT' is not set; give it with the environment variable" -- \
	env -u GALLEY_TEST_OUT "$g" --plugin-dir "$tp" run "$tmp/env.galley"
expect 2 "parameter 'nn' is given (-D nn=...) but the pipeline never uses it" -- \
	"$g" --plugin-dir "$tp" run "$tmp/p.galley" -D out="$tmp/f.tsv" -D nn=3
expect 2 "parameter '1x=2' is not NAME=VALUE" -- "$g" --plugin-dir "$tp" run "$tmp/p.galley" -D 1x=2
printf 'test-source count=${n\ntest-sink output=x\n' >"$tmp/bad.galley"
expect 2 "bad.galley:1:19: '\${' starts a parameter" -- "$g" --plugin-dir "$tp" run "$tmp/bad.galley"
# in -e chains too; single quotes keep '${' as text
expect 0 "2 written" -- "$g" --plugin-dir "$tp" run -e 'test-source count=${n} ! test-sink output=${o}' -D n=2 -D o="$tmp/g.tsv"
expect 0 "1 written" -- "$g" --plugin-dir "$tp" run -e "test-source count=1 ! test-sink output='$tmp/\${h}.tsv'"
[ -f "$tmp/\${h}.tsv" ] || fail "single quotes must keep \${h} as text"
# a value is never parsed as pipeline syntax: '=', '!', '#' and quotes in it stay in the value
expect 0 "1 written" -- "$g" --plugin-dir "$tp" run -e 'test-source count=1 ! test-sink output=${o}' -D o="$tmp/x=1 ! y #'\".tsv"
[ -f "$tmp/x=1 ! y #'\".tsv" ] || fail "a value with = ! # and quotes was re-parsed"
expect 2 "expected key=value" -- "$g" --plugin-dir "$tp" run -e 'test-source ${kv} ! test-sink output=x' -D kv=count=1

# ---- relative paths resolve from the pipeline file's folder, -D values from the current one ----
mkdir -p "$tmp/proj/pipelines" "$tmp/proj/data" "$tmp/elsewhere/mine"
article "$tmp/proj/data/one.txt" "Folder title"
article "$tmp/elsewhere/mine/two.txt" "Current title"
printf 'read-text input=${input:-../data/one.txt}\nwrite-json output=${out:-../out}/a.jsonl\n' >"$tmp/proj/pipelines/p.galley"
(cd "$tmp/elsewhere" && "$g" -q run ../proj/pipelines/p.galley) || fail "relative paths from the file's folder"
grep -q '"Folder title"' "$tmp/proj/out/a.jsonl" || fail "input= did not resolve from the pipeline's folder"
(cd "$tmp/elsewhere" && "$g" -q run "$tmp/proj/pipelines/p.galley" -D input=mine/two.txt -D out=mine) ||
	fail "-D values from the current directory"
grep -q '"Current title"' "$tmp/elsewhere/mine/a.jsonl" || fail "-D paths did not resolve from the current directory"
# -e chains resolve from the current directory, as before
(cd "$tmp/proj/data" && "$g" -q run -e 'read-text input=one.txt ! write-json output=e.jsonl') || fail "-e relative"
[ -s "$tmp/proj/data/e.jsonl" ] || fail "-e output not relative to the current directory"

# ---- file names with spaces, quotes and '!' through xargs -0 ----
mkdir -p "$tmp/names" "$tmp/res"
names=("a b.txt" "it's.txt" 'say "hi".txt' "wow!.txt" "x ! read-text input=y.txt" "\${n}.txt" "two  spaces .txt")
i=0
for n in "${names[@]}"; do
	article "$tmp/names/$n" "Title $i"
	i=$((i + 1))
done
printf 'read-text input=${input}\nwrite-json output=${out}\n' >"$tmp/one.galley"
(cd "$tmp/names" && printf '%s\0' "${names[@]}" |
	xargs -0 -I{} "$g" -q run "$tmp/one.galley" -D input={} -D out="$tmp/res/{}.jsonl") ||
	fail "xargs -0 runs failed"
i=0
for n in "${names[@]}"; do
	grep -q "\"Title $i\"" "$tmp/res/$n.jsonl" || fail "'$n' did not go through untouched"
	i=$((i + 1))
done

# ---- @- : the list of inputs on standard input, one a line or NUL-separated ----
(cd "$tmp/names" && printf '%s\0' "${names[@]}" | "$g" -q run "$tmp/one.galley" -D input=@- -D out="$tmp/res/all0.jsonl") ||
	fail "@- with NUL-separated names"
[ "$(wc -l <"$tmp/res/all0.jsonl")" = "${#names[@]}" ] || fail "@- (NUL) did not read every name"
(cd "$tmp/names" && printf '%s\n' "a b.txt" "wow!.txt" | "$g" -q run -e 'read-text input=@- ! write-json output=-' >"$tmp/res/lines.jsonl") ||
	fail "@- with one name a line"
[ "$(wc -l <"$tmp/res/lines.jsonl")" = 2 ] || fail "@- (lines) did not read both names"
echo "ok"
