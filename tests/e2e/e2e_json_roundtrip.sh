#!/usr/bin/env bash
# write-json and read-json through the galley binary: byte-identical round trips (JSON Lines,
# arrays, with and without html), invalid lines named and counted, hostile bytes, output to
# standard output and input from standard input, determinism across --jobs, and every JSON file
# written here validated against docs/article.schema.json.
set -euo pipefail

G=${GALLEY_BIN:?GALLEY_BIN not set}
SRC=${GALLEY_SOURCE_DIR:?GALLEY_SOURCE_DIR not set}
FIX=$SRC/tests/fixtures/json
VALIDATE=$SRC/tests/e2e/validate-json.py
T=$(mktemp -d /tmp/galley-e2e-json-XXXXXX)
trap 'rm -rf "$T"' EXIT

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# Validate JSON files against the schema; a missing validator module is a failure, not a skip.
validate() {
	local rc=0
	python3 "$VALIDATE" "$@" || rc=$?
	if [ "$rc" -eq 3 ]; then
		fail "python3-jsonschema is missing (build-aux/debian-packages.txt)"
	elif [ "$rc" -ne 0 ]; then
		fail "schema validation of $*"
	fi
}

run() { "$G" -q run -e "$1"; }

# 1. The canonical fixture comes back byte for byte.
run "read-json input=$FIX/articles.jsonl ! write-json output=$T/rt.jsonl html=true explain=true"
cmp "$FIX/articles.jsonl" "$T/rt.jsonl" && ok "fixture round trip (html)" || fail "fixture round trip differs"
validate "$T/rt.jsonl"

# 2. JSON Lines -> array -> JSON Lines.
run "read-json input=$FIX/articles.jsonl ! write-json output=$T/arr.json format=array html=true explain=true"
head -c 2 "$T/arr.json" | grep -q '^\[' || fail "format=array does not start with ["
run "read-json input=$T/arr.json ! write-json output=$T/back.jsonl html=true explain=true"
cmp "$FIX/articles.jsonl" "$T/back.jsonl" && ok "array round trip" || fail "array round trip differs"
run "read-json input=$T/arr.json ! write-json output=$T/arr2.json format=array html=true explain=true"
cmp "$T/arr.json" "$T/arr2.json" && ok "array to array" || fail "array to array differs"
validate "$T/arr.json" "$T/back.jsonl"

# 3. Without html: the body is rebuilt from text, and text comes back the same.
run "read-json input=$FIX/articles.jsonl ! write-json output=$T/plain1.jsonl"
run "read-json input=$T/plain1.jsonl ! write-json output=$T/plain2.jsonl"
cmp "$T/plain1.jsonl" "$T/plain2.jsonl" && ok "text-only round trip" || fail "text-only round trip differs"
validate "$T/plain1.jsonl"

# 4. Standard output and standard input.
run "read-json input=$FIX/articles.jsonl ! write-json output=- html=true explain=true" > "$T/stdout.jsonl"
cmp "$FIX/articles.jsonl" "$T/stdout.jsonl" && ok "output=-" || fail "output=- differs"
"$G" -q run -e "read-json input=- ! write-json output=$T/stdin.jsonl html=true explain=true" < "$FIX/articles.jsonl"
# read from standard input, the location of articles that carry one is kept
cmp "$FIX/articles.jsonl" "$T/stdin.jsonl" && ok "input=-" || fail "input=- differs"

# 4b. Through the collection layer: a directory of .jsonl files, and a compressed file.
mkdir -p "$T/dir/sub"
cp "$FIX/articles.jsonl" "$T/dir/a.jsonl"
cp "$FIX/articles.jsonl" "$T/dir/sub/b.ndjson"
echo "not an article" > "$T/dir/notes.txt"
run "read-json input=$T/dir ! write-json output=$T/dir.jsonl html=true explain=true"
n=$(wc -l < "$T/dir.jsonl")
[ "$n" -eq 6 ] && ok "directory input" || fail "directory input: $n articles, expected 6"
gzip -c "$FIX/articles.jsonl" > "$T/articles.jsonl.gz"
run "read-json input=$T/articles.jsonl.gz ! write-json output=$T/gz.jsonl html=true explain=true"
cmp "$FIX/articles.jsonl" "$T/gz.jsonl" && ok ".jsonl.gz input" || fail ".jsonl.gz round trip differs"

