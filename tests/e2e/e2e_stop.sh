#!/usr/bin/env bash
# Stopping a run.  The first SIGINT (or SIGTERM) stops reading, finishes the articles in flight
# and commits the outputs with everything written so far: a JSON Lines file of complete lines
# and an EPUB that epubcheck passes, holding exactly the number of articles the message reports;
# exit 130 (143).  A second signal removes the temporaries and exits at once, leaving the old
# outputs untouched.  A reader of output=- going away ends the run quietly.
# The signals come from test-filter at a chosen article, so nothing here depends on timing.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
jar=/usr/share/java/epubcheck.jar
tmp=$(mktemp -d /tmp/galley-stop-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/pages"
for i in $(seq -w 1 40); do
	cat >"$tmp/pages/page-$i.html" <<EOF2
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Report $i</title></head>
<body><article><h1>Report $i</h1>
<p>The committee met on day $i and agreed on the plan for the new bridge over the river.</p>
<p>Work starts next spring, the chair said after a long discussion about the budget.</p>
</article></body></html>
EOF2
done

kept_from() { sed -n 's/.*kept the \([0-9]*\) article.*/\1/p' "$1"; }
chain() { # chain EXTRA-FILTER-OPTIONS
	echo "read-html input=$tmp/pages ! test-filter $1 ! write-json output=$tmp/out.jsonl ! write-epub output=$tmp/out.epub title=Reports"
}

# ---- one SIGINT: outputs kept, exactly the articles reported --------------------------------
books=()
for jobs in 1 2; do
	echo old >"$tmp/out.jsonl"
	"$g" --plugin-dir "$tp" run --jobs $jobs -e "$(chain signal_after=10)" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 130 ] || { cat "$tmp/err"; fail "jobs=$jobs: one SIGINT exited $rc, expected 130"; }
	grep -q "interrupted" "$tmp/err" || fail "jobs=$jobs: no word of the interruption"
	n=$(kept_from "$tmp/err")
	[ -n "$n" ] || { cat "$tmp/err"; fail "jobs=$jobs: the message does not say how many articles were kept"; }
	[ "$jobs" = 1 ] && { [ "$n" = 10 ] || fail "jobs=1: kept $n articles, expected 10"; }
	[ "$n" -ge 10 ] && [ "$n" -lt 40 ] || fail "jobs=$jobs: kept $n articles"
	lines=$(wc -l <"$tmp/out.jsonl")
	[ "$lines" = "$n" ] || fail "jobs=$jobs: out.jsonl has $lines lines, the message said $n"
	python3 -c 'import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$tmp/out.jsonl" || fail "jobs=$jobs: out.jsonl has an incomplete line"
	"$g" -q run -e "read-epub input=$tmp/out.epub ! write-json output=$tmp/back.jsonl" || fail "jobs=$jobs: the book cannot be read back"
	chapters=$(wc -l <"$tmp/back.jsonl")
	[ "$chapters" = "$n" ] || fail "jobs=$jobs: the book has $chapters chapters, the message said $n"
	cp "$tmp/out.epub" "$tmp/kept-$jobs.epub"
	books+=("$tmp/kept-$jobs.epub")
	left=$(find "$tmp" -name '.*galley-*' | wc -l)
	[ "$left" = 0 ] || fail "jobs=$jobs: temporaries left behind"
done

# ---- SIGTERM: the same, exit 143 -------------------------------------------------------------
"$g" --plugin-dir "$tp" -q run --jobs 1 -e "$(chain 'signal_after=5 signal=term')" 2>"$tmp/err"
rc=$?
[ "$rc" = 143 ] || { cat "$tmp/err"; fail "SIGTERM exited $rc, expected 143"; }
[ "$(kept_from "$tmp/err")" = 5 ] || { cat "$tmp/err"; fail "SIGTERM: -q still says how many were kept, 5"; }
[ "$(wc -l <"$tmp/out.jsonl")" = 5 ] || fail "SIGTERM: out.jsonl does not hold the 5 articles"

# ---- two SIGINTs: abort, old outputs untouched -----------------------------------------------
for jobs in 1 2; do
	echo old-json >"$tmp/out.jsonl"
	echo old-epub >"$tmp/out.epub"
	"$g" --plugin-dir "$tp" -q run --jobs $jobs -e "$(chain 'signal_after=7 signals=2')" 2>"$tmp/err"
	rc=$?
	[ "$rc" = 130 ] || { cat "$tmp/err"; fail "jobs=$jobs: two SIGINTs exited $rc, expected 130"; }
	[ "$(cat "$tmp/out.jsonl")" = old-json ] || fail "jobs=$jobs: two SIGINTs replaced out.jsonl"
	[ "$(cat "$tmp/out.epub")" = old-epub ] || fail "jobs=$jobs: two SIGINTs replaced out.epub"
	left=$(find "$tmp" -name '.*galley-*' | wc -l)
	[ "$left" = 0 ] || { ls -la "$tmp"; fail "jobs=$jobs: two SIGINTs left temporaries"; }
done

# ---- a broken pipe on output=- is quiet ------------------------------------------------------
"$g" --plugin-dir "$tp" run -e "test-source count=200000 ! write-json output=- ! test-sink output=$tmp/side.tsv" 2>"$tmp/err" | head -n 1 >/dev/null
rc=${PIPESTATUS[0]}
[ "$rc" = 0 ] || [ "$rc" = 141 ] || { cat "$tmp/err"; fail "broken pipe exited $rc, expected 0 or 141"; }
[ -s "$tmp/err" ] && { cat "$tmp/err"; fail "broken pipe: galley said something"; }
left=$(find "$tmp" -name '.*galley-*' | wc -l)
[ "$left" = 0 ] || fail "broken pipe: temporaries left behind"

# ---- the kept books pass epubcheck -------------------------------------------------------------
if [ -n "${GALLEY_TEST_NO_EPUBCHECK:-}" ]; then
	echo "epubcheck skipped (GALLEY_TEST_NO_EPUBCHECK)"
	exit 0
fi
[ -f "$jar" ] || fail "$jar missing: install epubcheck (build-aux/debian-packages.txt)"
for b in "${books[@]}"; do
	java -jar "$jar" --failonwarnings "$b" >"$tmp/check.log" 2>&1 ||
		{ grep -E "ERROR|WARNING" "$tmp/check.log" | head -20; fail "epubcheck: $b"; }
done
echo ok
