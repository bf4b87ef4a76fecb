#!/bin/sh
# Titles, authors, dates and where the text starts on the postlight-dev set (156 news pages of 141
# sites), with the set's own scorer, for the whole set and its two site-disjoint halves (a case's
# site is the host of its url without "www.", its half the parity of the site's 32-bit FNV-1a
# hash: the same split as galley-quality's).
# Usage: bench/postlight.sh BUILD_DIR SHARED_DIR  (skips when the set is absent)
set -eu
build=${1:-build}
shared=${2:-../shared}
archive=$shared/datasets/postlight-dev.tar.xz
if [ ! -f "$archive" ]; then
	echo "postlight: skipped: $archive is absent (the development set is not shipped with galley)"
	exit 0
fi
data=$build/bench-data/postlight
if [ ! -f "$data/postlight-dev/cases.json" ]; then
	mkdir -p "$data"
	tar -xJf "$archive" -C "$data"
fi
set_dir=$data/postlight-dev
out=$data/out.jsonl
"$build/core/galley" -q run -e "read-html input='$set_dir/html' ! strip-boilerplate ! tag-attribution ! write-json explain=true output='$out'" || true
python3 - "$set_dir/cases.json" "$data" <<'PY'
import json, re, sys
cases = json.load(open(sys.argv[1], encoding="utf-8"))
def fnv1a(s):
    h = 0x811C9DC5
    for b in s.encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h
def half(url):
    i = url.find("://")
    host = re.split(r"[/:?#]", url[i + 3:] if i >= 0 else url)[0].lower()
    site = host[4:] if host.startswith("www.") else host
    return fnv1a(site) & 1
for h in (0, 1):
    sub = {k: v for k, v in cases.items() if half(v.get("url", "")) == h}
    with open(f"{sys.argv[2]}/cases-half-{'AB'[h]}.json", "w", encoding="utf-8") as f:
        json.dump(sub, f)
PY
python3 "$set_dir/score.py" "$out" "$set_dir/cases.json" --details "$data/details.json"
for h in A B; do
	echo
	echo "## site-disjoint half $h"
	python3 "$set_dir/score.py" "$out" "$data/cases-half-$h.json" | grep -E '^(lead|postlight:) '
done
# Authors, as measured and with the cases set apart whose expected string keeps what galley
# never gives as an author (issue 13; docs/attribution.md, "Authors on postlight-dev"). The set's
# golds are the byline text each site's selector picks, "By" taken off; as its README says, a few
# keep the page's artefacts: a URL, an e-mail, an @handle or u/handle, a byline label (著者, 作者,
# 文●, a role mark after the name), an outlet or section joined to the names, a translator's or
# illustrator's credit, a profile's label or text, brackets, two names glued together. Each kind is
# recognised by its form alone (never by the case or the site) and taken off the expected string;
# a case is set apart when galley misses it and taking them off changes the scorer's names (so no
# output without the artefact could count right). A case galley gets right stays right (one keeps a
# u/handle). The set-apart figure is the right cases over the cases not set apart; each kind is
# printed with its count (whole set, half A, half B; a case may keep several), then how galley's
# names compare with the expected ones once the artefacts are taken off.
python3 - "$set_dir" "$data/details.json" "$set_dir/cases.json" "$data/cases-half-A.json" <<'PY'
import json, re, sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])  # the set's folder: its score.py splits and folds names
from score import expected_names
details = json.load(open(sys.argv[2], encoding="utf-8"))
cases = json.load(open(sys.argv[3], encoding="utf-8"))
in_a = set(json.load(open(sys.argv[4], encoding="utf-8")))  # the split written above
KINDS = {
    "label": "a byline label (Posted by, Author:, 著者, 作者, 文●; a role mark after the name: 著)",
    "outlet": "an outlet or section joined to the names (', The ... Press', ', XYZ', 'Section · ', ' - site.tld', '/outlet')",
    "translator": "a translator's credit (translated by, 翻訳者, 訳, 監訳)",
    "illustrator": "an illustrator's or photographer's credit (Illustration by, Photographs by, イラスト)",
    "profile": "a profile's label or text (View ORCID Profile, a biography under the name)",
    "url": "a URL",
    "email": "an e-mail address",
    "handle": "an @handle or u/handle",
    "brackets": "brackets around or after the name",
    "glued": "two names glued together (Jane DoeJohn Roe)",
}
CREDITS = (
    ("illustrator", r"\b(?:illustrat(?:ions?|ed)|drawings?|artwork|photo(?:graph)?s?|photography)\s+by\b|(?:イラスト|挿絵|写真)[\s:：・]"),
    ("translator", r"\b(?:translat(?:ed|ion)\s+by|translators?\s*:)|(?:翻訳者|訳者|監訳|翻訳)[\s:：・]"),
)
ROLE_SUFFIX = (("translator", r"\s*(?:監訳|翻訳|訳)$"), ("illustrator", r"\s*(?:イラスト|絵)$"), ("label", r"\s+(?:編著|著|作|文)$"))
LABEL = r"^(?:(?:(?:posted|written)\s+by|by|von|par|text|autor(?:in|en)?|authors?|著者|作者|筆者|記者)(?:\s*[:：●]|\s)|文\s*[:：●])\s*"
def parts(s):
    return [p for p in re.split(r"\s*[,，、]\s*", s) if p.strip()]