# 5. Invalid lines: each named by its line, counted, the rest read; exit status 1.
rc=0
"$G" run -e "read-json input=$FIX/invalid.jsonl ! write-json output=$T/inv.jsonl" 2> "$T/inv.err" || rc=$?
[ "$rc" -eq 1 ] || fail "invalid lines: exit status $rc, expected 1"
n=$(wc -l < "$T/inv.jsonl")
[ "$n" -eq 3 ] && ok "invalid lines skipped, 3 good read" || fail "invalid lines: $n articles written, expected 3"
for want in "line 2" "line 3: title must be a string" "line 5: an article must be a JSON object" \
	"line 7: quotes\[0\].paragraph must be an integer"; do
	grep -q "$want" "$T/inv.err" || fail "no '$want' in the messages: $(cat "$T/inv.err")"
done
grep -q "skipped: invalid JSON: 1" "$T/inv.err" || fail "bad lines are not counted: $(cat "$T/inv.err")"
validate "$T/inv.jsonl"

# 6. Hostile bytes: invalid UTF-8 and control characters never reach the output.
printf '{"id":"h1","title":"bad \xff\xfe bytes \\u0007 bell","text":"para \xc3\x28 one\\u0000\\n\\npara \xed\xa0\x80 two","authors":["\x80x"]}\n' > "$T/hostile.jsonl"
printf '{"id":"h2","html":"<p>\\u001b[31mred\\u001b[0m \xf8\x88\x80\x80\x80</p><script>x</script>"}\n' >> "$T/hostile.jsonl"
run "read-json input=$T/hostile.jsonl ! write-json output=$T/hostile-out.jsonl html=true"
n=$(wc -l < "$T/hostile-out.jsonl")
[ "$n" -eq 2 ] && ok "hostile bytes read" || fail "hostile: $n articles, expected 2"
if LC_ALL=C grep -qP '[\x00-\x09\x0b-\x1f\x7f]' "$T/hostile-out.jsonl"; then fail "raw control characters in output"; fi
if grep -q 'u0007\|u001b\|u0000' "$T/hostile-out.jsonl"; then fail "control characters escaped instead of removed"; fi
validate "$T/hostile-out.jsonl" # checks strict UTF-8 too

# 7. Determinism: the same bytes twice, and with --jobs 1 and 2.
run "read-json input=$FIX/articles.jsonl ! write-json output=$T/d1.jsonl html=true text_format=markdown"
"$G" -q -j 1 run -e "read-json input=$FIX/articles.jsonl ! write-json output=$T/d2.jsonl html=true text_format=markdown"
"$G" -q -j 2 run -e "read-json input=$FIX/articles.jsonl ! write-json output=$T/d3.jsonl html=true text_format=markdown"
cmp "$T/d1.jsonl" "$T/d2.jsonl" && cmp "$T/d1.jsonl" "$T/d3.jsonl" && ok "deterministic" || fail "output differs between runs"
validate "$T/d1.jsonl"

# 8. fields= and an unknown field.
run "read-json input=$FIX/articles.jsonl ! write-json output=$T/f.jsonl fields=title,authors"
python3 - "$T/f.jsonl" <<'EOF' || fail "fields=title,authors"
import json, sys
for line in open(sys.argv[1]):
    keys = list(json.loads(line))
    assert set(keys) <= {"id", "title", "authors"} and keys[0] == "id", keys
