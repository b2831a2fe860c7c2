//! The learned lexicon: lemma sequences seen as entities in the training data, with
//! their most frequent type and how often the sequence is an entity when it occurs.
//! Stored in the model; a feature source like the hand-written gazetteers.

use std::collections::HashMap;

use super::features::TokInfo;
use super::hash::{mix, KeyMap};

/// Longest entry, in tokens.
pub(crate) const MAX_LEN: usize = 6;

/// Lemma-sequence key → `type | ratio bucket << 8`.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub(crate) map: KeyMap<u64, u32>,
}

fn key_of(toks: &[TokInfo]) -> u64 {
    toks.iter().fold(0x1e, |h, t| mix(h, t.lemma))
}

/// Key salts of the lemma priors stored beside the sequences.
const START_SALT: u64 = 0x5f5f_0001;
const COVER_SALT: u64 = 0x5f5f_0002;

/// Lemma priors: for lemmas seen at least twice starting (or inside) an entity, the most
/// frequent type and the share of the lemma's occurrences where that happens (bucketed).
fn add_priors<'a>(
    sents: impl Iterator<Item = (&'a [TokInfo], &'a [(usize, usize, usize)])>,
    map: &mut KeyMap<u64, u32>,
) {
    let mut occ: HashMap<u64, u32> = HashMap::new();
    let mut start: HashMap<u64, [u32; 29]> = HashMap::new();
    let mut cover: HashMap<u64, [u32; 29]> = HashMap::new();
    for (s, ents) in sents {
        let mut covered = vec![[false; 29]; s.len()];
        for &(a, b, t) in ents {
            if b > s.len() || a >= b || t >= 29 {
                continue;
            }
            start.entry(s[a].lemma).or_insert([0; 29])[t] += 1;
            for c in &mut covered[a..b] {
                c[t] = true;
            }
        }
        for (tok, c) in s.iter().zip(&covered) {
            *occ.entry(tok.lemma).or_default() += 1;
            if c.iter().any(|&x| x) {
                let e = cover.entry(tok.lemma).or_insert([0; 29]);
                for (t, &x) in c.iter().enumerate() {
                    e[t] += x as u32;
                }
            }
        }
    }
    for (salt, counts) in [(START_SALT, &start), (COVER_SALT, &cover)] {
        for (&lemma, c) in counts {
            let (best, n) = c
                .iter()
                .enumerate()
                .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))
                .map_or((0, 0), |(i, &c)| (i, c));
            if n < 2 {
                continue;
            }
            let total = occ.get(&lemma).copied().unwrap_or(n).max(n);
            let ratio = n as f32 / total as f32;
            let bucket = match ratio {
                r if r >= 0.8 => 4,
                r if r >= 0.5 => 3,
                r if r >= 0.2 => 2,
                r if r >= 0.05 => 1,
                _ => 0,
            };
            map.insert(mix(salt, lemma), best as u32 | (bucket << 8));
        }
    }
}

impl Lexicon {
    /// Builds a lexicon from sentences with their entities (token spans, type index), with
    /// the lemma priors if `priors`.
    pub(crate) fn build<'a>(
        sents: impl Iterator<Item = (&'a [TokInfo], &'a [(usize, usize, usize)])> + Clone,
        priors: bool,
    ) -> Lexicon {
        let mut types: HashMap<u64, [u32; 29]> = HashMap::new();
        for (s, ents) in sents.clone() {
            for &(a, b, t) in ents {
                if b - a <= MAX_LEN && b <= s.len() && t < 29 {
                    types.entry(key_of(&s[a..b])).or_insert([0; 29])[t] += 1;
                }
            }
        }
        let mut seen: HashMap<u64, u32> = HashMap::new();
        for (s, _) in sents.clone() {
            for a in 0..s.len() {
                for b in a + 1..=(a + MAX_LEN).min(s.len()) {
                    let k = key_of(&s[a..b]);
                    if types.contains_key(&k) {
                        *seen.entry(k).or_default() += 1;
                    }
                }
            }
        }
        let mut map = KeyMap::default();
        for (k, counts) in types {
            let (best, n) = counts
                .iter()
                .enumerate()
                .max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i)))
                .map_or((0, 0), |(i, &c)| (i, c));
            let total: u32 = counts.iter().sum();
            let occ = seen.get(&k).copied().unwrap_or(total).max(total);
            let ratio = total as f32 / occ as f32;
            let bucket = match ratio {
                r if r >= 0.8 => 3,
                r if r >= 0.5 => 2,
                r if r >= 0.2 => 1,
                _ => 0,
            };
            let _ = n;
            map.insert(k, best as u32 | (bucket << 8) | ((total.min(3)) << 12));
        }
        if priors {
            add_priors(sents, &mut map);
        }
        Lexicon { map }
    }

    /// Marks each token's lemma priors ([`TokInfo::prior`]): how often the lemma starts
    /// an entity (of its most frequent type) and how often it lies inside one.
    pub(crate) fn annotate_priors(&self, toks: &mut [TokInfo]) {
        if self.map.is_empty() {
            return;
        }
        for t in toks {
            for (k, salt) in [START_SALT, COVER_SALT].into_iter().enumerate() {
                t.prior[k] = self
                    .map
                    .get(&mix(salt, t.lemma))
                    .map_or(0, |&v| mix(salt, v as u64 + 1));
            }
        }
    }

    /// Marks the longest lexicon match starting at each token (label per covered token).
    pub(crate) fn annotate(&self, toks: &mut [TokInfo]) {
        if self.map.is_empty() {
            return;
        }
        let n = toks.len();
        for i in 0..n {
            let mut h = 0x1e;
            let mut best = None;
            for len in 1..=MAX_LEN.min(n - i) {
                h = mix(h, toks[i + len - 1].lemma);
                if let Some(&v) = self.map.get(&h) {
                    best = Some((len, v));
                }
            }
            let Some((len, v)) = best else { continue };
            for j in 0..len {
                let p = match (j, len) {
                    (_, 1) => 4,
                    (0, _) => 1,
                    (j, l) if j + 1 == l => 3,
                    _ => 2,
                };
                let label = mix(v as u64 + 1, p);
                let slot = &mut toks[i + j].lex;
                if slot[0] == 0 {
                    slot[0] = label;
                } else if slot[1] == 0 && slot[0] != label {
                    slot[1] = label;
                }
            }
        }
    }
}
