//! A small per-thread cache of [`Analyzer::analyze_into`](super::Analyzer::analyze_into)
//! results (which [`Analyzer::parse`](super::Analyzer::parse) uses too).
//!
//! News text is dominated by frequent words (prepositions, conjunctions, common nouns and
//! verbs): the same few thousand forms make up most tokens. The cache is two-way set
//! associative: each word (exact spelling, letter case included, since the parses depend
//! on it) has a set of two slots chosen by a hash; a new word replaces the less recently
//! used one. Slots hold compact [`Analysis`] records (24 bytes each, no strings): a hit
//! copies them, which skips the dictionary walks, the probability lookup and the guessers;
//! a miss costs one extra copy. The results are the same with or without it.

use std::cell::RefCell;

use super::Analysis;

/// Number of sets of two slots (a power of two): 32k words. At about 150 bytes per cached
/// word (slot, key and analyses) this is at most about 5 MB per thread that analyses text.
const SETS: usize = 1 << 14;
/// Size of the doorkeeper: hashes of recently missed words (a power of two).
const SEEN: usize = 1 << 16;
/// Longer words are not cached (they are rare, and this bounds the memory).
const MAX_WORD_BYTES: usize = 64;
/// Words with more parses are not cached (bounds the memory per slot).
const MAX_PARSES: usize = 32;

/// One cached word and its parses.
type Slot = Option<(Box<str>, Box<[Analysis]>)>;

thread_local! {
    static SEEN_HASHES: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
    static CACHE: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
}

/// Multiplicative hash of the bytes.
fn hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for chunk in word.as_bytes().chunks(8) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        h = (h ^ u64::from_le_bytes(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    h ^= word.len() as u64;
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
    if word.len() > MAX_WORD_BYTES {
        return compute(out);
    }
    let h = hash(word);
    let set = ((h >> 40) as usize & (SETS - 1)) * 2;
    let hit = CACHE.with(|c| {
        let mut c = c.try_borrow_mut().ok()?;
        let ways = c.get_mut(set..set + 2)?;
        for w in 0..2 {
            if let Some((k, v)) = &ways[w] {
                if **k == *word {
                    out.extend_from_slice(v);
                    // most recently used first
                    ways.swap(0, w);
                    return Some(());
                }
            }
        }
        None
    });
    if hit.is_some() {
        return;
    }
    let start = out.len();
    compute(out);
    let Some(parses) = out.get(start..) else {
        return;
    };
    // a word is cached the second time it is missed: one-off words do not evict others
    let seen = SEEN_HASHES.with(|s| {
        let Ok(mut s) = s.try_borrow_mut() else {
            return false;
        };
        if s.is_empty() {
            s.resize(SEEN, 0);
        }
        let tag = (h as u32) | 1;
        match s.get_mut((h >> 20) as usize & (SEEN - 1)) {
            Some(x) if *x == tag => true,
            Some(x) => {
                *x = tag;
                false
            }
            None => false,
        }
    });
    if seen && parses.len() <= MAX_PARSES {
        CACHE.with(|c| {
            if let Ok(mut c) = c.try_borrow_mut() {
                if c.is_empty() {
                    c.resize_with(SETS * 2, || None);
                }
                if let Some(ways) = c.get_mut(set..set + 2) {
                    ways.swap(0, 1);
                    ways[0] = Some((word.into(), parses.into()));
                }
            }
        });
    }
}
