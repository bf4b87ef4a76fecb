#!/usr/bin/env bash
# The main job end to end: the bundled pipelines over samples/, as `make run` runs them.
set -uo pipefail
g=${GALLEY_BIN:?}
src=${GALLEY_SOURCE_DIR:?}
tmp=$(mktemp -d /tmp/galley-main-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# the pipelines write to out/ relative to the working directory, and read samples/
mkdir -p "$tmp/work"
ln -s "$src/samples" "$tmp/work/samples"
cd "$tmp/work" || exit 1
"$g" run samples/pipelines/news-to-epub.galley 2>"$tmp/err1" || { cat "$tmp/err1"; fail "news-to-epub failed"; }
"$g" run samples/pipelines/scraped-text.galley 2>"$tmp/err2" || { cat "$tmp/err2"; fail "scraped-text failed"; }
"$g" run samples/pipelines/html-to-jsonl.galley 2>"$tmp/err3" || { cat "$tmp/err3"; fail "html-to-jsonl failed"; }

pages=$(find "$src/samples/html" -name '*.html' | wc -l)
[ "$(wc -l <out/articles.jsonl)" = "$pages" ] || fail "expected $pages articles in out/articles.jsonl"
[ -s out/articles.epub ] || fail "no EPUB"
[ -s out/scraped-article.json ] || fail "no JSON for the scraped text"
# every article has a title and main text, and nothing is left as a temporary file
while IFS= read -r line; do
	case $line in
	*'"title":"'*) ;;
	*) fail "an article without a title: ${line:0:200}" ;;
	esac
	case $line in
	*'"text":""'* | *'"text":null'*) fail "an article without text: ${line:0:200}" ;;
	esac
done <out/articles.jsonl
[ -z "$(find out -name '.*galley-*')" ] || fail "temporary files left in out/"
# every JSON output is valid against docs/article.schema.json
python3 "$src/tests/e2e/validate-json.py" out/articles.jsonl out/scraped-article.json out/main-text.jsonl ||
	fail "JSON outputs do not validate against the schema"
# the summary line says what happened
grep -q "^galley: $pages read, $pages written, 0 dropped, 0 failed" "$tmp/err1" || { cat "$tmp/err1"; fail "unexpected summary"; }
echo ok
