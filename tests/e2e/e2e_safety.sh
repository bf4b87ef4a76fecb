#!/usr/bin/env bash
# Safety before and around a run: two writers given one output are refused before anything
# runs; an output named like another format warns; temporaries left by a killed run are
# removed by the next run in that directory (those of live processes are kept); --report lists
# every failure of a run over hostile inputs, in input order, the same for every --jobs.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
tmp=$(mktemp -d /tmp/galley-safety-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$tmp/pages"
for i in 1 2 3; do
	printf '<html><head><title>Item %s</title></head><body><p>The text of item %s is here.</p></body></html>\n' $i $i >"$tmp/pages/i$i.html"
done

# ---- two writers, one output ---------------------------------------------------------------
echo old >"$tmp/same.jsonl"
"$g" -q run -e "read-html input=$tmp/pages ! write-json output=$tmp/same.jsonl ! write-json output=$tmp/./same.jsonl fields=title" 2>"$tmp/err"
rc=$?
[ "$rc" = 2 ] || fail "two writers to one file exited $rc, expected 2"
grep -q 'writes the same output as' "$tmp/err" || { cat "$tmp/err"; fail "no message naming the conflict"; }
[ "$(cat "$tmp/same.jsonl")" = old ] || fail "the refused run touched the file"
"$g" -q run -e "read-html input=$tmp/pages ! write-json output=$tmp/b.epub ! write-epub output=$tmp/b.epub" 2>"$tmp/err"
[ $? = 2 ] || fail "write-json and write-epub to one file were not refused"
[ -e "$tmp/b.epub" ] && fail "the refused run wrote b.epub"
"$g" -q run -e "read-html input=$tmp/pages ! write-json output=- ! write-json output=-" >/dev/null 2>"$tmp/err"
[ $? = 2 ] || fail "two writers to standard output were not refused"
grep -q 'standard output' "$tmp/err" || { cat "$tmp/err"; fail "the message does not name standard output"; }

# ---- an output named like another format warns ---------------------------------------------
"$g" run -e "read-html input=$tmp/pages ! write-epub output=$tmp/book.jsonl" 2>"$tmp/err" || fail "write-epub to book.jsonl failed"
grep -q "warning: .*write-epub.*book.jsonl.*EPUB" "$tmp/err" || { cat "$tmp/err"; fail "no warning for an EPUB named .jsonl"; }
"$g" run -e "read-html input=$tmp/pages ! write-json output=$tmp/a.epub" 2>"$tmp/err" || fail "write-json to a.epub failed"
grep -q "warning: .*write-json.*a.epub" "$tmp/err" || { cat "$tmp/err"; fail "no warning for JSON named .epub"; }
"$g" run -e "read-html input=$tmp/pages ! write-json output=$tmp/ok.jsonl" 2>"$tmp/err"
grep -q warning "$tmp/err" && fail "a warning for a well-named output"

# ---- stale temporaries ---------------------------------------------------------------------
mkdir -p "$tmp/out"
sh -c 'exit 0' &
dead=$!
wait "$dead"
kill -0 "$dead" 2>/dev/null && fail "the finished process $dead still exists"
touch "$tmp/out/.a.jsonl.galley-$dead-AbC123" "$tmp/out/.other.epub.galley-$dead-XyZ789"
touch "$tmp/out/.a.jsonl.galley-$$-LiVe00" "$tmp/out/.notes.txt"
"$g" -q run -e "read-html input=$tmp/pages ! write-json output=$tmp/out/a.jsonl" || fail "the run beside stale temporaries failed"
[ -e "$tmp/out/.a.jsonl.galley-$dead-AbC123" ] && fail "a stale temporary of a dead process was kept"
[ -e "$tmp/out/.other.epub.galley-$dead-XyZ789" ] && fail "a stale temporary of another output in the directory was kept"
[ -e "$tmp/out/.a.jsonl.galley-$$-LiVe00" ] || fail "the temporary of a live process was removed"
[ -e "$tmp/out/.notes.txt" ] || fail "a file not of galley's pattern was removed"

# ---- --report over hostile inputs ------------------------------------------------------------
h=$tmp/hostile
mkdir -p "$h"
cp "$tmp/pages/i1.html" "$h/a-good.html"
: >"$h/b-empty.html"
printf '<html><body><p>cut' | gzip -c | head -c 20 >"$h/c-truncated.html.gz"
head -c 5000 /dev/zero | tr '\0' 'x' | sed 's/^/<html><body><p>/' >"$h/d-large.html"
printf 'PK\003\004garbage that is no zip archive' >"$h/e-broken.zip"
cp "$tmp/pages/i2.html" "$h/f-good.html"
printf 'not a tar at all, only text\n' | gzip -c >"$h/g-broken.tar.gz"
cp "$tmp/pages/i3.html" "$h/h-good.html"
for jobs in 1 2; do
	"$g" -q run --jobs $jobs --report "$tmp/report-$jobs.jsonl" \
		-e "read-html input=$h max_size=4096 ! write-json output=$tmp/h-$jobs.jsonl" 2>"$tmp/err-$jobs"
	rc=$?
	[ "$rc" = 1 ] || { cat "$tmp/err-$jobs"; fail "jobs=$jobs: the hostile run exited $rc, expected 1"; }
	python3 - "$tmp/report-$jobs.jsonl" "$tmp/err-$jobs" <<'PY' || fail "jobs=$jobs: the report is wrong"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
summary = recs[-1]
failed = [r for r in recs if r["type"] == "failed"]
assert summary["type"] == "summary" and summary["failed"] == len(failed), (summary, failed)
files = [r["file"] for r in failed]
assert files == sorted(files), files            # input order: the directory's sorted order
errors = [l for l in open(sys.argv[2]) if l.startswith("galley: error:")]
assert len(errors) == len(failed), (errors, failed)  # every failure on stderr is in the report
names = [f.rsplit("/", 1)[-1] for f in files]
for n in ("b-empty.html", "c-truncated.html.gz", "d-large.html", "e-broken.zip"):
    assert n in names, (n, names)
assert all(r["message"] for r in failed), failed
PY
done
diff <(grep -v '"type":"summary"' "$tmp/report-1.jsonl") <(grep -v '"type":"summary"' "$tmp/report-2.jsonl") >/dev/null ||
	fail "the report differs between --jobs 1 and 2"
echo ok
