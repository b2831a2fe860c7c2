//! Training the entity tagger (used by `posol-build train-ner`; not a stable API).
//!
//! Averaged perceptron over BILOU tags, one model for the outermost layer and one for
//! the inner layers (trained on gold parent tags). Deterministic: documents are visited
//! in a fixed pseudo-random order from a fixed seed. With [`Options::shuffles`] above 1,
//! each layer is trained that many times over different orders (seeds 0, 1, ...) and
//! the mean of the averaged weights is stored.

use std::collections::HashMap;

use super::features::{describe, features, TokInfo};
use super::hash::str_hash;
use super::lexicon::Lexicon;
use super::model::{write_classes, write_header, write_layer};
use super::perceptron::{kept_rows, train_mean, LayerWeights, Perceptron, Seq};
use super::stack::{stack_features, stack_info};
use super::tagger::{ranges, sentence_starts};
use super::tags::{encode, nested_slots, Slot};
use super::types::EntityType;

/// A training document: text and gold entities as byte spans.
#[derive(Debug, Clone)]
pub struct TrainDoc {
    /// The text.
    pub text: String,
    /// Gold entities: (start byte, end byte, type).
    pub entities: Vec<(usize, usize, EntityType)>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the data for the outer layer.
    pub epochs: usize,
    /// Passes for the inner layer.
    pub inner_epochs: usize,
    /// Averaged weights with absolute value below this are dropped.
    pub prune: f32,
    /// Subtracted from the `O` score of the outer and the inner layer at run time.
    pub o_bias: [f32; 2],
    /// Word classes: (lower-case word, class).
    pub classes: Vec<(String, u32)>,
    /// Folds of the cross-fitted first pass for the document-level second pass of the
    /// outer layer (0: no second pass).
    pub stack_folds: usize,
    /// Passes of each cross-fitting first-pass model.
    pub stack_fold_epochs: usize,
    /// Subtracted from the `O` score of the second pass at run time (`None`: the outer
    /// layer's).
    pub stack_o_bias: Option<f32>,
    /// Perceptrons trained on different document orders whose averaged weights are
    /// averaged again into each layer (1: one perceptron).
    pub shuffles: usize,
}

/// Interns feature keys as dense ids.
#[derive(Default)]
struct Interner {
    ids: HashMap<u64, u32>,
    keys: Vec<u64>,
}

impl Interner {
    fn seq(
        &mut self,
        s: &[TokInfo],
        parent: Option<&[u8]>,
        gold: Vec<u8>,
        slots: Vec<Slot>,
    ) -> Seq {
        self.seq_with(s, parent, gold, slots, &mut |_, _| {})
    }

    fn seq_with(
        &mut self,
        s: &[TokInfo],
        parent: Option<&[u8]>,
        gold: Vec<u8>,
        slots: Vec<Slot>,
        extra: &mut dyn FnMut(usize, &mut Vec<u64>),
    ) -> Seq {
        let mut offs = vec![0u32];
        let mut ids = Vec::new();
        let mut keys = Vec::new();
        for i in 0..s.len() {
            keys.clear();
            features(s, i, parent, &mut keys);
            extra(i, &mut keys);
            for &k in &keys {
                let next = self.keys.len() as u32;
                let id = *self.ids.entry(k).or_insert(next);
                if id == next {
                    self.keys.push(k);
                }
                ids.push(id);
            }
            offs.push(ids.len() as u32);
        }
        Seq {
            offs,
            ids,
            gold,
            slots,
        }
    }
}

/// Splits entities (token spans) into layers: outermost first, then what each layer hid.
fn layers(mut ents: Vec<(usize, usize, usize)>) -> Vec<Vec<(usize, usize, usize)>> {
    ents.sort_by_key(|&(a, b, t)| (a, std::cmp::Reverse(b), t));
    ents.dedup();
    let mut out = Vec::new();
    while !ents.is_empty() && out.len() < 8 {
        let (mut kept, mut rest) = (Vec::new(), Vec::new());
        let mut last_end = 0;
        for e in ents {
            if !kept.is_empty() && last_end > e.0 {
                rest.push(e);
            } else {
                last_end = e.1;
                kept.push(e);
            }
        }
        out.push(kept);
        ents = rest;
    }
    out
}

/// Folds of the cross-fitted lexicon: while training, each document sees the lexicon
/// of the other folds' documents, so the model learns how far a lexicon built on other
/// texts can be trusted.
const LEX_FOLDS: usize = 5;

