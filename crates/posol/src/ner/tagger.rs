//! Running the layered tagger over a document.

use super::features::{base_features, describe_with, parent_features, TokInfo};
use super::hash::{str_hash, KeyMap};
use super::model::Model;
use super::stack::{stack_features, stack_info, StackInfo};
use super::tags::{nested_slots, spans, viterbi, Scratch, Slot, N_TAGS};
use super::types::EntityType;
use crate::facts::Fact;
use crate::sentence::Sentence;
use crate::token::Token;

/// How many inner layers are decoded below the outermost one.
pub(crate) const INNER_DEPTH: usize = 3;

/// Word-class lookup for [`describe_with`]: class id + 1, or 0 for unknown words.
pub(crate) fn class_fn(classes: &KeyMap<u64, u32>) -> impl Fn(&str) -> u64 + '_ {
    move |w: &str| classes.get(&str_hash(w)).map_or(0, |&c| c as u64 + 1)
}

/// Marks sentence-initial tokens.
pub(crate) fn sentence_starts(n_tokens: usize, sentences: &[Sentence]) -> Vec<bool> {
    let mut starts = vec![false; n_tokens];
    for s in sentences {
        if let Some(x) = starts.get_mut(s.tokens.start) {
            *x = true;
        }
    }
    if let Some(x) = starts.first_mut() {
        *x = true;
    }
    starts
}

/// Token ranges to tag: the sentences, or the whole text when there are none.
pub(crate) fn ranges(n_tokens: usize, sentences: &[Sentence]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<_> = sentences
        .iter()
        .map(|s| s.tokens.start.min(n_tokens)..s.tokens.end.min(n_tokens))
        .filter(|r| !r.is_empty())
        .collect();
    if out.is_empty() && n_tokens > 0 {
        out.push(0..n_tokens);
    }
    out
}

/// Entities of one sentence as (first token, end token, type, depth), token indices
/// relative to the sentence.
pub(crate) type Found = (usize, usize, EntityType, usize);

/// Per-call buffers.
#[derive(Default)]
pub(crate) struct Work {
    keys: Vec<u64>,
    emit: Vec<f32>,
    scratch: Scratch,
    /// Inner-layer weights of each token's parent-independent features (computed on
    /// first need), and whether they are computed.
    base: Vec<[i32; N_TAGS]>,
    has_base: Vec<bool>,
}

/// Decodes the outer layer of one sentence: the first pass (`layers[0]`), or with
/// `stack` the document-level second pass (`layers[2]`, when the model has one).
/// `second` holds the second pass's weights of the sentence's base features: the first
/// pass fills it, the second pass starts from it.
pub(crate) fn outer_tags(
    model: &Model,
    s: &[TokInfo],
    stack: Option<&[StackInfo]>,
    second: &mut [[i32; N_TAGS]],
    w: &mut Work,
) -> Vec<u8> {
    let layer = match stack {
        Some(_) => model.layers.get(2),
        None => model.layers.first(),
    };
    let Some(outer) = layer else {
        return vec![0; s.len()];
    };
    let next = model.layers.get(2).filter(|_| stack.is_none());
    let n = s.len();
    w.emit.clear();
    w.emit.resize(n * N_TAGS, 0.0);
    let mut acc = [0i32; N_TAGS];
    for (i, second) in (0..n).zip(second.iter_mut()) {
        w.keys.clear();
        if let Some(st) = stack {
            acc = *second;
            stack_features(s, st, i, &mut w.keys);
            outer.accumulate(&w.keys, &mut acc);
        } else {
            acc.fill(0);
            base_features(s, i, &mut w.keys);
            match next {
                Some(next) => outer.accumulate_with(next, &w.keys, &mut acc, second),
                None => outer.accumulate(&w.keys, &mut acc),
            }
        }
        outer.finish(&acc, &mut w.emit[i * N_TAGS..(i + 1) * N_TAGS]);
    }
    let free = vec![Slot::FREE; n];
    let mut tags = Vec::new();
    viterbi(&w.emit, outer.trans(), &free, &mut w.scratch, &mut tags);
    if tags.len() != n {
        tags = vec![0; n];
    }
    tags
}

