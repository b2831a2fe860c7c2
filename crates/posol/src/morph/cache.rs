//! A small per-thread cache of [`Analyzer::analyze_into`](super::Analyzer::analyze_into)
//! results (which [`Analyzer::parse`](super::Analyzer::parse) uses too).
//!
//! News text is dominated by frequent words (prepositions, conjunctions, common nouns and
//! verbs): the same few thousand forms make up most tokens. Most of them come from the
//! dictionary's table of frequent forms (`frequent.rs`) and never reach this cache, which
//! keeps the rest of a thread's vocabulary: names, rarer words. It is two-way set
//! associative: each word (exact spelling, letter case included, since the parses depend
//! on it) has a set of two slots chosen by a hash; a new word replaces the less recently
//! used one. A slot (two cache lines) holds the word's bytes (words of up to [`KEY_BYTES`]
//! bytes, over 99% of news tokens) and, for most words, all its compact [`Analysis`]
//! records (24 bytes each, no strings; words with more than [`INLINE`] parses keep them in
//! a separate list), so a hit reads one slot: it skips the dictionary walk and the
//! guessers. A small array of hash tags beside the slots (192 KB) answers most misses
//! without touching the slots. The results are the same with or without the cache.

use std::cell::RefCell;

use super::analysis::{Kind, Upos};
use super::Analysis;

/// Number of sets of two slots (a power of two): 64k words, enough for the vocabulary of
/// a large news corpus. At 128 bytes per slot (plus the lists of words with many parses)
/// this is about 9 MB per thread that analyses text, allocated on first use.
const SETS: usize = 1 << 15;
/// Longer words are not cached (they are rare, and a slot holds its word inline).
const KEY_BYTES: usize = 32;
/// The inline key in 8-byte words.
type Key = [u64; KEY_BYTES / 8];
/// Words with more parses are not cached (bounds the memory per slot).
const MAX_PARSES: usize = 32;
/// Parses kept inside the slot; words with more have them in `Slot::spill`.
const INLINE: usize = 3;
/// Filler for unused inline parses.
const BLANK: Analysis = Analysis {
    yo: 0,
    score: 0.0,
    tag_id: 0,
    para: 0,
    idx: 0,
    pre: 0,
    post: 0,
    kind: Kind::Lower,
    upos: Upos::Tag,
    known: false,
};

/// One cached word (zero-padded) and its parses.
#[repr(align(64))]
struct Slot {
    key: Key,
    len: u8,
    /// Number of parses.
    n: u8,
    inline: [Analysis; INLINE],
    spill: Box<[Analysis]>,
}

impl Default for Slot {
    fn default() -> Slot {
        Slot {
            key: Key::default(),
            len: 0,
            n: 0,
            inline: [BLANK; INLINE],
            spill: Box::default(),
        }
    }
}

impl Slot {
    /// Stores a word and its parses in place of what the slot held.
    fn fill(&mut self, key: Key, len: u8, parses: &[Analysis]) {
        self.key = key;
        self.len = len;
        self.n = parses.len() as u8;
        match self.inline.get_mut(..parses.len()) {
            Some(inline) => {
                for (slot, &a) in inline.iter_mut().zip(parses) {
                    *slot = a;
                }
                if !self.spill.is_empty() {
                    self.spill = Box::default();
                }
            }
            None => self.spill = parses.into(),
        }
    }

    fn parses(&self) -> &[Analysis] {
        self.inline.get(..self.n as usize).unwrap_or(&self.spill)
    }
}

/// The slots, and per set one small record beside them: the tags of its two slots and
/// the way used most recently (the other one is replaced next).
#[derive(Default)]
struct Cache {
    sets: Vec<SetTags>,
    slots: Vec<Slot>,
}

/// The tags (from the hash of the word; 0: empty) of a set's two slots and the way used
/// most recently: what a lookup reads before it touches a slot.
#[derive(Clone, Copy, Default)]
struct SetTags {
    tags: [u16; 2],
    recent: u16,
}

thread_local! {
    static CACHE: RefCell<Cache> = RefCell::new(Cache::default());
}