EOF
validate "$T/f.jsonl"
rc=0
"$G" -q run -e "read-json input=$FIX/articles.jsonl ! write-json output=$T/never.jsonl fields=bogus" 2> "$T/f.err" || rc=$?
[ "$rc" -eq 2 ] || fail "fields=bogus: exit status $rc, expected 2"
grep -q "bogus" "$T/f.err" || fail "fields=bogus: message does not name it"
[ ! -e "$T/never.jsonl" ] || fail "fields=bogus left an output file"

# 9. The real chain, when the readers are built: HTML -> JSON -> JSON is byte-identical.
HTML_DIR=$T/html
mkdir -p "$HTML_DIR"
cat > "$HTML_DIR/a.html" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Storm hits coast | Daily Example</title>
<meta property="og:site_name" content="Daily Example"><meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-02-01T08:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Storm hits coast</h1><p>A strong storm hit the coast on Thursday, cutting power to thousands of homes, officials said.</p>
<p>"We have never seen winds like this," said Maria Lopez, the town's mayor, who asked residents to stay indoors until the evening.</p>
<ul><li>Schools closed</li><li>Roads flooded</li></ul><pre>wind  120 km/h
rain   80 mm</pre>
<p>Source: Reuters</p></article><footer>Copyright 2024 Daily Example</footer></body></html>
EOF
chain="read-html input=$HTML_DIR"
if "$G" inspect strip-boilerplate > /dev/null 2>&1; then chain="$chain ! strip-boilerplate"; fi
if "$G" inspect tag-attribution > /dev/null 2>&1; then chain="$chain ! tag-attribution"; fi
if "$G" inspect read-html > /dev/null 2>&1; then
	run "$chain ! write-json output=$T/h1.jsonl html=true explain=true"
	run "read-json input=$T/h1.jsonl ! write-json output=$T/h2.jsonl html=true explain=true"
	cmp "$T/h1.jsonl" "$T/h2.jsonl" && ok "HTML chain round trip" || fail "HTML chain round trip differs"
	run "$chain ! write-json output=$T/h3.json format=array text_format=markdown"
	run "read-json input=$T/h1.jsonl ! write-json output=$T/h4.jsonl"
	run "read-json input=$T/h4.jsonl ! write-json output=$T/h5.jsonl"
	cmp "$T/h4.jsonl" "$T/h5.jsonl" && ok "HTML chain text-only round trip" || fail "HTML chain text-only round trip differs"
	validate "$T/h1.jsonl" "$T/h2.jsonl" "$T/h3.json" "$T/h4.jsonl"
else
	echo "skip: read-html not built"
fi

# 9. A WARC record's provenance (source_location uri, record_id, date) survives the round trip.
if "$G" plugins 2>/dev/null | grep -q '^read-html'; then
	body='<html><head><link rel="canonical" href="https://news.example/story"></head><body><p>Provenance test.</p></body></html>'
	http=$(printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s' "$body")
	{
		printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/story?utm=x\r\n'
		printf 'WARC-Date: 2021-03-04T05:06:07Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n'
		printf 'Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' "${#http}" "$http"
	} > "$T/p.warc"
	run "read-html input=$T/p.warc ! write-json output=$T/w1.jsonl html=true explain=true"
	grep -q '"uri":"https://news.example/story?utm=x","record_id":"<urn:uuid:00000000-0000-4000-8000-000000000001>","date":"2021-03-04T05:06:07Z"' "$T/w1.jsonl" \
		&& ok "WARC provenance written" || fail "WARC provenance missing: $(head -c 400 "$T/w1.jsonl")"
	grep -q '"url":"https://news.example/story"' "$T/w1.jsonl" && ok "url stays the canonical link" || fail "url is not the canonical link"
	run "read-json input=$T/w1.jsonl ! write-json output=$T/w2.jsonl html=true explain=true"
	cmp "$T/w1.jsonl" "$T/w2.jsonl" && ok "WARC provenance round trip" || fail "WARC provenance round trip differs"
	validate "$T/w1.jsonl"
fi

if [ "$failures" -ne 0 ]; then
	echo "$failures failure(s)" >&2
	exit 1
fi
echo "all JSON round-trip checks passed"
