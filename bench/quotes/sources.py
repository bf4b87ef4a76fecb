#!/usr/bin/env python3
"""Sources (the outlets a story credits or cites) found by tag-attribution.

usage: sources.py GALLEY_BIN [--verbose]
         scores the hand-labelled synthetic check sources.tsv (next to this script; the rules
         were tuned on it) and its held-out part sources-heldout.tsv (never tuned on): precision
         and recall of (name, kind) pairs over all the lines of each
       sources.py --count OUT.jsonl [--sample N]
         counts, in write-json output (explain=true), the articles with a source, by kind and
         by rule; --sample N prints N sources picked at random (fixed seed) with their evidence,
         for reading by hand (polnear-quotes has no gold for sources)."""
import collections, json, os, random, subprocess, sys, tempfile


def score(galley, verbose, file, label):
    here = os.path.dirname(os.path.abspath(__file__))
    cases = []
    for line in open(os.path.join(here, file), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('#'):
            continue
        text, want = line.split('\t')
        gold = set() if want == '-' else {tuple(x.split('|')) for x in want.split(';')}
        cases.append((text.replace('\\n', '\n'), gold))
    with tempfile.TemporaryDirectory() as tmp:
        indir = os.path.join(tmp, 'in')
        os.makedirs(indir)
        for i, (text, _) in enumerate(cases):
            with open(os.path.join(indir, 'case%03d.txt' % i), 'w', encoding='utf-8') as f:
                f.write('Check %d\n\n%s\n' % (i, text))
        out = os.path.join(tmp, 'out.jsonl')
        chain = 'read-text input=%s ! tag-attribution ! write-json output=%s explain=true' % (indir, out)
        r = subprocess.run([galley, '-q', 'run', '--jobs', '1', '-e', chain], stderr=subprocess.PIPE, text=True)
        if r.returncode != 0:
            sys.exit('sources: galley failed: ' + r.stderr[-2000:])
        got = {}
        for line in open(out, encoding='utf-8'):
            rec = json.loads(line)
            name = os.path.basename(rec['source_location']['file'])
            got[int(name[4:7])] = {(s['name'], s.get('kind')): s.get('rule') for s in rec.get('sources', [])}
    tp = fp = fn = 0
    for i, (text, gold) in enumerate(cases):
        pred = got.get(i, {})
        tp += len(gold & set(pred))
        fp += len(set(pred) - gold)
        fn += len(gold - set(pred))
        if verbose and (set(pred) != gold):
            print('MISS %r\n     want %s\n     got  %s' % (text[:90], sorted(gold), sorted(pred.items())))
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
    print('sources %-9s (synthetic, %2d articles): expected %d, found %d, right %d: precision %.3f  recall %.3f  F1 %.3f'
          % (label, len(cases), tp + fn, tp + fp, tp, p, rc, f1))


def count(out, sample):
    arts = with_src = 0
    kinds, rules, names = collections.Counter(), collections.Counter(), collections.Counter()
    every = []
    for line in open(out, encoding='utf-8'):
        rec = json.loads(line)
        arts += 1
        srcs = rec.get('sources', [])
        if srcs:
            with_src += 1
        for s in srcs:
            kinds[s.get('kind')] += 1
            rules[s.get('rule')] += 1
            names[s['name']] += 1
            loc = os.path.basename((rec.get('source_location') or {}).get('file', ''))
            every.append((loc, s))
    print('sources: %d of %d articles have a source (%d sources)' % (with_src, arts, sum(kinds.values())))
    print('  by kind: ' + ', '.join('%s %d' % kv for kv in sorted(kinds.items())))
    print('  by rule: ' + ', '.join('%s %d' % kv for kv in sorted(rules.items())))
    print('  most named: ' + ', '.join('%s %d' % kv for kv in names.most_common(12)))
    if sample:
        rnd = random.Random(14)
        for loc, s in rnd.sample(every, min(sample, len(every))):
            print('--- %s: %s [%s, %s]\n    %s' % (loc, s['name'], s.get('kind'), s.get('rule'),
                                                s.get('evidence', '')[:240]))


def main():
    args = sys.argv[1:]
    if '--count' in args:
        i = args.index('--count')
        n = int(args[args.index('--sample') + 1]) if '--sample' in args else 0
        count(args[i + 1], n)
        return 0
    pos = [a for a in args if not a.startswith('-')]
    if len(pos) != 1:
        print(__doc__)
        return 2
    verbose = '--verbose' in args or '-v' in args
    score(pos[0], verbose, 'sources.tsv', 'tuned')
    score(pos[0], verbose, 'sources-heldout.tsv', 'held-out')
    return 0


if __name__ == '__main__':
    sys.exit(main())