/// The word zero-padded into 8-byte words; `None` if longer than [`KEY_BYTES`].
fn key_of(word: &[u8]) -> Option<Key> {
    if word.len() > KEY_BYTES {
        return None;
    }
    let mut key = [0u64; KEY_BYTES / 8];
    for (k, chunk) in key.iter_mut().zip(word.chunks(8)) {
        *k = match <[u8; 8]>::try_from(chunk) {
            Ok(full) => u64::from_le_bytes(full),
            // the last, short chunk byte by byte (no library call for a few bytes)
            Err(_) => chunk
                .iter()
                .rev()
                .fold(0u64, |acc, &b| acc << 8 | u64::from(b)),
        };
    }
    Some(key)
}

/// Multiplicative hash of the key and its length.
fn hash(key: &Key, len: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ len as u64;
    for &k in key.iter().take(len.div_ceil(8)) {
        h = (h ^ k).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    h.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Appends the analyses of `word` to `out`: from this thread's cache, or computed by
/// `compute` (which appends them to the vector it is given; then they are stored).
/// `compute` must be a pure function of `word`.
pub(crate) fn get_or_compute(
    word: &str,
    out: &mut Vec<Analysis>,
    compute: impl FnOnce(&mut Vec<Analysis>),
) {
    let len = word.len();
    let Some(key) = key_of(word.as_bytes()) else {
        return compute(out);
    };
    let h = hash(&key, len);
    let tag = (h as u16) | 1;
    let set = (h >> 40) as usize & (SETS - 1);
    let ways = set * 2..set * 2 + 2;
    let hit = CACHE.with(|c| {
        let mut c = c.try_borrow_mut().ok()?;
        let Cache { sets, slots } = &mut *c;
        let entry = sets.get_mut(set)?;
        let slots = slots.get(ways.clone())?;
        let w = (0..2).find(|&w| {
            entry.tags[w] == tag && slots[w].len as usize == len && slots[w].key == key
        })?;
        // one by one: a few records, not worth a library call
        out.extend(slots[w].parses().iter().copied());
        entry.recent = w as u16;
        Some(())
    });
    if hit.is_some() {
        return;
    }
    let start = out.len();
    compute(out);
    let Some(parses) = out.get(start..) else {
        return;
    };
    if parses.len() > MAX_PARSES {
        return;
    }
    CACHE.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            return;
        };
        let Cache { sets, slots } = &mut *c;
        if slots.is_empty() {
            sets.resize(SETS, SetTags::default());
            slots.resize_with(SETS * 2, Slot::default);
        }
        let Some(entry) = sets.get_mut(set) else {
            return;
        };
        let way = 1 - (entry.recent as usize & 1);
        if let Some(s) = slots.get_mut(set * 2 + way) {
            entry.tags[way] = tag;
            entry.recent = way as u16;
            s.fill(key, len as u8, parses);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::{get_or_compute, BLANK, INLINE, KEY_BYTES};
    use crate::morph::Analysis;

    /// A stand-in analysis of `word`: `n` records whose ids depend on the word.
    fn fake(word: &str, n: usize, out: &mut Vec<Analysis>) {
        let h = word
            .bytes()
            .fold(7u16, |h, b| h.wrapping_mul(31).wrapping_add(b as u16));
        for i in 0..n {
            out.push(Analysis {
                tag_id: h,
                idx: i as u16,
                ..BLANK
            });
        }
    }

    #[test]
    fn results_equal_computed_ones_and_hits_skip_compute() {
        let mut out = Vec::new();
        let mut expected = Vec::new();
        for round in 0..3 {
            let mut computed = 0;
            for i in 0..20_000usize {
                let word = format!("слово{i}");
                let n = i % (INLINE + 3);
                out.clear();
                get_or_compute(&word, &mut out, |o| {
                    computed += 1;
                    fake(&word, n, o)
                });
                expected.clear();
                fake(&word, n, &mut expected);
                assert_eq!(out, expected, "{word}");
            }
            // 20k words in 64k two-way slots: after the first round most are hits (the
            // misses are sets that more than two of the words hash to, about 13%)
            if round > 0 {
                assert!(computed < 4_000, "{computed} misses");
            }
        }
    }

    #[test]
    fn long_words_and_appending() {
        let long = "д".repeat(KEY_BYTES);
        let mut out = vec![BLANK];
        for _ in 0..2 {
            out.truncate(1);
            get_or_compute(&long, &mut out, |o| fake(&long, 2, o));
            assert_eq!(out.len(), 3, "appends after what is there");
        }
        let mut calls = 0;
        for _ in 0..2 {
            get_or_compute("жж", &mut out, |o| {
                calls += 1;
                fake("жж", 1, o)
            });
        }
        assert_eq!(calls, 1);
    }
}
