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

impl Lexicon {
    /// Builds a lexicon from sentences with their entities (token spans, type index).
    pub(crate) fn build<'a>(
        sents: impl Iterator<Item = (&'a [TokInfo], &'a [(usize, usize, usize)])> + Clone,
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
        for (s, _) in sents {
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
        Lexicon { map }
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
