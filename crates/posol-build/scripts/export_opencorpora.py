#!/usr/bin/env python3
"""Export the OpenCorpora dictionary shipped in `pymorphy3-dicts-ru` to plain text.

Run by `posol-build morph-dict` (you normally do not call it yourself):

    python3 export_opencorpora.py OUT_DIR

The DAWG files of the pip package need the DAWG reader that comes with pymorphy3, so this
small step flattens them into tab-separated files that the Rust compiler reads:

* words.tsv          form, paradigm id, form index
* pred-N.tsv         (N = paradigm prefix id) suffix, count, paradigm id, form index
* probs.tsv          word, tag (opencorpora-int string), P(t|w) * 1e6
* gramtab.json, suffixes.json, paradigms.json, meta.json (paradigm prefixes, versions)

Nothing is downloaded: the data comes from the installed package only.
"""
import json
import os
import sys

import pymorphy3_dicts_ru
from pymorphy3.opencorpora_dict.storage import load_dict
from pymorphy3.dawg import ConditionalProbDistDAWG


def main() -> None:
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    path = pymorphy3_dicts_ru.get_path()
    d = load_dict(path)
    with open(os.path.join(out, "gramtab.json"), "w", encoding="utf-8") as f:
        json.dump([str(t) for t in d.gramtab], f, ensure_ascii=False)
    with open(os.path.join(out, "suffixes.json"), "w", encoding="utf-8") as f:
        json.dump(list(d.suffixes), f, ensure_ascii=False)
    with open(os.path.join(out, "paradigms.json"), "w", encoding="utf-8") as f:
        json.dump([list(p) for p in d.paradigms], f)
    meta = dict(d.meta)
    meta["paradigm_prefixes"] = list(d.paradigm_prefixes)
    meta["pymorphy3_dicts_ru_path"] = path
    with open(os.path.join(out, "meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False)
    with open(os.path.join(out, "words.tsv"), "w", encoding="utf-8") as f:
        for word, (para, idx) in d.words.iteritems():
            f.write(f"{word}\t{para}\t{idx}\n")
    for i, dawg in enumerate(d.prediction_suffixes_dawgs):
        with open(os.path.join(out, f"pred-{i}.tsv"), "w", encoding="utf-8") as f:
            for suffix, (cnt, para, idx) in dawg.iteritems():
                f.write(f"{suffix}\t{cnt}\t{para}\t{idx}\n")
    cpd = ConditionalProbDistDAWG().load(os.path.join(path, "p_t_given_w.intdawg"))
    with open(os.path.join(out, "probs.tsv"), "w", encoding="utf-8") as f:
        for key, value in cpd.iteritems():
            word, _, tag = key.rpartition(":")
            f.write(f"{word}\t{tag}\t{value}\n")


if __name__ == "__main__":
    main()
