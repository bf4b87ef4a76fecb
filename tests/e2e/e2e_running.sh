#!/usr/bin/env bash
# Long runs as people expect (docs/running.md): a progress line on a terminal only, the summary
# naming the outputs, --report listing every failure in input order, nothing skipped silently
# (a wget-style folder read whole, an input with no article an error), --resume after an
# interruption giving the output of one uninterrupted run.
set -uo pipefail
g=${GALLEY_BIN:?}
tp=${GALLEY_TEST_PLUGIN_DIR:?}
src=${GALLEY_SOURCE_DIR:?}
tmp=$(mktemp -d /tmp/galley-running-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
ptyrun() { python3 "$src/tests/e2e/pty-run.py" "$@"; }

page() { # page FILE N
	cat >"$1" <<EOF2
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Notice $2</title></head>
<body><article><h1>Notice $2</h1>
<p>The library opens on day $2 with a reading room for the whole town and a garden.</p>
<p>Volunteers will help with the move of the books, the organisers said on Monday.</p>
</article></body></html>
EOF2
}
mkdir -p "$tmp/pages"
for i in $(seq -w 1 30); do page "$tmp/pages/p$i.html" "$i"; done

# ---- progress: on a terminal only ------------------------------------------------------------
chain="read-html input=$tmp/pages ! write-json output=$tmp/out.jsonl"
ptyrun "$tmp/tty.txt" "$g" run -e "$chain" || fail "run on a terminal failed"
grep -q $'\r' "$tmp/tty.txt" || fail "no progress line redrawn in place on a terminal"
grep -q 'articles/s' "$tmp/tty.txt" || fail "the progress line shows no rate"
grep -q 'ETA' "$tmp/tty.txt" || fail "the progress line shows no ETA for files of known size"
grep -q "wrote $tmp/out.jsonl" "$tmp/tty.txt" || fail "the summary does not name the output"
ptyrun "$tmp/tty-q.txt" "$g" -q run -e "$chain" || fail "run -q on a terminal failed"
grep -q 'articles/s' "$tmp/tty-q.txt" && fail "-q on a terminal still shows progress"
"$g" run -e "$chain" 2>"$tmp/notty.txt" || fail "run without a terminal failed"
grep -q 'articles/s' "$tmp/notty.txt" && fail "progress shown although stderr is not a terminal"
grep -q $'\r' "$tmp/notty.txt" && fail "carriage returns written to a file"
"$g" -v run -e "$chain" 2>"$tmp/notty-v.txt" || fail "run -v without a terminal failed"
grep -q '^galley: .*articles/s' "$tmp/notty-v.txt" || fail "-v without a terminal gives no periodic progress line"
grep -q $'\r' "$tmp/notty-v.txt" && fail "-v without a terminal redraws in place"

# ---- --report: every failure, in input order ------------------------------------------------
"$g" --plugin-dir "$tp" run --jobs 2 --report "$tmp/report.jsonl" \
	-e "test-source count=40 fail_at=3 ! test-filter fail_at=7 drop_every=10 ! test-sink output=$tmp/s.tsv fail_at=21" 2>/dev/null
rc=$?
[ "$rc" = 1 ] || fail "run with failures exited $rc, expected 1"
python3 - "$tmp/report.jsonl" <<'PY' || fail "--report is wrong"
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
summary = recs[-1]
assert summary["type"] == "summary", summary
assert summary["status"] == "failures", summary
body = [(r["type"], r["index"], r["stage"]) for r in recs[:-1]]
want = [("dropped", 0, "test-filter"), ("failed", 3, "test-source"), ("failed", 7, "test-filter"),
        ("dropped", 10, "test-filter"), ("dropped", 20, "test-filter"), ("failed", 21, "test-sink"),
        ("dropped", 30, "test-filter")]
assert body == want, body
assert all(r["reason"] == "every N" for r in recs if r["type"] == "dropped"), recs
assert summary["failed"] == 3 and summary["dropped"] == 4 and summary["read"] == 40, summary
assert summary["written"] == 33 and summary["outputs"] == [sys.argv[1].rsplit("/", 1)[0] + "/s.tsv"], summary
PY
# drops counted by reason code in the summary, not once per message
"$g" --plugin-dir "$tp" run -e "test-source count=40 ! test-filter drop_every=3 ! test-sink output=$tmp/s.tsv" 2>"$tmp/err"
[ "$(grep -c 'every' "$tmp/err")" = 1 ] || { cat "$tmp/err"; fail "drop reasons not counted under one code"; }
grep -q 'test-filter: every N: 14' "$tmp/err" || { cat "$tmp/err"; fail "the drop count is wrong"; }

# ---- a wget-style folder is read whole; skipped files are counted ---------------------------
mkdir -p "$tmp/mirror/news"
page "$tmp/mirror/index.html" 1
page "$tmp/mirror/index.html.1" 2
page "$tmp/mirror/news/article.php?id=3" 3
page "$tmp/mirror/news/story" 4
printf 'body { color: red }\n' >"$tmp/mirror/style.css"
printf '\x89PNG\r\n\x1a\n0000' >"$tmp/mirror/logo"
"$g" -v run --report "$tmp/r2.jsonl" -e "read-html input=$tmp/mirror ! write-json output=$tmp/m.jsonl" 2>"$tmp/err" ||
	{ cat "$tmp/err"; fail "the mirror run failed"; }
[ "$(wc -l <"$tmp/m.jsonl")" = 4 ] || { cat "$tmp/err"; fail "the mirror gave $(wc -l <"$tmp/m.jsonl") articles, expected 4"; }
grep -q 'skipped: file name without an accepted extension: 2' "$tmp/err" || { cat "$tmp/err"; fail "the summary does not count the 2 skipped files"; }
grep -q "skipped: $tmp/mirror/style.css" "$tmp/err" || fail "-v does not list the skipped files"
[ "$(grep -c '"type":"skipped"' "$tmp/r2.jsonl")" = 2 ] || fail "the report does not list the 2 skipped files"

# ---- no article at all: exit 1 with a reason --------------------------------------------------
mkdir -p "$tmp/none"
printf 'plain words\n' >"$tmp/none/a.txt"
printf 'more words\n' >"$tmp/none/b.md"
"$g" run -e "read-html input=$tmp/none ! write-json output=$tmp/none.jsonl" 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ] || fail "a folder with nothing to read exited $rc, expected 1"
grep -q 'no article was read: 2 inputs skipped' "$tmp/err" || { cat "$tmp/err"; fail "the message does not say why"; }
grep -q 'extensions=' "$tmp/err" || fail "the message does not say what to do"