/// Tags one sentence with the inner layers of `model`, given its outer `tags`.
pub(crate) fn tag_sentence(
    model: &Model,
    s: &[TokInfo],
    mut tags: Vec<u8>,
    w: &mut Work,
    found: &mut Vec<Found>,
) {
    let n = s.len();
    let mut acc;
    for (a, b, t) in spans(&tags) {
        found.push((a, b, t, 0));
    }
    let Some(inner) = model.layers.get(1) else {
        return;
    };
    w.base.clear();
    w.base.resize(n, [0; N_TAGS]);
    w.has_base.clear();
    w.has_base.resize(n, false);
    for depth in 1..=INNER_DEPTH {
        if tags.iter().all(|&t| t == 0) {
            break;
        }
        let slots = nested_slots(&tags);
        // Tokens outside every parent entity can only be `O`: their scores do not
        // change the best path, so only tokens inside parents are scored.
        w.emit.clear();
        w.emit.resize(n * N_TAGS, 0.0);
        for i in (0..n).filter(|&i| slots[i].open) {
            if !w.has_base[i] {
                w.keys.clear();
                base_features(s, i, &mut w.keys);
                inner.accumulate(&w.keys, &mut w.base[i]);
                w.has_base[i] = true;
            }
            acc = w.base[i];
            w.keys.clear();
            parent_features(s, i, &tags, &mut w.keys);
            inner.accumulate(&w.keys, &mut acc);
            inner.finish(&acc, &mut w.emit[i * N_TAGS..(i + 1) * N_TAGS]);
        }
        let mut next = Vec::new();
        viterbi(&w.emit, inner.trans(), &slots, &mut w.scratch, &mut next);
        for (a, b, t) in spans(&next) {
            found.push((a, b, t, depth));
        }
        tags = next;
    }
}

/// Describes and tags a whole document; entities as (start token, end token, type,
/// depth) in document token indices. `facts`: the rule facts of the text
/// (`facts::extract(text, tokens, None)`), when the caller has them.
pub(crate) fn tag_document(
    model: &Model,
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    facts: Option<&[Fact]>,
) -> Vec<Found> {
    // tokens of another text: nothing sensible to find, and no span may leave the text
    if tokens.iter().any(|t| text.get(t.span.range()).is_none()) {
        return Vec::new();
    }
    let starts = sentence_starts(tokens.len(), sentences);
    let classes = class_fn(&model.classes);
    let mut infos = describe_with(text, tokens, &starts, &classes, facts);
    let rs = ranges(tokens.len(), sentences);
    for r in &rs {
        model.lexicon.annotate(&mut infos[r.clone()]);
    }
    model.lexicon.annotate_priors(&mut infos);
    let mut w = Work::default();
    // second-pass weights of each token's base features, summed by the first pass,
    // which looks up the same keys
    let mut second = vec![[0; N_TAGS]; infos.len()];
    let mut first = Vec::with_capacity(infos.len());
    let mut sent_tags = Vec::with_capacity(rs.len());
    for r in &rs {
        let tags = outer_tags(
            model,
            &infos[r.clone()],
            None,
            &mut second[r.clone()],
            &mut w,
        );
        first.resize(r.start, 0);
        first.extend_from_slice(&tags);
        sent_tags.push(tags);
    }
    if model.layers.len() > 2 {
        first.resize(infos.len(), 0);
        let st = stack_info(&infos, &rs, &first);
        for (r, tags) in rs.iter().zip(sent_tags.iter_mut()) {
            let (s, st) = (&infos[r.clone()], Some(&st[r.clone()]));
            *tags = outer_tags(model, s, st, &mut second[r.clone()], &mut w);
        }
    }
    let mut out = Vec::new();
    let mut found = Vec::new();
    for (r, tags) in rs.into_iter().zip(sent_tags) {
        found.clear();
        tag_sentence(model, &infos[r.clone()], tags, &mut w, &mut found);
        out.extend(
            found
                .iter()
                .map(|&(a, b, t, d)| (a + r.start, b + r.start, t, d)),
        );
    }
    out
}
