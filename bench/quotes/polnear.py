#!/usr/bin/env python3
"""Score tag-attribution's quotes and speakers on the polnear-quotes set, one split at a time.

usage: polnear.py GALLEY_BIN DATA_DIR WORK_DIR SPLIT [--verbose] [--misses FILE]
  DATA_DIR  the unpacked polnear-quotes/ folder (ground-truth.json, gold.json, score.py)
  WORK_DIR  a scratch folder (inputs, outputs and the split's gold are written under it)
  SPLIT     train or dev

Each article is fed to read-text as scraped text (a first line, a blank line, the article body as
the set gives it, see the set's README), run through tag-attribution alone, and the quotes of
write-json's output become the scorer's predictions (one entry per quote piece, with its speaker
or null).  The set's own score.py scores them against the split's gold; the last line printed is
  polnear-SPLIT: quote_f1=... speaker_accuracy=... attribution_f1=...
--misses FILE writes, for the analysis of misses, every gold quote with the prediction it
matched (or none) and every unmatched prediction, as JSON lines."""
import json, os, shutil, subprocess, sys


def write_inputs(gt, split, indir):
    if os.path.isdir(indir):
        shutil.rmtree(indir)
    os.makedirs(indir)
    ids = sorted(aid for aid, a in gt.items() if a.get('split') == split)
    for aid in ids:
        with open(os.path.join(indir, aid + '.txt'), 'w', encoding='utf-8') as f:
            f.write('Article %s\n\n%s\n' % (aid, gt[aid]['articleBody']))
    return ids


def run_galley(galley, indir, out):
    if os.path.exists(out):
        os.remove(out)
    chain = 'read-text input=%s ! tag-attribution ! write-json output=%s explain=true' % (indir, out)
    r = subprocess.run([galley, 'run', '-e', chain], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if r.returncode != 0 and not os.path.exists(out):
        sys.exit('polnear: galley failed: ' + r.stderr.strip()[-2000:])


def article_id(rec):
    loc = rec.get('source_location') or {}
    name = os.path.basename(loc.get('file') or '')
    return name[:-4] if name.endswith('.txt') else name


def predictions(out):
    preds = {}
    with open(out, encoding='utf-8') as f:
        for line in f:
            rec = json.loads(line)
            quotes = [{'text': q.get('text', ''), 'speaker': q.get('speaker'),
                       'rule': q.get('rule')}
                      for q in rec.get('quotes', [])]
            preds[article_id(rec)] = {'quotes': quotes,
                                      'sources': [s.get('name') for s in rec.get('sources', [])]}
    return preds


def split_gold(gold, ids, path):
    keep = set(ids)
    sub = {'version': gold.get('version', 1),
           'articles': {k: v for k, v in gold['articles'].items() if k in keep}}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(sub, f)
    return sub


def write_misses(data, gt, sub, preds, path):
    sys.path.insert(0, data)
    import score  # the set's own scorer: the same tokens and matching
    with open(path, 'w', encoding='utf-8') as f:
        for aid, g in sorted(sub['articles'].items()):
            body = gt[aid]['articleBody']
            pq = [q for q in preds.get(aid, {}).get('quotes', []) if score.tokens(q.get('text'))]
            ptoks = [score.tokens(q['text']) for q in pq]
            gtoks = [score.tokens(body[q['start']:q['end']]) for q in g['quotes']]
            pairs = dict((j, i) for i, j in score.greedy_pairs(ptoks, gtoks, score.quote_match))
            for j, q in enumerate(g['quotes']):
                p = pq[pairs[j]] if j in pairs else None
                ok = p is not None and score.speaker_correct(p.get('speaker'), q['speaker'],
                                                             q.get('org', False))
                f.write(json.dumps({'id': aid, 'start': q['start'], 'end': q['end'],
                                    'gold': q['speaker'], 'org': q.get('org', False),
                                    'pred': p and p.get('speaker'), 'rule': p and p.get('rule'),
                                    'found': p is not None, 'right': ok}) + '\n')
            atoks = [score.tokens(body[x['start']:x['end']]) for x in g.get('ambiguous', [])]
            matched = set(pairs.values())
            for i, q in enumerate(pq):
                if i not in matched and not any(score.quote_match(ptoks[i], a) for a in atoks):
                    f.write(json.dumps({'id': aid, 'extra': q['text'][:80],
                                        'pred': q.get('speaker')}) + '\n')


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    verbose = '--verbose' in sys.argv
    misses = None
    if '--misses' in sys.argv:
        i = sys.argv.index('--misses')
        misses = sys.argv[i + 1]
        args.remove(misses)
    if len(args) != 4:
        print(__doc__)
        return 2
    galley, data, work, split = args
    with open(os.path.join(data, 'ground-truth.json'), encoding='utf-8') as f:
        gt = json.load(f)
    with open(os.path.join(data, 'gold.json'), encoding='utf-8') as f:
        gold = json.load(f)
    base = os.path.join(work, split)
    os.makedirs(base, exist_ok=True)
    ids = write_inputs(gt, split, os.path.join(base, 'in'))
    out = os.path.join(base, 'out.jsonl')
    run_galley(galley, os.path.join(base, 'in'), out)
    preds = predictions(out)
    pred_path = os.path.join(base, 'pred.json')
    with open(pred_path, 'w', encoding='utf-8') as f:
        json.dump(preds, f)
    sub = split_gold(gold, ids, os.path.join(base, 'gold.json'))
    r = subprocess.run([sys.executable, os.path.join(data, 'score.py'), pred_path, data,
                        '--gold', os.path.join(base, 'gold.json')],
                       stdout=subprocess.PIPE, text=True, check=True)
    figures = dict(l.split('=', 1) for l in r.stdout.splitlines() if '=' in l and ' ' not in l)
    if verbose:
        sys.stdout.write(r.stdout)
    if misses:
        write_misses(data, gt, sub, preds, misses)
    print('polnear-%s: articles=%d quote_f1=%s speaker_accuracy=%s attribution_f1=%s' % (
        split, len(ids), figures.get('quote_f1'), figures.get('speaker_accuracy'),
        figures.get('attribution_f1')))
    return 0


if __name__ == '__main__':
    sys.exit(main())
