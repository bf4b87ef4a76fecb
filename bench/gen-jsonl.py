#!/usr/bin/env python3
"""Write N synthetic articles in galley's JSON format (docs/json-format.md) as JSON Lines.

Usage: gen-jsonl.py N [--html] > articles.jsonl

Deterministic: the same N gives the same bytes.  Each article has the usual fields, 8-16
paragraphs of 40-90 words (about 3-6 KB of text), a quote, a source and a pipeline history;
with --html the body is also given as html.  Used by the bench to check that
`read-json ! write-json` keeps peak memory flat as the collection grows.
"""
import json
import sys

WORDS = ("the government said on tuesday that talks would resume next week after a long pause "
         "officials in the capital confirmed the plan while critics warned of delays and costs "
         "markets rose sharply as investors welcomed the news from the central bank about rates "
         "residents of the coastal town described strong winds heavy rain and flooded streets "
         "according to the report the number of jobs grew faster than expected in the last quarter "
         "élan café naïve façade über straße 東京 市場 القاهرة").split()


class Rng:
    """A small linear congruential generator: stable across Python versions."""

    def __init__(self, seed):
        self.x = seed & 0xFFFFFFFF

    def next(self, n):
        self.x = (self.x * 1664525 + 1013904223) & 0xFFFFFFFF
        return (self.x >> 8) % n


def sentence(rng, n):
    words = [WORDS[rng.next(len(WORDS))] for _ in range(n)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def article(i, with_html):
    rng = Rng(i * 2654435761 + 17)
    paras = [sentence(rng, 40 + rng.next(50)) for _ in range(8 + rng.next(9))]
    quote = " ".join(paras[1].split()[:6])
    a = {
        "id": f"bench-{i:08d}",
        "url": f"https://news.example.org/{2000 + i % 25}/{i:08d}.html",
        "source_location": {"file": "bench/crawl.warc.gz", "offset": i * 4096, "index": i},
        "title": sentence(rng, 6 + rng.next(8))[:-1],
        "authors": [f"Reporter {rng.next(500)}"],
        "date": f"{2000 + i % 25}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "site": "Example News",
        "language": "en",
        "tags": ["bench", f"topic-{rng.next(40)}"],
        "text": "\n\n".join(paras),
    }
    if with_html:
        a["html"] = "".join("<p>" + p.replace("&", "&amp;").replace("<", "&lt;") + "</p>" for p in paras)
    a["sources"] = [{"name": "Reuters", "kind": "credit", "evidence": "(Reuters)"}]
    a["quotes"] = [{"text": quote, "speaker": "A Spokesperson", "cue": "said", "paragraph": 1, "start": 0,
                    "end": len(quote)}]
    a["pipeline"] = [{"name": "read-html", "version": "1.0.0"}, {"name": "strip-boilerplate", "version": "1.0.0"}]
    return a


def main(argv):
    if len(argv) < 2 or not argv[1].isdigit():
        print(__doc__.strip(), file=sys.stderr)
        return 2
    n = int(argv[1])
    with_html = "--html" in argv[2:]
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(article(i, with_html), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
