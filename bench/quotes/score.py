#!/usr/bin/env python3
"""Score tag-attribution's quotes against the hand-labelled set (labels.tsv).

usage: score.py GALLEY_BIN DATA_DIR [--verbose]
  DATA_DIR holds html/<case>.html from the development set (webextract-dev.tar.xz unpacked).
Runs read-html ! strip-boilerplate ! tag-attribution on the labelled pages and prints quote
precision and recall (a quote matches a label of the same page whose first words it starts
with) and speaker accuracy over the matched quotes (the same name, or nobody for "-")."""
import json, os, subprocess, sys, tempfile, unicodedata

def norm(s):
    s = unicodedata.normalize("NFC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ")
    s = " ".join(s.split()).strip(" ,;:")
    return s.lower()

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    verbose = "--verbose" in sys.argv or "-v" in sys.argv
    if len(args) != 2:
        print(__doc__)
        return 2
    galley, data = args
    here = os.path.dirname(os.path.abspath(__file__))
    labels = {}
    langs = {}
    heldout = set()
    lang = "?"
    lines = [(l, False) for l in open(os.path.join(here, "labels.tsv"), encoding="utf-8")]
    if os.path.exists(os.path.join(here, "heldout.tsv")):
        lines += [(l, True) for l in open(os.path.join(here, "heldout.tsv"), encoding="utf-8")]
    for line, held in lines:
        line = line.rstrip("\n")
        if line.startswith("#"):
            if line.endswith("(en)") or "(en)" in line:
                lang = "en"
            elif "(de)" in line:
                lang = "de"
            elif "(fr)" in line:
                lang = "fr"
            continue
        if not line.strip():
            continue
        case, prefix, speaker = line.split("\t")
        if held:
            heldout.add(case)
        labels.setdefault(case, []).append((norm(prefix), None if speaker == "-" else speaker))
        langs[case] = lang
    missing = [c for c in labels if not os.path.exists(os.path.join(data, "html", c + ".html"))]
    if missing:
        print("quotes: skipped: %d labelled pages missing from %s" % (len(missing), data))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        lst = os.path.join(tmp, "pages.txt")
        with open(lst, "w") as f:
            for c in sorted(labels):
                f.write(os.path.join(os.path.abspath(data), "html", c + ".html") + "\n")
        out = os.path.join(tmp, "out.jsonl")
        pipe = "read-html input=@%s ! strip-boilerplate ! tag-attribution ! write-json output=%s" % (lst, out)
        r = subprocess.run([galley, "-q", "run", "--jobs", "1", "-e", pipe])
        if r.returncode not in (0, 1):
            print("quotes: galley failed (exit %d)" % r.returncode)
            return 1
        got = {}
        for line in open(out, encoding="utf-8"):
            a = json.loads(line)
            case = os.path.basename(a["source_location"]["file"]).rsplit(".", 1)[0]
            got[case] = a.get("quotes", [])
    tot = {}
    for case in sorted(labels):
        lab = labels[case]
        used = [False] * len(lab)
        lg = ("held-out " if case in heldout else "") + langs[case]
        t = tot.setdefault(lg, [0, 0, 0, 0, 0])  # predicted, matched predictions, labels, matched labels, right speaker
        t[2] += len(lab)
        for q in got.get(case, []):
            t[0] += 1
            text = norm(q["text"])
            hit = -1
            for i, (prefix, _) in enumerate(lab):
                if used[i]:
                    continue
                if text.startswith(prefix) or (len(text) >= 12 and prefix.startswith(text)):
                    hit = i
                    break
            if hit < 0:
                if verbose:
                    print("%s FP  %r (%s)" % (case, q["text"][:60], q.get("speaker")))
                continue
            used[hit] = True
            t[1] += 1
            t[3] += 1
            want = lab[hit][1]
            have = q.get("speaker")
            if (want is None and have is None) or (want and have and norm(want) == norm(have)):
                t[4] += 1
            elif verbose:
                print("%s SPK %r: %s, expected %s" % (case, q["text"][:50], have, want))
        if verbose:
            for i, (prefix, spk) in enumerate(lab):
                if not used[i]:
                    print("%s FN  %r (%s)" % (case, prefix[:60], spk))
    def line(name, t):
        p = t[1] / t[0] if t[0] else 0.0
        r = t[3] / t[2] if t[2] else 0.0
        s = t[4] / t[3] if t[3] else 0.0
        print("%-12s quotes: labelled %d, found %d, matched %d: precision %.3f  recall %.3f  speaker accuracy %.3f"
              % (name, t[2], t[0], t[1], p, r, s))
    dev = [sum(t[i] for k, t in tot.items() if not k.startswith("held")) for i in range(5)]
    held = [sum(t[i] for k, t in tot.items() if k.startswith("held")) for i in range(5)]
    for lg in sorted(tot):
        line(lg, tot[lg])
    line("all (dev)", dev)
    if held[2]:
        line("all held-out", held)
    return 0

if __name__ == "__main__":
    sys.exit(main())