def capitals(s):
    return re.fullmatch(r"[A-Z]{2,}[A-Za-z]*", s) is not None
def clean(s):
    """the expected string with what issue 13 forbids in an author taken off, and the kinds taken"""
    kinds = []
    def step(kind, new):            # a kind counts where taking it off changes the scorer's names
        nonlocal s
        new = re.sub(r"^[\s,，、|｜·:：●-]+|[\s,，、|｜·:：●-]+$", "", new)
        if expected_names(new) != expected_names(s):
            kinds.append(kind)
        s = new
    s = s.strip()
    step("profile", re.sub(r"(?i)view\s+(?:orcid\s+|full\s+)?profile|プロフィール", " ", s.split("\n")[0]))
    step("url", re.sub(r"(?:https?://|www\.)\S+", " ", s))
    step("email", re.sub(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", " ", s))
    step("handle", re.sub(r"(?<![\w.@])@\w+|(?<![\w/])u/[\w-]+", " ", s))
    m = re.fullmatch(r"\s*[\[(（《【〈「『<]\s*(.*?)\s*[\])）》】〉」』>]\s*", s)
    step("brackets", re.sub(r"\s*[(（][^()（）]*[)）]", " ", m.group(1) if m else s))
    for kind, pat in CREDITS:       # a credit runs to the end of the string
        step(kind, re.split(pat, s, maxsplit=1, flags=re.I)[0])
    for kind, pat in ROLE_SUFFIX:   # 'Name 著、Name 監訳、Name 訳': a role mark after each name
        ps = parts(s)
        if any(re.search(pat, p) for p in ps):  # a credited translator goes, an author's mark
            step(kind, ", ".join(re.sub(pat, "", p) for p in ps if kind == "label" or not re.search(pat, p)))
    step("label", re.sub(LABEL, "", s, flags=re.I))
    step("outlet", re.sub(r"^[^·]{1,60}?\s+·\s+", "", s))                                 # 'Section · names'
    step("outlet", re.sub(r"\s*[-–—|｜]\s*(?:[\w-]+\.)+[A-Za-z]{2,}$", "", s))           # 'names - site.tld'
    step("outlet", re.sub(r"\s*[/／].*$", "", s) or s)                                    # 'name/outlet'
    ps = parts(s)
    if len(ps) > 1:                 # ', The ... Press'; one word in capitals after names that are not
        keep = [ps[0]] + [p for p in ps[1:] if not re.match(r"The\s+[A-Z]", p)
                          and not (capitals(p) and not ps[0].isupper())]
        if keep != ps:
            step("outlet", ", ".join(keep))
    def unglue(p):                  # a lower-case letter then a capital, a name of two words or more on each side
        for m in re.finditer(r"(?<=[a-z])(?=[A-Z][a-z])", p):
            left, right = p[:m.start()], p[m.start():]
            if len(left.split()) >= 2 and len(right.split()) >= 2:
                return left + ", " + unglue(right)
        return p
    step("glued", re.sub(r"[^,&]+", lambda m: unglue(m.group(0)), s))
    return s, list(dict.fromkeys(kinds))
count = {h: [0, 0, 0] for h in "*AB"}  # cases, right, set apart
kinds, verdict = {}, {}
for key, c in cases.items():
    if "author" not in c or key not in details or "authors" not in details[key]:
        continue
    exp, got = details[key]["authors"]
    right = details[key]["authors_exact"]
    apart = None
    if not right and exp is not None:
        cleaned, ks = clean(exp)
        if ks and sorted(expected_names(cleaned)) != sorted(expected_names(exp)):
            names = sorted(set(expected_names(cleaned)))
            apart = ks
            v = ("equal" if names == sorted(set(got)) else "differ") if names else "nobody"
    for h in ("*", "A" if key in in_a else "B"):
        count[h][0] += 1
        count[h][1] += right
        if apart:
            count[h][2] += 1
            for k in apart:
                kinds.setdefault(k, {"*": 0, "A": 0, "B": 0})[h] += 1
            verdict.setdefault(v, {"*": 0, "A": 0, "B": 0})[h] += 1
print()
print("## authors, as measured / with the cases set apart whose expected string keeps what galley does not give as an author")
for h, label in (("*", "whole set"), ("A", "half A"), ("B", "half B")):
    n, ok, apart = count[h]
    print("%-9s N=%d  exact=%.3f (%d/%d)  set apart=%.3f (%d/%d, %d set apart)" %
          (label, n, ok / n if n else 0, ok, n, ok / (n - apart) if n > apart else 0, ok, n - apart, apart))
def by_half(d):
    return "%3d (A %d, B %d)" % (d["*"], d["A"], d["B"])
for k in KINDS:
    if k in kinds:
        print("  set apart: %s  the expected string keeps %s" % (by_half(kinds[k]), KINDS[k]))
WHAT = {"equal": "galley's names equal the expected ones without it",
        "differ": "galley's names differ from the expected ones without it too",
        "nobody": "the expected string names no one without it (galley's authors not checked)"}
for k in WHAT:
    if k in verdict:
        print("  of those:  %s  %s" % (by_half(verdict[k]), WHAT[k]))
miss = {h: count[h][0] - count[h][1] - count[h][2] for h in count}
print("  miss:      %s  not set apart (no such artefact in the expected string)" % by_half(miss))
PY
# Dates in the page's own time zone.  The set's scorer compares UTC days (its golds are UTC
# instants); a page's date is the day in the page's own time zone, so this figure reads the gold
# instant in the zone the page gives: the offset galley reports with the date (the instant
# written with the page's offset); where galley reports a day only, a gold that is a zone's
# midnight (the set's README: a page that gives only a day becomes midnight in the extractor's
# zone) stands for that zone's day, any other gold for its UTC day; a gold that is a day is
# compared as it is.
python3 - "$data/details.json" "$set_dir/cases.json" "$data/cases-half-A.json" "$data/cases-half-B.json" "$data/page-day.json" <<'PY'
import datetime, json, re, sys
details = json.load(open(sys.argv[1], encoding="utf-8"))
cases = json.load(open(sys.argv[2], encoding="utf-8"))
halves = [set(json.load(open(f, encoding="utf-8"))) for f in sys.argv[3:5]]
ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
def parse(s):
    m = ISO.match(s) if isinstance(s, str) else None
    if not m:
        return None
    y, mo, d, hh, mi, ss, frac, tz = m.groups()
    try:
        day = datetime.date(int(y), int(mo), int(d))
    except ValueError:
        return None
    if hh is None:
        return day, None, None, False
    t = datetime.datetime(int(y), int(mo), int(d), int(hh), int(mi), int(ss or 0))
    off = None
    if tz:
        sign = -1 if tz[0] == "-" else 1
        digits = tz[1:].replace(":", "")
        off = datetime.timedelta(0) if tz == "Z" else sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]))
    whole = t.minute == 0 and t.second == 0 and not (frac or "").strip("0")
    return day, t, off, whole
