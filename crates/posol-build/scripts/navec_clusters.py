#!/usr/bin/env python3
"""Word classes for the entity tagger: k-means over navec news embeddings.

Usage: python3 navec_clusters.py OUT.tsv [--words 200000] [--k 1024] [--mid 256] [--coarse 64]

Reads the navec news vectors shipped in the natasha PyPI package (navec_news_v1_1B_250K_300d_100q,
MIT licence; nothing is downloaded), keeps the most frequent `--words` lower-case Cyrillic/Latin
words (navec's vocabulary is frequency-ordered), L2-normalizes them and runs spherical k-means
with a fixed seed and a fixed number of iterations (deterministic on one machine).  The `--k`
fine centroids are clustered again into `--mid` and `--coarse` classes.  Output lines:
`word<TAB>class` with class = mid << 24 | coarse << 16 | fine.
"""
import argparse
import os
import re

import numpy as np


def kmeans(x, k, iters, seed):
    rng = np.random.default_rng(seed)
    c = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(iters):
        assign = np.empty(len(x), dtype=np.int64)
        for i in range(0, len(x), 20000):
            assign[i:i + 20000] = (x[i:i + 20000] @ c.T).argmax(1)
        for j in range(k):
            m = x[assign == j]
            if len(m):
                v = m.sum(0)
                c[j] = v / (np.linalg.norm(v) + 1e-9)
    return assign, c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--words', type=int, default=200000)
    ap.add_argument('--k', type=int, default=1024)
    ap.add_argument('--mid', type=int, default=256)
    ap.add_argument('--coarse', type=int, default=64)
    ap.add_argument('--iters', type=int, default=12)
    args = ap.parse_args()
    import natasha
    from navec import Navec
    path = os.path.join(os.path.dirname(natasha.__file__), 'data', 'emb',
                        'navec_news_v1_1B_250K_300d_100q.tar')
    navec = Navec.load(path)
    ok = re.compile(r'^[а-яёa-z][а-яёa-z\-]*$')
    words = [w for w in navec.vocab.words if ok.match(w)][:args.words]
    x = np.stack([navec[w] for w in words]).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    fine, cent = kmeans(x, args.k, args.iters, 7)
    coarse_of, _ = kmeans(cent, args.coarse, 20, 11)
    mid_of, _ = kmeans(cent, args.mid, 20, 13) if args.mid else (np.zeros(args.k, dtype=np.int64), None)
    with open(args.out, 'w', encoding='utf-8') as w:
        for word, f in zip(words, fine):
            cls = (int(mid_of[f]) << 24) | (int(coarse_of[f]) << 16) | int(f)
            w.write('%s\t%d\n' % (word.replace('ё', 'е'), cls))
    print('wrote %d words to %s' % (len(words), args.out))


if __name__ == '__main__':
    main()
