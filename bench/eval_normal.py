#!/usr/bin/env python3
"""Normal forms and within-document linking of gold mentions: posol vs natasha.

Normalization accuracy on BSNLP-2019 ru train (gold spans and types; a mention is right
when its normal form equals one of the gold `bases`, ignoring case and ё/е), overall and
per type; natasha's `span.normalize(morph_vocab)` on the same spans in the same run.
Linking: B-cubed precision/recall/F1 of posol's objects against BSNLP `kb_id`s and
against factRuEval dev coreference chains (gold mentions), next to two baselines:
every mention alone, and mentions grouped by identical natasha normal form and type.

    python3 bench/eval_normal.py [--errors TYPE] [--no-natasha] [--limit N]
"""
import argparse
import collections
import gzip
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from corpus import shared_dir

DATA = str(shared_dir() / 'data' / 'ner')
BSNLP = os.path.join(DATA, 'bsnlp2019_ru_train.jsonl.gz')
FACTRU = os.path.join(DATA, 'factrueval2016_dev_fine.jsonl.gz')


def load(path, limit=None):
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return docs[:limit] if limit else docs


def run_posol(path, docs):
    tmp = '/tmp/posol_eval_normal_gold.jsonl'
    with open(tmp, 'w', encoding='utf-8') as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + '\n')
    cmd = ['cargo', 'run', '--release', '-q', '-p', 'posol', '--example', 'eval_normal', '--', tmp]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    preds = [json.loads(line) for line in out.splitlines() if line.strip()]
    return {p['id']: p for p in preds}


def run_natasha(docs):
    from natasha import (Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsSyntaxParser,
                         Segmenter)
    from natasha.doc import DocSpan
    seg, emb = Segmenter(), NewsEmbedding()
    tagger, parser, vocab = NewsMorphTagger(emb), NewsSyntaxParser(emb), MorphVocab()
    natasha_type = {'PER': 'PER', 'ORG': 'ORG', 'Person': 'PER', 'Org': 'ORG'}
    res = {}
    for d in docs:
        doc = Doc(d['text'])
        doc.segment(seg)
        doc.tag_morph(tagger)
        doc.parse_syntax(parser)
        out = []
        for e in d['entities']:
            toks = [t for t in doc.tokens if t.start >= e['start'] and t.stop <= e['end']]
            span = DocSpan(e['start'], e['end'], natasha_type.get(e['type'], 'LOC'), e['text'],
                           tokens=toks)
            try:
                span.normalize(vocab)
                out.append(span.normal or e['text'])
            except Exception:  # natasha fails on some spans; count its surface text
                out.append(e['text'])
        res[d['id']] = out
    return res


def fold(s):
    return ' '.join(s.lower().replace('ё', 'е').split())


def norm_table(docs, systems, errors_type=None):
    counts = {name: collections.Counter() for name in systems}
    totals = collections.Counter()
    for d in docs:
        for i, e in enumerate(d['entities']):
            bases = e.get('bases') or []
            if not bases:
                continue
            gold = {fold(b) for b in bases}
            totals[e['type']] += 1
            totals['ALL'] += 1
            for name, pred in systems.items():
                got = pred[d['id']][i]
                if fold(got) in gold:
                    counts[name][e['type']] += 1
                    counts[name]['ALL'] += 1
                elif name == 'posol' and errors_type in (e['type'], 'ALL'):
                    print(f'  {e["text"]!r:40} -> {got!r:40} gold {bases}', file=sys.stderr)
    types = ['ALL'] + sorted(t for t in totals if t != 'ALL')
    print('| system | ' + ' | '.join(f'{t} (n={totals[t]})' for t in types) + ' |')
    print('|---|' + '---:|' * len(types))
    for name in systems:
        cells = [f'{counts[name][t] / totals[t]:.3f}' if totals[t] else '-' for t in types]
        print(f'| {name} | ' + ' | '.join(cells) + ' |')


def bcubed(gold_clusters, pred_clusters):
    """gold/pred: list (per doc) of lists of cluster labels per mention (None = own)."""
    p_sum = r_sum = n = 0.0
    for gold, pred in zip(gold_clusters, pred_clusters):
        g = [x if x is not None else ('g', i) for i, x in enumerate(gold)]
        q = [x if x is not None else ('p', i) for i, x in enumerate(pred)]
        gmem, pmem = collections.defaultdict(set), collections.defaultdict(set)
        for i, (a, b) in enumerate(zip(g, q)):
            gmem[a].add(i)
            pmem[b].add(i)
        for i in range(len(g)):
            both = len(gmem[g[i]] & pmem[q[i]])
            p_sum += both / len(pmem[q[i]])
            r_sum += both / len(gmem[g[i]])
            n += 1
    p, r = p_sum / max(n, 1), r_sum / max(n, 1)
    return p, r, 2 * p * r / max(p + r, 1e-9), int(n)


def link_table(title, gold, systems):
    print(f'\n{title}\n')
    print('| system | B3 P | B3 R | B3 F1 | mentions |')
    print('|---|---:|---:|---:|---:|')
    for name, pred in systems.items():
        p, r, f, n = bcubed(gold, pred)
        print(f'| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {n} |')


def factru_gold(docs):
    out = []
    for d in docs:
        ids = [e['id'] for e in d['entities']]
        label = {}
        for rel in d.get('relations', []):
            if rel['type'] == 'COREF':
                root = label.get(rel['head'], rel['head'])
                label[rel['head']] = root
                label[rel['tail']] = root
        out.append([label.get(i) for i in ids])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--errors', help='print posol normalization errors of this type (or ALL)')
    ap.add_argument('--no-natasha', action='store_true')
    ap.add_argument('--limit', type=int)
    args = ap.parse_args()

    bsnlp = load(BSNLP, args.limit)
    posol = run_posol(BSNLP, bsnlp)
    posol_norm = {i: [e['normal'] for e in p['entities']] for i, p in posol.items()}
    systems = {'posol': posol_norm}
    nat = None
    if not args.no_natasha:
        nat = run_natasha(bsnlp)
        systems['natasha'] = nat
    print('## Normalization accuracy, BSNLP-2019 ru train (gold spans and types)\n')
    norm_table(bsnlp, systems, args.errors)

    def by_normal(docs, normals):
        return [[(e['type'], fold(n)) for e, n in zip(d['entities'], normals[d['id']])]
                for d in docs]

    gold = [[e.get('kb_id') for e in d['entities']] for d in bsnlp]
    link_sys = {'posol objects': [[e['object'] for e in posol[d['id']]['entities']] for d in bsnlp],
                'singletons': [[None] * len(d['entities']) for d in bsnlp]}
    if nat:
        link_sys['natasha normal + type'] = by_normal(bsnlp, nat)
    link_table('## Linking, BSNLP-2019 ru train (gold mentions, kb_id)', gold, link_sys)

    fr = load(FACTRU, args.limit)
    fpred = run_posol(FACTRU, fr)
    link_sys = {'posol objects': [[e['object'] for e in fpred[d['id']]['entities']] for d in fr],
                'singletons': [[None] * len(d['entities']) for d in fr]}
    if not args.no_natasha:
        link_sys['natasha normal + type'] = by_normal(fr, run_natasha(fr))
    link_table('## Linking, factRuEval-2016 dev (gold mentions, COREF chains)', factru_gold(fr),
               link_sys)


if __name__ == '__main__':
    main()
