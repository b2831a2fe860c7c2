#!/usr/bin/env python3
"""Lemma and POS accuracy of posol's morphology vs pymorphy3 on the UD gold tokens.

    python3 bench/eval_morph.py [--bin target/release/posol-build] [--bench]

Runs `posol-build morph-predict` on each UD file of ../shared/data/segment ($POSOL_SHARED) (gold
tokenization), runs pymorphy3's top parse on the same tokens, and prints one table.
Lemmas are compared case-insensitively with ё = е against the UD gold lemmas, so every
number uses the UD lemma convention as the target while both systems produce
OpenCorpora-convention lemmas (participles as their own lemma, e.g. «сделанный», not
«сделать»); the context model learned some UD preferences from Taiga train.
POS: UD UPOS; pymorphy3 tags are mapped with the same OpenCorpora→UD table posol uses
(PROPN for Name/Surn/Patr/Geox/Orgn, DET for Apro, AUX for быть, CCONJ by lemma).
ud_taiga_train is the context model's training data: it is not reported.
With --bench, also prints single-threaded throughput (posol vs pymorphy3, same words,
measured in alternation; medians by wall clock and by thread CPU time, and their ratios
to pymorphy3's parse() and to its faster tag()). The words (--words): `corpus` (default),
the word tokens (`\w+(-\w+)*` with a letter) of all the shared news and UD texts once in
text order (bench/corpus.py); `dev`, the gold tokens of the UD dev files five times.
posol's allocation-free analyze_into() (tags, no lemma strings) and parse() are reported
with the per-thread cache warm (a run after a warm-up pass over the same words) and with
the cache empty at the start of each run (one pass over text the analyzer has not seen:
only repeated words hit the cache); parse() also bypassing the cache.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

import re

import pymorphy3

from corpus import news_texts, shared_dir

DATA = str(shared_dir() / "data" / "segment")
FILES = ["ud_gsd_dev", "ud_taiga_dev"]

CCONJ = {"и", "а", "но", "или", "либо", "да", "однако"}


def upos_of(tag, lemma):
    g = tag.grammemes
    pos = tag.POS
    if pos == "NOUN":
        return "PROPN" if g & {"Name", "Surn", "Patr", "Geox", "Orgn"} else "NOUN"
    if pos == "ADJF":
        return "DET" if "Apro" in g else "ADJ"
    if pos in ("ADJS", "COMP"):
        return "ADJ"
    if pos in ("VERB", "INFN", "PRTF", "PRTS", "GRND"):
        return "AUX" if lemma == "быть" else "VERB"
    if pos == "NUMR" or "NUMB" in g or "ROMN" in g:
        return "NUM"
    if pos in ("ADVB", "PRED"):
        return "ADV"
    if pos == "NPRO":
        return "PRON"
    if pos == "PREP":
        return "ADP"
    if pos == "CONJ":
        return "CCONJ" if lemma in CCONJ else "SCONJ"
    if pos == "PRCL":
        return "PART"
    if pos == "INTJ":
        return "INTJ"
    if "PNCT" in g:
        return "PUNCT"
    return "X"


def norm(s):
    return (s or "").lower().replace("ё", "е")


def gold_tokens(name):
    with gzip.open(f"{DATA}/{name}.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            for sent_start, sent_end in doc["sentences"]:
                for t in doc["tokens"]:
                    if t[0] >= sent_start and t[1] <= sent_end:
                        yield t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("CARGO_TARGET_DIR", "target") + "/release/posol-build")
    ap.add_argument("--bench", action="store_true")
    ap.add_argument("--rounds", type=int, default=3, help="alternating benchmark rounds")
    ap.add_argument("--words", choices=["corpus", "dev"], default="corpus",
                    help="benchmark words: the shared corpora once, or the UD dev tokens x5")
    args = ap.parse_args()
    morph = pymorphy3.MorphAnalyzer()
    print("| file | tokens | posol top lemma | posol ctx lemma | pymorphy3 lemma | posol top UPOS | posol ctx UPOS | pymorphy3 UPOS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    all_forms = []
    for name in FILES:
        gold = list(gold_tokens(name))
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as tmp:
            subprocess.run([args.bin, "morph-predict", f"{DATA}/{name}.jsonl.gz", tmp.name], check=True)
            with open(tmp.name, encoding="utf-8") as f:
                pred = [json.loads(l) for l in f]
        assert len(pred) == len(gold), (len(pred), len(gold))
        n = len(gold)
        c = dict.fromkeys(["tl", "cl", "pl", "tu", "cu", "pu"], 0)
        for g, p in zip(gold, pred):
            _, _, form, lemma, upos, _ = g
            assert p["form"] == form
            all_forms.append(form)
            best = morph.parse(form)[0]
            c["tl"] += norm(p["top_lemma"]) == norm(lemma)
            c["cl"] += norm(p["ctx_lemma"]) == norm(lemma)
            c["pl"] += norm(best.normal_form) == norm(lemma)
            c["tu"] += p["top_upos"] == upos
            c["cu"] += p["ctx_upos"] == upos
            c["pu"] += upos_of(best.tag, best.normal_form) == upos
        pct = {k: 100.0 * v / n for k, v in c.items()}
        print(f"| {name} | {n} | {pct['tl']:.2f} | {pct['cl']:.2f} | {pct['pl']:.2f} | "
              f"{pct['tu']:.2f} | {pct['cu']:.2f} | {pct['pu']:.2f} |")
    if args.bench:
        words = corpus_words() if args.words == "corpus" else all_forms * 5
        bench(args.bin, morph, words, args.rounds)


def corpus_words():
    """Word tokens of the shared news and UD texts, once, in text order."""
    return [w for text in news_texts() for w in re.findall(r"\w+(?:-\w+)*", text)
            if any(c.isalpha() for c in w)]


def median(xs):
    xs = sorted(xs)
    return xs[len(xs) // 2] if xs else 0.0


def bench(binary, morph, words, rounds):
    """Single-threaded throughput of posol and pymorphy3 on the same words.

    The machine may be shared, so the two are measured in alternation, `rounds` times
    each: one `posol-build bench-morph` run (itself the median of 3 timed samples of 8
    passes each, after a warm-up pass) then one pass of pymorphy3. Reported: the medians, by the wall clock and by
    thread CPU time (time not spent waiting for a core), and the ratios of the medians.
    """
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as tmp:
        tmp.write("\n".join(words))
    morph.parse("прогрев")
    posol, py_wall, py_cpu, tag_wall, tag_cpu = [], [], [], [], []
    try:
        for _ in range(rounds):
            out = subprocess.run([binary, "bench-morph", tmp.name, "3"], check=True,
                                 capture_output=True, text=True)
            posol.append(json.loads(out.stdout))
            for fn, wall, cpu in ((morph.parse, py_wall, py_cpu), (morph.tag, tag_wall, tag_cpu)):
                t, c = time.perf_counter(), time.thread_time()
                for w in words:
                    fn(w)
                c, t = time.thread_time() - c, time.perf_counter() - t
                wall.append(len(words) / t)
                cpu.append(len(words) / max(c, 1e-9))
    finally:
        os.unlink(tmp.name)
    rows = (("posol analyze_into() (warm cache)", "analyze"),
            ("posol analyze_into() (cache cold each run)", "analyze_cold"),
            ("posol parse() (warm cache)", "parse"),
            ("posol parse() (cache cold each run)", "parse_cold"),
            ("posol parse_uncached()", "parse_uncached"),
            ("posol disambiguate()", "disambiguate"))
    m = {k: median([r.get(k, 0.0) for r in posol])
         for k in [f"{key}_{unit}" for _, key in rows
                   for unit in ("words_per_s", "cpu_words_per_s")] + ["load_ms"]}
    pw, pc = median(py_wall), median(py_cpu)
    tw, tc = median(tag_wall), median(tag_cpu)
    print()
    print(f"Throughput, 1 thread, {len(words)} words ({len(set(words))} distinct), "
          f"medians of {rounds} alternating rounds "
          "(posol: each round the median of 3 samples of 8 passes after a warm-up):")
    print()
    print("| analyzer | words/s (wall clock) | words/s (thread CPU time) "
          "| vs pymorphy3 parse (wall / CPU) | vs pymorphy3 tag (wall / CPU) |")
    print("|---|---:|---:|---:|---:|")
    for name, k in rows:
        w, c = m.get(f"{k}_words_per_s", 0.0), m.get(f"{k}_cpu_words_per_s", 0.0)
        print(f"| {name} | {w:,.0f} | {c:,.0f} | {w / pw:.1f}x / {c / pc:.1f}x "
              f"| {w / tw:.1f}x / {c / tc:.1f}x |")
    print(f"| pymorphy3 parse() | {pw:,.0f} | {pc:,.0f} | 1.0x | {pw / tw:.2f}x / {pc / tc:.2f}x |")
    print(f"| pymorphy3 tag() | {tw:,.0f} | {tc:,.0f} | {tw / pw:.2f}x / {tc / pc:.2f}x | 1.0x |")
    print(f"\nposol dictionary load: {m['load_ms']:.1f} ms")

if __name__ == "__main__":
    sys.exit(main())