def page_day(exp, got):
    if exp is None:
        return not (isinstance(got, str) and got.strip())
    e, g = parse(exp), parse(got)
    if not e or not g:
        return False
    eday, et, eoff, ewhole = e
    gday, gt, goff, _ = g
    if et is None or eoff is None:
        return eday == gday                     # the gold is a day (or a time without a zone)
    utc = et - eoff
    if goff is not None:                        # the gold instant in the page's offset
        return (utc + goff).date() == gday
    days = {utc.date()}
    if ewhole:                                  # a zone's midnight: that zone's day
        h = utc.hour
        if h <= 12:
            days.add(utc.date())
        if 24 - h <= 14:
            days.add((utc + datetime.timedelta(hours=24 - h)).date())
    return gday in days
def figure(keys):
    xs = [page_day(*details[k]["date"]) for k in keys if k in details and "date" in details[k]]
    return sum(xs), len(xs)
# each case's verdict, for the all-sets per-rule table (bench/rules_all.py)
with open(sys.argv[5], "w", encoding="utf-8") as f:
    json.dump({k: page_day(*v["date"]) for k, v in details.items() if "date" in v}, f)
print()
print("## dates in the page's own time zone (the gold instant read in the zone the page gives; the scorer's figure above is the UTC day)")
for name, keys in (("all", list(cases)), ("half A", halves[0]), ("half B", halves[1])):
    ok, n = figure(keys)
    print("date (page's day) %-6s N=%d  same_day=%.3f (%d/%d)" % (name, n, ok / n if n else 0, ok, n))