/// Trains the outer and inner layers and returns the model bytes.
pub fn train(docs: &[TrainDoc], opts: &Options, log: &mut dyn FnMut(String)) -> Vec<u8> {
    let class_map: super::hash::KeyMap<u64, u32> = opts
        .classes
        .iter()
        .map(|(w, c)| (str_hash(w), *c))
        .collect();
    let classes = super::tagger::class_fn(&class_map);
    let (mut outer_in, mut inner_in) = (Interner::default(), Interner::default());
    let (mut outer, mut inner) = (Vec::new(), Vec::new());
    let (mut total, mut kept_n, mut inner_n) = (0usize, 0usize, 0usize);
    // first pass: token descriptions and token-level gold per sentence
    type SentGold = (std::ops::Range<usize>, Vec<(usize, usize, usize)>);
    let mut prepared: Vec<(Vec<TokInfo>, Vec<SentGold>)> = Vec::new();
    for doc in docs {
        let d = crate::analyze(&doc.text);
        let toks = d.tokens();
        let starts = sentence_starts(toks.len(), d.sentences());
        let infos = describe(&doc.text, toks, &starts, &classes);
        let mut sents = Vec::new();
        for r in ranges(toks.len(), d.sentences()) {
            let (s0, s1) = (toks[r.start].span.start, toks[r.end - 1].span.end);
            let mut ents = Vec::new();
            for &(a, b, t) in &doc.entities {
                if a < s0 || b > s1 {
                    continue;
                }
                // snap to tokens: first token ending after a, last token starting before b
                let ta = r.start + toks[r.clone()].partition_point(|t| t.span.end <= a);
                let tb = r.start + toks[r.clone()].partition_point(|t| t.span.start < b);
                if ta < tb {
                    ents.push((ta - r.start, tb - r.start, t.index()));
                }
            }
            sents.push((r, ents));
        }
        prepared.push((infos, sents));
    }
    // the learned lexicon: from the other half of the documents while training (so the
    // model does not learn to trust it blindly), from all documents in the model
    let lexicon_of = |fold: Option<usize>| {
        Lexicon::build(
            prepared
                .iter()
                .enumerate()
                .filter(move |(i, _)| fold.is_none_or(|f| i % LEX_FOLDS != f))
                .flat_map(|(_, (infos, sents))| {
                    sents
                        .iter()
                        .map(move |(r, ents)| (&infos[r.clone()], &ents[..]))
                }),
            true,
        )
    };
    let folds: Vec<Lexicon> = (0..LEX_FOLDS).map(|f| lexicon_of(Some(f))).collect();
    let full = lexicon_of(None);
    log(format!("lexicon: {} entries", full.map.len()));
    // per document: annotated token descriptions; per outer sequence: its document
    let mut doc_infos: Vec<Vec<TokInfo>> = Vec::with_capacity(prepared.len());
    let mut outer_doc: Vec<usize> = Vec::new();
    for (di, (infos, sents)) in prepared.iter().enumerate() {
        let mut infos = infos.clone();
        for (r, _) in sents {
            folds[di % LEX_FOLDS].annotate(&mut infos[r.clone()]);
        }
        folds[di % LEX_FOLDS].annotate_priors(&mut infos);
        for (r, ents) in sents {
            outer_doc.push(di);
            let ents = ents.clone();
            total += ents.len();
            let s = &infos[r.clone()];
            let n = s.len();
            let ls = layers(ents);
            let mut gold = Vec::new();
            encode(n, ls.first().map_or(&[][..], |l| &l[..]), &mut gold);
            kept_n += ls.first().map_or(0, Vec::len);
            outer.push(outer_in.seq(s, None, gold.clone(), vec![Slot::FREE; n]));
            let mut parent = gold;
            for l in ls.iter().skip(1).take(super::tagger::INNER_DEPTH) {
                let slots = nested_slots(&parent);
                let pspans = super::tags::spans(&parent);
                let inside: Vec<_> = l
                    .iter()
                    .copied()
                    .filter(|&(a, b, _)| pspans.iter().any(|&(pa, pb, _)| pa <= a && b <= pb))
                    .collect();
                inner_n += inside.len();
                let mut g = Vec::new();
                encode(n, &inside, &mut g);
                inner.push(inner_in.seq(s, Some(&parent), g.clone(), slots));
                parent = g;
            }
            // the last inner layer learns to stop
            let produced = ls.len().saturating_sub(1).min(super::tagger::INNER_DEPTH);
            if produced < super::tagger::INNER_DEPTH && parent.iter().any(|&t| t != 0) {
                let slots = nested_slots(&parent);
                inner.push(inner_in.seq(s, Some(&parent), vec![0; n], slots));
            }
        }
        doc_infos.push(infos);
    }
    log(format!(
        "{} docs, {} outer sequences, {} inner sequences; {total} entities in sentences, \
         {kept_n} outer, {inner_n} inner; features {} outer, {} inner",
        docs.len(),
        outer.len(),
        inner.len(),
        outer_in.keys.len(),
        inner_in.keys.len()
    ));
    let stack = (opts.stack_folds > 1).then(|| {
        train_stack(
            &prepared, &doc_infos, &outer, &outer_doc, &outer_in, opts, log,
        )
    });
    let mut out = Vec::new();
    write_header(&mut out, if stack.is_some() { 3 } else { 2 });
    for (name, seqs, int, epochs, o_bias) in [
        ("outer", &outer, &outer_in, opts.epochs, opts.o_bias[0]),
        (
            "inner",
            &inner,
            &inner_in,
            opts.inner_epochs,
            opts.o_bias[1],
        ),
    ] {
        log(format!("training the {name} layer"));
        let all: Vec<usize> = (0..seqs.len()).collect();
        let w = train_mean(seqs, &all, int.keys.len(), epochs, opts.shuffles, log);
        let (trans, rows) = kept_rows(&w, &int.keys, opts.prune);
        let n_w: usize = rows.iter().map(|r| r.1.len()).sum();
        log(format!("  {} features, {n_w} weights kept", rows.len()));
        write_layer(&mut out, &trans, &rows, o_bias);
    }
    if let Some((trans, rows)) = stack {
        let o_bias = opts.stack_o_bias.unwrap_or(opts.o_bias[0]);
        write_layer(&mut out, &trans, &rows, o_bias);
    }
    let mut cls: Vec<(u64, u32)> = class_map.iter().map(|(&k, &c)| (k, c)).collect();
    cls.sort_unstable();
    write_classes(&mut out, &cls);
    let mut lex: Vec<(u64, u32)> = full.map.iter().map(|(&k, &v)| (k, v)).collect();
    lex.sort_unstable();
    write_classes(&mut out, &lex);
    out
}

