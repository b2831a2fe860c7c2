#!/usr/bin/env python3
"""Entity-pipeline speed: posol (Rust, `posol-build bench-ner`) vs natasha on the same texts.

Usage: python3 bench/bench_ner.py [--rounds 3]

Texts: NEREL dev + factRuEval dev (shared data).  posol: normalization, tokens, sentences
(`analyze_with(text, &Options::segmentation())`), then the tagger (29 types, nested) with the
morphology and facts it computes for itself; natasha: Segmenter + NewsNERTagger (PER/LOC/ORG),
with its numpy limited to one thread (OMP/OpenBLAS/MKL_NUM_THREADS=1).
Prints chars/s and docs/s, single-threaded and on all cores (posol), and the ratio.
"""
import argparse
import gzip
import json
import os
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
from corpus import shared_dir

DOCS = [str(shared_dir() / 'data' / 'ner' / name)
        for name in ('nerel_v1.1_dev.jsonl.gz', 'factrueval2016_dev.jsonl.gz')]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--rounds', type=int, default=3)
    args = ap.parse_args()
    subprocess.run(['cargo', 'build', '-q', '--release', '-p', 'posol-build'], cwd=ROOT, check=True)
    target = os.environ.get('CARGO_TARGET_DIR', os.path.join(ROOT, 'target'))
    cmd = [os.path.join(target, 'release', 'posol-build'), 'bench-ner', '--json',
           '--rounds', str(args.rounds)]
    for d in DOCS:
        cmd += ['--docs', d]
    ours = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    texts = [json.loads(l)['text'] for d in DOCS for l in gzip.open(d, 'rt', encoding='utf-8')]
    chars = sum(len(t) for t in texts)
    nat = None
    # single-threaded like posol's figure: no BLAS/OpenMP worker threads for natasha's numpy
    for var in ('OMP_NUM_THREADS', 'OPENBLAS_NUM_THREADS', 'MKL_NUM_THREADS'):
        os.environ[var] = '1'
    try:
        from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
        t = time.time()
        segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
        load = time.time() - t
        t = time.time()
        for text in texts:
            doc = Doc(text)
            doc.segment(segmenter)
            doc.tag_ner(tagger)
        secs = time.time() - t
        nat = {'chars_per_s': chars / secs, 'docs_per_s': len(texts) / secs, 'load_s': load}
    except ImportError:
        pass
    print('docs %d, chars %d' % (len(texts), chars))
    print('| pipeline | chars/s | docs/s | load s |')
    print('|---|---:|---:|---:|')
    print('| posol, 1 thread | %.0f | %.1f | %.3f |' % (
        ours['single_chars_per_s'], ours['single_docs_per_s'], ours['load_ner_s'] + ours['load_morph_s']))
    print('| posol, %d threads | %.0f | %.1f | |' % (
        ours['threads'], ours['multi_chars_per_s'], ours['multi_docs_per_s']))
    if nat:
        print('| natasha (segment + NER), 1 thread | %.0f | %.1f | %.3f |' % (
            nat['chars_per_s'], nat['docs_per_s'], nat['load_s']))
        print('ratio posol/natasha, 1 thread: %.1fx' % (ours['single_chars_per_s'] / nat['chars_per_s']))
    print('posol peak RSS: %.1f MB' % ours['peak_rss_mb'])


if __name__ == '__main__':
    main()