PY
# where the text starts, with the cases set apart where the expected words begin with what the
# stripper removes on purpose (the set's leads are Postlight's text, which may open with the lead
# image's caption or credit, a dek, a dateline or a byline): such a case passes "set apart" when
# galley's text starts with the expected words that follow the removed blocks; and the removed
# blocks by article-start rule: right when the block holds none of the expected first words
python3 - "$out" "$set_dir/cases.json" "$data/cases-half-A.json" <<'PY'
import json, os, re, sys, unicodedata
cases = json.load(open(sys.argv[2], encoding="utf-8"))
in_a = set(json.load(open(sys.argv[3], encoding="utf-8")))  # the split written above
def half(key):
    return "A" if key in in_a else "B"
# what the stripper removes on purpose before the text; a block recorded as outside the chosen
# container counts as a caption when its element is one ("figcaption", "div.wp-caption-text")
PURPOSE = {"caption", "credit", "dek", "dateline", "byline", "header", "meta", "notice"}
def purpose(r):
    why = r.get("reason") or ""
    if why in PURPOSE:
        return why
    ctx = (r.get("context") or "").split(" ")[0].lower()
    return "caption" if "caption" in ctx else None
def squash(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", s or ""))
arts, seen = {}, set()
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    key = os.path.basename((a.get("source_location") or {}).get("file", ""))
    if key in cases and key not in seen:
        seen.add(key)
        arts[key] = a
count = {h: [0, 0, 0, 0, 0] for h in "AB*"}  # cases, starts, set apart; in the first 300, set apart
kinds, rules, misses = {}, {}, {}
for key, c in cases.items():
    if "content_lead" not in c:
        continue
    a = arts.get(key, {})
    t = a.get("text")
    text = "\n\n".join(x for x in t if isinstance(x, str)) if isinstance(t, list) else (t or "")
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    exp = re.sub(r"\s+", " ", unicodedata.normalize("NFC", c["content_lead"] or "")).strip()
    removed = [r for r in a.get("removed", []) if r.get("text")]
    for r in removed:
        if r.get("rule"):
            rr = rules.setdefault(r["rule"], [0, 0, set(), set()])
            right = not exp or squash(r["text"])[:30] not in squash(exp)
            rr[0] += 1
            rr[1] += right
            rr[2].add(c["domain"])
            if right:
                rr[3].add(c["domain"])
    ok = text.startswith(exp) if exp else not text
    in300 = ok or (bool(exp) and (exp in text[:300] or squash(exp) in squash(text[:300])))
    kind, near = None, False
    if not ok and exp and text:
        # the expected words left once the removed blocks they open with are taken off
        rest, taken = squash(exp), []
        inside = False  # the expected words end inside a block removed on purpose
        for _ in range(4):
            for r in removed:
                rt = squash(r["text"])
                if not purpose(r) or len(rt) < 3:
                    continue
                if rest.startswith(rt):
                    rest = rest[len(rt):]
                elif len(rest) >= 5 and rt.startswith(rest):
                    rest, inside = "", True
                else:
                    continue
                taken.append(purpose(r))
                break
            else:
                break
            if not rest:
                break
        body = squash(text)
        near = bool(taken) and (not rest or rest[:40] in squash(text[:300]))
        if taken and (not rest or body.startswith(rest[:40])):
            kind = "+".join(dict.fromkeys(taken))
            if inside:
                kind += " (the expected words end inside it: what galley's text starts with is not checked)"
        elif not taken and body.startswith(squash(exp)):
            kind = "glued words (the set's text joins blocks without a space)"
    for h in (half(key), "*"):
        count[h][0] += 1
        count[h][1] += ok
        count[h][2] += ok or kind is not None
        count[h][3] += in300
        count[h][4] += in300 or near
    if kind:
        kinds[kind] = kinds.get(kind, 0) + 1
    elif not ok:
        # what the text opens with instead: a dek (the page's description, or the set's own
        # `dek` of the case), or other blocks before the expected words, or not those words
        paras = [squash(x) for x in (t if isinstance(t, list) else (t or "").split("\n\n")) if isinstance(x, str) and x.strip()]
        deks = {squash(a.get("description") or ""), squash(c.get("dek") or "")} - {""}
        if paras and paras[0] in deks:
            why = "a dek (the page's description or the set's dek)"
        elif in300:
            why = "other blocks before the expected words (within 300 characters)"
        elif exp and squash(exp)[:40] in squash(text):
            why = "other blocks before the expected words (further on)"
        else:
            why = "not the expected words (another block chosen, or they were removed)"
        misses[why] = misses.get(why, 0) + 1
print()
print("## lead, as measured / with the cases set apart where the expected words open with what is removed on purpose")
for h, label in (("*", "whole set"), ("A", "half A"), ("B", "half B")):
    n, s, s2, t, t2 = count[h]
    f = lambda x: x / n if n else 0
    print("%-9s N=%d  starts=%.3f (%d)  set apart=%.3f (%d)   in_first_300=%.3f (%d)  set apart=%.3f (%d)" %
          (label, n, f(s), s, f(s2), s2, f(t), t, f(t2), t2))
for k, v in sorted(kinds.items(), key=lambda kv: -kv[1]):
    print("  set apart: %3d  expected words open with: %s" % (v, k))
for k, v in sorted(misses.items(), key=lambda kv: -kv[1]):
    print("  miss:      %3d  the text opens with %s" % (v, k))
print()
print("## removed blocks by rule: every removal names one (removed, right: holds none of the expected first words, distinct sites, sites where right)")
print("%-36s %8s %8s %8s %6s %6s" % ("rule", "removed", "right", "share", "sites", "right"))
for rule, (n, ok, sites, oks) in sorted(rules.items(), key=lambda kv: -kv[1][0]):
    flag = "  <- right on fewer than two sites" if len(oks) < 2 else ""
    print("%-36s %8d %8d %8.3f %6d %6d%s" % (rule, n, ok, ok / n if n else 0, len(sites), len(oks), flag))
PY
# the rules that decided authors and dates (write-json explain=true's decisions), with the
# scorer's verdicts: decided, right, distinct sites, sites where right; and every decision as a
# line "field<TAB>rule<TAB>site<TAB>1|0" of rules.tsv for the all-sets table (bench/rules_all.py),
# its site the url's host without "www." (galley-quality's), a date right on the page's day
python3 - "$out" "$data/details.json" "$set_dir/cases.json" "$data/page-day.json" "$data/rules.tsv" <<'PY'
import json, os, re, sys
details = json.load(open(sys.argv[2], encoding="utf-8"))
cases = json.load(open(sys.argv[3], encoding="utf-8"))
page_day = json.load(open(sys.argv[4], encoding="utf-8"))
tsv = open(sys.argv[5], "w", encoding="utf-8")
def host(url):
    i = url.find("://")
    h = re.split(r"[/:?#]", url[i + 3:] if i >= 0 else url)[0].lower()
    return h[4:] if h.startswith("www.") else h
rules = {}
seen = set()
for line in open(sys.argv[1], encoding="utf-8"):
    art = json.loads(line)
    key = os.path.basename((art.get("source_location") or {}).get("file", ""))
    if key not in details or key in seen:
        continue
    seen.add(key)
    dec = {d["field"]: d["rule"] for d in art.get("decisions", [])}
    # the outcome of the metadata-versus-page decision (the authors decision's detail)
    dec["outcome"] = next((d.get("detail") for d in art.get("decisions", []) if d["field"] == "authors" and d.get("detail")), "(none)")
    site = cases[key].get("domain", key)
    for field, verdict in (("authors", "authors_exact"), ("outcome", "authors_exact"), ("date", "date_day")):
        if verdict not in details[key]:
            continue
        r = rules.setdefault((field, dec.get(field, "(none)")), [0, 0, set(), set()])
        r[0] += 1
        r[2].add(site)
        if details[key][verdict]:
            r[1] += 1
            r[3].add(site)
        right = page_day.get(key, False) if field == "date" else details[key][verdict]
        tsv.write("%s\t%s\t%s\t%d\n" % (field, dec.get(field, "(none)"), host(cases[key].get("url", key)), right))
tsv.close()
print()
print("## rules: what decided authors and dates, and the outcome of the authors' metadata-versus-page decision (decided, right, distinct sites, sites where right)")
print("%-8s %-36s %8s %8s %8s %6s %6s" % ("field", "rule", "decided", "right", "share", "sites", "right"))
for (field, rule), (n, ok, sites, oks) in sorted(rules.items(), key=lambda kv: (kv[0][0], -kv[1][0], kv[0][1])):
    flag = "  <- right on fewer than two sites" if len(oks) < 2 and rule != "(none)" else ""
    print("%-8s %-36s %8d %8d %8.3f %6d %6d%s" % (field, rule, n, ok, ok / n if n else 0, len(sites), len(oks), flag))
PY