type SentGoldRef = (std::ops::Range<usize>, Vec<(usize, usize, usize)>);

/// The document-level second pass of the outer layer: first-pass tags of every training
/// document come from a model trained on the other folds' documents (so the second pass
/// learns how far first-pass output on unseen text can be trusted); the second pass is
/// trained on the base features plus [`stack_features`] over those tags.
fn train_stack(
    prepared: &[(Vec<TokInfo>, Vec<SentGoldRef>)],
    doc_infos: &[Vec<TokInfo>],
    outer: &[Seq],
    outer_doc: &[usize],
    outer_in: &Interner,
    opts: &Options,
    log: &mut dyn FnMut(String),
) -> LayerWeights {
    let k = opts.stack_folds;
    log(format!(
        "second pass: {k}-fold cross-fitted first pass, {} epochs each",
        opts.stack_fold_epochs
    ));
    let n_feats = outer_in.keys.len();
    let fold_preds: Vec<Vec<(usize, Vec<u8>)>> = std::thread::scope(|sc| {
        let handles: Vec<_> = (0..k)
            .map(|f| {
                sc.spawn(move || {
                    let train: Vec<usize> = (0..outer.len())
                        .filter(|&i| outer_doc[i] % k != f)
                        .collect();
                    let mut p = Perceptron::new(n_feats);
                    p.train(outer, &train, opts.stack_fold_epochs, 0, &mut |_| {});
                    let dense = p.dense();
                    drop(p);
                    (0..outer.len())
                        .filter(|&i| outer_doc[i] % k == f)
                        .map(|i| (i, Perceptron::decode(&dense, &outer[i], opts.o_bias[0])))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut pred: Vec<Vec<u8>> = vec![Vec::new(); outer.len()];
    for (i, p) in fold_preds.into_iter().flatten() {
        pred[i] = p;
    }
    // first-pass tags in document order, then the second-pass sequences
    let mut int = Interner::default();
    let mut seqs = Vec::with_capacity(outer.len());
    let mut next = 0usize;
    for (di, (_, sents)) in prepared.iter().enumerate() {
        let infos = &doc_infos[di];
        let mut tags = vec![0u8; infos.len()];
        let first = next;
        for (r, _) in sents {
            debug_assert_eq!(outer_doc[next], di);
            let p = &pred[next];
            if p.len() == r.len() {
                tags[r.clone()].copy_from_slice(p);
            }
            next += 1;
        }
        let ranges: Vec<_> = sents.iter().map(|(r, _)| r.clone()).collect();
        let st = stack_info(infos, &ranges, &tags);
        for (j, (r, _)) in sents.iter().enumerate() {
            let s = &infos[r.clone()];
            let sst = &st[r.clone()];
            let o = &outer[first + j];
            seqs.push(
                int.seq_with(s, None, o.gold.clone(), o.slots.clone(), &mut |i, keys| {
                    stack_features(s, sst, i, keys)
                }),
            );
        }
    }
    log(format!(
        "training the second pass ({} features)",
        int.keys.len()
    ));
    let all: Vec<usize> = (0..seqs.len()).collect();
    let w = train_mean(&seqs, &all, int.keys.len(), opts.epochs, opts.shuffles, log);
    let (trans, rows) = kept_rows(&w, &int.keys, opts.prune);
    let n_w: usize = rows.iter().map(|r| r.1.len()).sum();
    log(format!("  {} features, {n_w} weights kept", rows.len()));
    (trans, rows)
}
