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

# segmented-name under the headline, through the whole chain: a writer's name in a script
# without spaces glued to the date after it (two elements' text run together) is the name, then
# the date.  The tagger's unit fixture passes without that rule; the chain's record of the line
# does not.
cat >"$tmp/glued.html" <<'HTML'
<html><head><meta charset="utf-8"><title>Council sells two old buildings</title></head>
<body><div class="head"><h1>Council sells two old buildings</h1><div class="info">山田花子2020年07月21日 15時30分</div></div>
<div class="article"><p>The council decided on Tuesday to sell two old buildings. The money will pay for a new library, and the work is expected to start next spring.</p>
<p>The mayor told reporters that the plan would go ahead after residents were heard. Some residents oppose it, and the debate is likely to go on.</p></div></body></html>
HTML
"$g" -q run -e "read-html input=$tmp/glued.html ! strip-boilerplate ! tag-attribution ! write-json explain=true output=$tmp/glued.jsonl" \
	|| fail "the chain failed on the glued byline"
python3 - "$tmp/glued.jsonl" <<'EOF' || exit 1
import json, sys
a = json.loads(open(sys.argv[1], encoding="utf-8").readline())
rules = {d["field"]: d["rule"] for d in a.get("decisions", [])}
if a.get("authors") != ["山田花子"] or rules.get("authors") != "segmented-name":
    print("FAIL: glued byline: authors %r by %r" % (a.get("authors"), rules.get("authors")))
    sys.exit(1)
print("ok")
EOF
