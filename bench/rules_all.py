#!/usr/bin/env python3
"""The per-rule table over all data sets (make bench-quality's "all sets" view).

Usage: bench/rules_all.py NAME=RULES.TSV [NAME=RULES.TSV ...]

Each RULES.TSV holds one line per decision, "field<TAB>rule<TAB>site<TAB>1|0" (1: right), as
galley-quality --rules-out and bench/postlight.sh write them; a file that is absent (its data set
was skipped) is left out and named.  For the authors' rules, the dates' rules and the outcomes of
the authors' metadata-versus-page decision, the table sums over the sets: how often a rule
decided, how often rightly, on how many distinct sites (a site is a host without "www.", so a
host in two sets counts once) and on how many of them rightly, with the decisions per set; a
rule right on fewer than two sites is flagged.  The removed blocks' rules are left out: each set
judges them differently (bench/postlight.sh prints its own table).
"""
import os
import sys

FIELDS = ("authors", "date", "outcome")
FLAG = "  <- right on fewer than two sites"


def read(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4 and parts[0] in FIELDS:
                yield parts[0], parts[1], parts[2], parts[3] == "1"


def main(args):
    sets, absent = [], []
    for arg in args:
        name, _, path = arg.partition("=")
        (sets if os.path.isfile(path) else absent).append((name, path))
    rules = {}
    for name, path in sets:
        for field, rule, site, right in read(path):
            r = rules.setdefault((field, rule), {"n": 0, "ok": 0, "sites": set(), "oks": set(), "per": {}})
            r["n"] += 1
            r["ok"] += right
            r["sites"].add(site)
            if right:
                r["oks"].add(site)
            per = r["per"].setdefault(name, [0, 0])
            per[0] += 1
            per[1] += right
    names = [name for name, _ in sets]
    print()
    print("## rules over all sets (%s): what decided authors and dates, and the outcome of the authors' "
          "metadata-versus-page decision (decided, right, distinct sites, sites where right; then "
          "right/decided per set; postlight's dates right on the page's own day)" % ", ".join(names or ["none"]))
    for name, path in absent:
        print("(%s left out: %s is absent)" % (name, path))
    head = ("field", "rule", "decided", "right", "share", "sites", "right", "  ".join("%-9s" % n[:9] for n in names))
    print(("%-8s %-36s %8s %8s %8s %6s %6s  %s" % head).rstrip())
    order = sorted(rules.items(), key=lambda kv: (FIELDS.index(kv[0][0]), -kv[1]["n"], kv[0][1]))
    for (field, rule), r in order:
        per = "  ".join("%-9s" % ("%d/%d" % (r["per"][n][1], r["per"][n][0]) if n in r["per"] else "-") for n in names)
        flag = FLAG if len(r["oks"]) < 2 and rule != "(none)" else ""
        line = "%-8s %-36s %8d %8d %8.3f %6d %6d  %s" % (field, rule, r["n"], r["ok"], r["ok"] / r["n"] if r["n"] else 0,
                                                       len(r["sites"]), len(r["oks"]), per)
        print((line + flag).rstrip())
    flagged = sorted("%s %s" % k for k, r in rules.items() if len(r["oks"]) < 2 and k[1] != "(none)")
    print("right on fewer than two sites over all sets: %s" % (", ".join(flagged) if flagged else "none"))


if __name__ == "__main__":
    main(sys.argv[1:])
