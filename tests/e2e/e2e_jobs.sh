#!/usr/bin/env bash
# Outputs are identical for every --jobs: the whole chain over the samples (and, when the
# development set is present, its first 150 pages).
set -uo pipefail
g=${GALLEY_BIN:?}
src=${GALLEY_SOURCE_DIR:?}
shared=${GALLEY_SHARED_DIR:-}
tmp=$(mktemp -d /tmp/galley-jobs-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

inputs="$src/samples/html"
if [ -n "$shared" ] && [ -f "$shared/datasets/webextract-dev.tar.xz" ]; then
	mkdir -p "$tmp/dev"
	tar -xJf "$shared/datasets/webextract-dev.tar.xz" -C "$tmp/dev"
	ls "$tmp/dev/html" | sort | head -150 | sed "s|^|$tmp/dev/html/|" >"$tmp/list.txt"
	inputs="$inputs,@$tmp/list.txt"
else
	echo "note: ../shared is absent; checking the samples only"
fi
for jobs in 1 2 4; do
	"$g" -q --jobs "$jobs" run -e "read-html input=$inputs ! strip-boilerplate ! tag-attribution ! write-json output=$tmp/j$jobs.jsonl html=true ! write-epub output=$tmp/j$jobs.epub title=Jobs" ||
		[ $? = 1 ] || fail "--jobs $jobs run failed"
done
cmp "$tmp/j1.jsonl" "$tmp/j2.jsonl" || fail "JSON differs between --jobs 1 and 2"
cmp "$tmp/j1.jsonl" "$tmp/j4.jsonl" || fail "JSON differs between --jobs 1 and 4"
cmp "$tmp/j1.epub" "$tmp/j2.epub" || fail "EPUB differs between --jobs 1 and 2"
cmp "$tmp/j1.epub" "$tmp/j4.epub" || fail "EPUB differs between --jobs 1 and 4"
echo "ok: $(wc -l <"$tmp/j1.jsonl") articles, identical for --jobs 1, 2, 4"