# ---- --resume after an interruption = one uninterrupted run -----------------------------------
full="read-html input=$tmp/pages ! test-filter ! write-json output=$tmp/full.jsonl"
"$g" --plugin-dir "$tp" -q run -e "$full" || true
for jobs in 1 2; do
	part="read-html input=$tmp/pages ! test-filter signal_after=12 ! write-json output=$tmp/part.jsonl"
	rm -f "$tmp/part.jsonl"
	"$g" --plugin-dir "$tp" -q run --jobs $jobs -e "$part" 2>"$tmp/err"
	[ $? = 130 ] || { cat "$tmp/err"; fail "jobs=$jobs: the interrupted run did not exit 130"; }
	n1=$(wc -l <"$tmp/part.jsonl")
	[ "$n1" -gt 0 ] && [ "$n1" -lt "$(wc -l <"$tmp/full.jsonl")" ] || fail "jobs=$jobs: the interrupted run kept $n1 articles"
	rest="read-html input=$tmp/pages ! test-filter ! write-json output=$tmp/part.jsonl"
	"$g" --plugin-dir "$tp" run --resume --jobs $jobs -e "$rest" 2>"$tmp/err" || { cat "$tmp/err"; fail "jobs=$jobs: --resume failed"; }
	grep -q "resumed: $n1 inputs already in the output skipped" "$tmp/err" || { cat "$tmp/err"; fail "jobs=$jobs: --resume does not say what it skipped"; }
	cmp -s "$tmp/part.jsonl" "$tmp/full.jsonl" || fail "jobs=$jobs: interrupted + resumed differs from one run"
	# resuming a complete output adds nothing
	"$g" --plugin-dir "$tp" -q run --resume -e "$rest" || fail "jobs=$jobs: a second --resume failed"
	cmp -s "$tmp/part.jsonl" "$tmp/full.jsonl" || fail "jobs=$jobs: a second --resume changed the output"
done
# a writer that cannot resume is refused before the run
"$g" -q run --resume -e "read-html input=$tmp/pages ! write-json output=$tmp/r.jsonl ! write-epub output=$tmp/r.epub" 2>"$tmp/err"
[ $? = 2 ] || fail "--resume with write-epub was not refused"
grep -q 'write-epub cannot resume' "$tmp/err" || { cat "$tmp/err"; fail "the refusal does not name the writer"; }
[ -e "$tmp/r.jsonl" ] && fail "the refused run wrote an output"
echo ok
