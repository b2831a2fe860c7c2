#!/usr/bin/env python3
"""Entity quality on the dev sets, posol and natasha side by side.

Usage: python3 bench/eval_ner.py [--model PATH] [--no-natasha] [--merged] [--out DIR]

Runs `posol-build ner-predict` (release build, own target dir via CARGO_TARGET_DIR) on
NEREL dev (29 types, nested) and factRuEval dev (PER/LOC/ORG names view,
`posol::ner::coarse_view_names`: the factRuEval convention), runs natasha's
NewsNERTagger on the same texts when natasha is installed, and prints the tables of
the shared scorer (../shared/tools/score_ner.py, or $POSOL_SHARED):

* NEREL dev, all 29 types (exact span + type, nested gold as is), per type;
* NEREL dev, PER/LOC/ORG via maps/nerel_to_per_loc_org.json (nested gold);
* factRuEval dev, PER/LOC/ORG, exact and --token-level.

With --merged, also scores the entities of `posol.analyze` on NEREL dev (the model's,
merged with the fact rules; printed by `--example eval_facts -- GOLD --entities`) next
to the model alone and the rules alone: micro F1 over all types and per-type F1 of
MONEY, PERCENT, NUMBER, ORDINAL, DATE and TIME.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from corpus import shared_dir

SHARED = str(shared_dir())
SCORER = os.path.join(SHARED, 'tools', 'score_ner.py')
MAP = os.path.join(SHARED, 'tools', 'maps', 'nerel_to_per_loc_org.json')
NEREL = os.path.join(SHARED, 'data', 'ner', 'nerel_v1.1_dev.jsonl.gz')
FACTRU = os.path.join(SHARED, 'data', 'ner', 'factrueval2016_dev.jsonl.gz')


def build():
    subprocess.run(['cargo', 'build', '-q', '--release', '-p', 'posol-build'], cwd=ROOT, check=True)
    target = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))
    return os.path.join(target, 'release', 'posol-build')


def posol_predict(binary, gold, out, coarse, model):
    cmd = [binary, 'ner-predict', gold, out]
    if coarse:
        cmd.append('--coarse')
    if model:
        cmd += ['--model', model]
    subprocess.run(cmd, check=True)


def natasha_predict(gold, out):
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    with gzip.open(gold, 'rt', encoding='utf-8') as fh, open(out, 'w', encoding='utf-8') as w:
        for line in fh:
            d = json.loads(line)
            doc = Doc(d['text'])
            doc.segment(segmenter)
            doc.tag_ner(tagger)
            ents = [{'start': s.start, 'end': s.stop, 'type': s.type} for s in doc.spans]
            w.write(json.dumps({'id': d['id'], 'entities': ents}, ensure_ascii=False) + '\n')


FACT_TYPES = ['MONEY', 'PERCENT', 'NUMBER', 'ORDINAL', 'DATE', 'TIME']


def example_predict(gold, out, *extra):
    cmd = ['cargo', 'run', '-q', '--release', '-p', 'posol', '--example', 'eval_facts', '--',
           gold, *extra]
    with open(out, 'w', encoding='utf-8') as w:
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=w)


def merged_table(model, rules, merged):
    """The merged entity set next to the model and the rules (F1 on NEREL dev)."""
    runs = [('model', model), ('rules', rules), ('merged', merged)]
    six = {name: json.loads(score(NEREL, path, '--types', ','.join(FACT_TYPES), '--json'))
           for name, path in runs}
    print('\n## NEREL dev, posol.analyze entities (model merged with fact rules)\n')
    print('| F1 | model | rules | merged |')
    print('|---|---:|---:|---:|')
    row = lambda label, vals: print('| %s | %s |' % (label, ' | '.join(vals)))
    row('all 29 types, micro', ['%.4f' % micro(NEREL, model), '-', '%.4f' % micro(NEREL, merged)])
    for t in FACT_TYPES:
        row(t, ['%.4f' % six[name]['per_type'][t]['f1'] for name, _ in runs])
    row('six types, micro', ['%.4f' % six[name]['micro']['f1'] for name, _ in runs])


def score(gold, pred, *extra):
    res = subprocess.run([sys.executable, SCORER, gold, pred, *extra], check=True,
                         capture_output=True, text=True)
    return res.stdout


def micro(gold, pred, *extra):
    res = json.loads(score(gold, pred, *extra, '--json'))
    m = res.get('micro', res)
    return m.get('f1', float('nan'))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--model', help='model file (default: the embedded one); it must have been '
                    'trained with this source tree: features are computed by the current code, '
                    'so a model from other feature code scores wrongly without an error')
    ap.add_argument('--no-natasha', action='store_true')
    ap.add_argument('--merged', action='store_true',
                    help='also score the merged entities of posol.analyze on NEREL dev')
    ap.add_argument('--out', default=os.path.join(ROOT, 'bench', 'out', 'ner'))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    binary = build()
    p = lambda name: os.path.join(args.out, name)
    t = time.time()
    posol_predict(binary, NEREL, p('posol_nerel.jsonl'), False, args.model)
    posol_predict(binary, FACTRU, p('posol_factru.jsonl'), True, args.model)
    print('posol predictions in %.1f s' % (time.time() - t))
    have_natasha = False
    if not args.no_natasha:
        try:
            t = time.time()
            natasha_predict(NEREL, p('natasha_nerel.jsonl'))
            natasha_predict(FACTRU, p('natasha_factru.jsonl'))
            have_natasha = True
            print('natasha predictions in %.1f s' % (time.time() - t))
        except ImportError:
            print('natasha not installed: no comparison')
    print('\n## NEREL dev, 29 types, nested gold: posol\n')
    print(score(NEREL, p('posol_nerel.jsonl')))
    runs = [('posol', 'posol')] + ([('natasha', 'natasha')] if have_natasha else [])
    for name, prefix in runs:
        print('\n## NEREL dev, PER/LOC/ORG (nested gold, map): %s\n' % name)
        print(score(NEREL, p(prefix + '_nerel.jsonl'), '--map', MAP))
    for name, prefix in runs:
        for extra, label in (((), 'exact'), (('--token-level',), 'token-level')):
            print('\n## factRuEval dev, PER/LOC/ORG, %s: %s\n' % (label, name))
            print(score(FACTRU, p(prefix + '_factru.jsonl'), *extra))
    print('\n## Summary (micro F1)\n')
    print('| metric | posol | natasha |')
    print('|---|---:|---:|')
    rows = [('NEREL dev, 29 types', NEREL, 'nerel', (), False),
            ('NEREL dev, PER/LOC/ORG', NEREL, 'nerel', ('--map', MAP), True),
            ('factRuEval dev, exact', FACTRU, 'factru', (), True),
            ('factRuEval dev, token-level', FACTRU, 'factru', ('--token-level',), True)]
    for label, gold, suffix, extra, both in rows:
        ours = micro(gold, p('posol_%s.jsonl' % suffix), *extra)
        theirs = micro(gold, p('natasha_%s.jsonl' % suffix), *extra) if have_natasha and both else None
        print('| %s | %.4f | %s |' % (label, ours, '%.4f' % theirs if theirs is not None else '-'))
    if args.merged:
        if args.model:
            print('\n--merged uses the embedded model, not --model')
        example_predict(NEREL, p('rules_nerel.jsonl'))
        example_predict(NEREL, p('merged_nerel.jsonl'), '--entities')
        merged_table(p('posol_nerel.jsonl'), p('rules_nerel.jsonl'), p('merged_nerel.jsonl'))


if __name__ == '__main__':
    main()
