#!/usr/bin/env bash
# The seed check of tag-attribution, through the galley binary:
#   read-text ! strip-boilerplate ! tag-attribution ! write-json
# on samples/scraped-article.txt.  Every plugin of the chain must be there: a missing one fails
# the test (it is not skipped).
set -uo pipefail
g=${GALLEY_BIN:?}
src=${GALLEY_SOURCE_DIR:?}
tmp=$(mktemp -d /tmp/galley-attribution-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for p in read-text strip-boilerplate tag-attribution write-json; do
	"$g" inspect "$p" >/dev/null 2>&1 || fail "plugin $p is not built; the attribution check needs the whole chain"
done

"$g" -q run -e "read-text input=$src/samples/scraped-article.txt ! strip-boilerplate ! tag-attribution ! write-json output=$tmp/seed.jsonl html=true" \
	|| fail "the chain failed"
[ -s "$tmp/seed.jsonl" ] || fail "no output"

python3 - "$tmp/seed.jsonl" <<'EOF' || exit 1
import json, sys
arts = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
def fail(msg):
    print("FAIL:", msg)
    sys.exit(1)
if len(arts) != 1:
    fail("expected one article, got %d" % len(arts))
a = arts[0]
src = {(s["name"], s["kind"]) for s in a.get("sources", [])}
if ("Al Arabiya", "credit") not in src:
    fail("no credit source Al Arabiya: %r" % sorted(src))
if ("Mehr", "cited") not in src:
    fail("no cited source Mehr: %r" % sorted(src))
quotes = a.get("quotes", [])
texts = [q["text"] for q in quotes]
for bad in ("never", "red line"):
    if bad in texts:
        fail("%r is not a quotation" % bad)
want = {
    "Such a thing will never happen": "Hossein Salami",
    "cannot be discussed": "Hossein Salami",
    "We are progressing uncontrollably": "Hossein Salami",
    "We assure the Iranian nation": "Hossein Salami",
    "The [Iranian] nation should rest assured": "Hossein Salami",
    "America will not be able to deprive Iran": "Ali Khamenei",
}
for prefix, speaker in want.items():
    hit = [q for q in quotes if q["text"].startswith(prefix)]
    if len(hit) != 1:
        fail("quote %r found %d times" % (prefix, len(hit)))
    if hit[0].get("speaker") != speaker:
        fail("quote %r attributed to %r, expected %r" % (prefix, hit[0].get("speaker"), speaker))
if len(quotes) != len(want):
    fail("expected %d quotes, got %d: %r" % (len(want), len(quotes), texts))
by = {}
for q in quotes:
    by[q["speaker"]] = by.get(q["speaker"], 0) + 1
if by != {"Hossein Salami": 5, "Ali Khamenei": 1}:
    fail("speakers %r" % by)
# quotes are marked in the body
html = a.get("html", "")
if html.count('data-speaker="Hossein Salami"') != 5 or html.count('data-speaker="Ali Khamenei"') != 1:
    fail("quotes not marked in the body: %s" % html[:400])
# the ranges point into the text's paragraphs
paras = a.get("text", "").split("\n\n")
for q in quotes:
    p = paras[q["paragraph"]]
    if p[q["start"]:q["end"]] != q["text"]:
        fail("range of %r gives %r" % (q["text"], p[q["start"]:q["end"]]))
print("ok")
EOF
