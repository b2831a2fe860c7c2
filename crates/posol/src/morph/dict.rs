//! Reader of the compiled dictionary (`data/morph.bin`).
//!
//! Layout (little-endian): magic `POSOLMRF`, `u32` format version, `u32` section count,
//! then per section an `u32` offset and `u32` length, then the sections:
//!
//! | # | section | content |
//! |---|---------|---------|
//! | 0 | meta | UTF-8 text: source and versions |
//! | 1 | tags | string list: OpenCorpora tags |
//! | 2 | suffixes | string list: paradigm suffixes |
//! | 3 | prefixes | string list: paradigm prefixes (`""`, `по`, `наи`) |
//! | 4 | paradigm offsets | `u32` per paradigm + 1, into section 5 in `u16` units |
//! | 5 | paradigms | `u16` triples (suffix, tag, prefix) per form |
//! | 6 | words | fst map: word → offset into section 7, plus (offset into section 8) + 1 shifted left by 32 when the corpus has statistics for the word |
//! | 7 | word analyses | `u16`: count, then (paradigm, index) pairs; offset 0 is the empty list |
//! | 8 | probability pool | `u32`: count, then (tag, P(t\|w)·10⁶) pairs |
//! | 9–11 | prediction suffixes | fst maps per paradigm prefix: suffix → offset into 12 |
//! | 12 | prediction pool | `u32`: count, then (count, paradigm << 16 \| index) pairs |
//! | 13 | frequent forms | a hash table of word forms and their analyses (see `frequent.rs`) |
//!
//! A string list is a `u32` count followed by `u16` length + bytes per string. The fst
//! keys are in the one-byte-per-letter encoding of [`super::key`]. The words map holds
//! every dictionary spelling and every word the corpus statistics know (some only there,
//! such as `е` spellings of `ё` words, with the empty analysis list), so one walk gives
//! both a word's analyses and its statistics.

use fst::raw::{Fst, Output};
use fst::Map;

use super::frequent::FrequentForms;
use super::key::{decode_key, encode_key, YE, YO};
use super::tags::TagInfo;

/// Magic bytes at the start of the dictionary artifact.
pub const MAGIC: &[u8; 8] = b"POSOLMRF";
/// Version of the dictionary format written by `posol-build morph-dict`.
pub const FORMAT_VERSION: u32 = 3;
/// Number of sections in format version 3.
pub const SECTIONS: usize = 14;

/// The loaded dictionary: views into the embedded bytes plus a parsed tag table.
pub(crate) struct Dict {
    pub(crate) meta: &'static str,
    pub(crate) tags: Vec<TagInfo>,
    suffixes: Vec<&'static str>,
    pub(crate) prefixes: Vec<&'static str>,
    para_offsets: &'static [u8],
    paradigms: &'static [u8],
    words: Option<Map<&'static [u8]>>,
    words_jump: Option<Jump>,
    word_pool: &'static [u8],
    prob_pool: &'static [u8],
    pred: Vec<Map<&'static [u8]>>,
    pred_pool: &'static [u8],
    pub(crate) frequent: FrequentForms,
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    match b.get(i * 2..i * 2 + 2) {
        Some(s) => u16::from_le_bytes([s[0], s[1]]),
        None => 0,
    }
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    match b.get(i * 4..i * 4 + 4) {
        Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
        None => 0,
    }
}

fn string_list(b: &'static [u8]) -> Option<Vec<&'static str>> {
    let n = u32_at(b, 0) as usize;
    let mut pos = 4;
    let mut out = Vec::with_capacity(n.min(1 << 20));
    for _ in 0..n {
        let len = u16::from_le_bytes([*b.get(pos)?, *b.get(pos + 1)?]) as usize;
        let s = b.get(pos + 2..pos + 2 + len)?;
        out.push(std::str::from_utf8(s).ok()?);
        pos += 2 + len;
    }
    Some(out)
}

/// Callback of [`Dict::predict`]: fixed suffix and (count, entry) pairs.
pub(crate) type PredictFn<'a> = &'a mut dyn FnMut(&str, &[(u32, Entry)]);

/// One dictionary analysis: paradigm and form index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub(crate) para: u16,
    pub(crate) idx: u16,
}

/// One form of a paradigm.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Form {
    pub(crate) suffix: &'static str,
    pub(crate) tag: u16,
    pub(crate) prefix: &'static str,
}

impl Form {
    /// The stem of `word` as this form (`word` without the form's prefix and suffix);
    /// `None` if `word` does not have them. The affixes are a few bytes long, so they are
    /// compared in place rather than with a library call.
    #[inline]
    pub(crate) fn stem_of<'a>(&self, word: &'a str) -> Option<&'a str> {
        let (w, p, s) = (
            word.as_bytes(),
            self.prefix.as_bytes(),
            self.suffix.as_bytes(),
        );
        let end = w.len().checked_sub(s.len())?;
        let (head, tail) = (w.get(..p.len())?, w.get(end..)?);
        if !same_bytes(head, p) || !same_bytes(tail, s) {
            return None;
        }
        word.get(p.len()..end)
    }
}

/// Byte-wise equality of two short slices of the same length, without a `memcmp` call.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

impl Dict {
    /// A dictionary with no words (used if the artifact is missing or malformed).
    pub(crate) fn empty() -> Dict {
        Dict {
            meta: "",
            tags: Vec::new(),
            suffixes: Vec::new(),
            prefixes: vec![""],
            para_offsets: &[],
            paradigms: &[],
            words: None,
            words_jump: None,
            word_pool: &[],
            prob_pool: &[],
            pred: Vec::new(),
            pred_pool: &[],
            frequent: FrequentForms::empty(),
        }
    }

    /// Reads the artifact; `None` if it is not a valid dictionary of this format version.
    pub(crate) fn from_bytes(b: &'static [u8]) -> Option<Dict> {
        if b.get(..8)? != MAGIC || u32_at(b.get(8..12)?, 0) != FORMAT_VERSION {
            return None;
        }
        let count = u32_at(b.get(12..16)?, 0) as usize;
        if count < SECTIONS {
            return None;
        }
        let mut sec: Vec<&'static [u8]> = Vec::with_capacity(count);
        for i in 0..count {
            let off = u32_at(b, 4 + i * 2) as usize;
            let len = u32_at(b, 5 + i * 2) as usize;
            sec.push(b.get(off..off.checked_add(len)?)?);
        }
        let map = |s: &'static [u8]| Map::new(s).ok();
        let tags = string_list(sec[1])?.into_iter().map(TagInfo::new).collect();
        let words = map(sec[6])?;
        Some(Dict {
            words_jump: Jump::new(words.as_fst()),
            meta: std::str::from_utf8(sec[0]).ok()?,
            tags,
            suffixes: string_list(sec[2])?,
            prefixes: string_list(sec[3])?,
            para_offsets: sec[4],
            paradigms: sec[5],
            words: Some(words),
            word_pool: sec[7],
            prob_pool: sec[8],
            pred: vec![map(sec[9])?, map(sec[10])?, map(sec[11])?],
            pred_pool: sec[12],
            frequent: FrequentForms::from_section(sec[13])?,
        })
    }

    /// Number of forms in a paradigm.
    pub(crate) fn paradigm_len(&self, para: u16) -> usize {
        let a = u32_at(self.para_offsets, para as usize) as usize;
        let b = u32_at(self.para_offsets, para as usize + 1) as usize;
        b.saturating_sub(a) / 3
    }

    /// Form `idx` of paradigm `para`.
    pub(crate) fn form(&self, para: u16, idx: u16) -> Form {
        let base = u32_at(self.para_offsets, para as usize) as usize + idx as usize * 3;
        let get = |v: &Vec<&'static str>, i: u16| v.get(i as usize).copied().unwrap_or("");
        Form {
            suffix: get(&self.suffixes, u16_at(self.paradigms, base)),
            tag: u16_at(self.paradigms, base + 1),
            prefix: get(&self.prefixes, u16_at(self.paradigms, base + 2)),
        }
    }

    /// Calls `f(fixed_word, entries)` for every dictionary spelling of `word` (already
    /// lower-cased), trying `ё` wherever the input has `е` (the `ё` spellings first), and
    /// returns the corpus statistics of `word` itself for [`Dict::prob_of`] (empty when
    /// the corpus does not know the word).
    pub(crate) fn lookup(&self, word: &str, f: &mut dyn FnMut(&str, &[u8])) -> &'static [u8] {
        let Some(m) = &self.words else { return &[] };
        let mut walker = Walker::new(m.as_fst(), word, self.word_pool, 2);
        match (&self.words_jump, Jump::letters(&walker.s.key)) {
            (Some(jump), Some((a, b))) => {
                // the first two letters through the table, with their `ё` variants in
                // the order of `walk` (`ё` first)
                for x in yo_variants(a) {
                    for y in yo_variants(b) {
                        if let Some((addr, out)) = jump.get(x, y) {
                            walker.s.buf.clear();
                            walker.s.buf.extend_from_slice(&[x, y]);
                            walker.walk(addr, out, 2, x == a && y == b, f);
                        }
                    }
                }
            }
            _ => walker.walk(m.as_fst().root().addr(), Output::zero(), 0, true, f),
        }
        let exact = walker.exact;
        exact.map_or(&[], |v| self.probs_at(v))
    }

    /// The statistics slice of a words-map value (empty without statistics).
    fn probs_at(&self, value: u64) -> &'static [u8] {
        match (value >> 32).checked_sub(1) {
            Some(off) => self.prob_pool.get(off as usize * 4..).unwrap_or(&[]),
            None => &[],
        }
    }

    /// Decodes the analyses at a word-pool position handed to `lookup`'s callback.
    pub(crate) fn entries(pool_slice: &[u8]) -> impl Iterator<Item = Entry> + '_ {
        let n = u16_at(pool_slice, 0) as usize;
        (0..n).map(move |i| Entry {
            para: u16_at(pool_slice, 1 + 2 * i),
            idx: u16_at(pool_slice, 2 + 2 * i),
        })
    }

    /// P(tag | word) from the statistics returned by [`Dict::lookup`] (0 when unknown).
    pub(crate) fn prob_of(pool: &[u8], tag: u16) -> f32 {
        let n = u32_at(pool, 0) as usize;
        (0..n)
            .find(|i| u32_at(pool, 1 + 2 * i) == tag as u32)
            .map_or(0.0, |i| u32_at(pool, 2 + 2 * i) as f32 / 1e6)
    }

    /// Calls `f(fixed_suffix, [(count, paradigm, index)])` for the prediction entries of
    /// `suffix` under paradigm prefix `prefix_id`, with `е`/`ё` variants.
    pub(crate) fn predict(&self, prefix_id: usize, suffix: &str, f: PredictFn<'_>) {
        let Some(m) = self.pred.get(prefix_id) else {
            return;
        };
        let mut walker = Walker::new(m.as_fst(), suffix, self.pred_pool, 4);
        let mut cb = |fixed: &str, slice: &[u8]| {
            let n = u32_at(slice, 0) as usize;
            let items: Vec<(u32, Entry)> = (0..n)
                .map(|i| {
                    let pi = u32_at(slice, 2 + 2 * i);
                    let e = Entry {
                        para: (pi >> 16) as u16,
                        idx: (pi & 0xffff) as u16,
                    };
                    (u32_at(slice, 1 + 2 * i), e)
                })
                .collect();
            f(fixed, &items);
        };
        walker.walk(m.as_fst().root().addr(), Output::zero(), 0, true, &mut cb);
    }
}

/// The fst states reached from the root by two Cyrillic letters (encoded `0x80..0xE0`):
/// lookups of Russian words start there, skipping the widest nodes.
pub(crate) struct Jump {
    /// Per pair of letters: state address + 1 (0: no such prefix) and output so far.
    slots: Vec<(u32, u64)>,
}

/// First encoded Cyrillic letter.
const LETTER_MIN: u8 = 0x80;
/// Number of encoded Cyrillic letters.
const LETTERS: usize = 0x60;

/// `е` → [`ё`, `е`] (the order in which `walk` tries them), any other letter → itself.
fn yo_variants(c: u8) -> impl Iterator<Item = u8> {
    let yo = (c == YE).then_some(YO);
    yo.into_iter().chain(std::iter::once(c))
}

impl Jump {
    /// Index of an encoded Cyrillic letter.
    fn letter_index(c: u8) -> Option<usize> {
        let i = c.checked_sub(LETTER_MIN)? as usize;
        (i < LETTERS).then_some(i)
    }

    /// The first two letters of `key` if both are Cyrillic.
    fn letters(key: &[u8]) -> Option<(u8, u8)> {
        match key {
            [a, b, ..] => {
                Jump::letter_index(*a)?;
                Jump::letter_index(*b)?;
                Some((*a, *b))
            }
            _ => None,
        }
    }

    /// Builds the table; `None` if an address does not fit 32 bits.
    fn new(fst: &Fst<&'static [u8]>) -> Option<Jump> {
        let mut slots = vec![(0u32, 0u64); LETTERS * LETTERS];
        let step = |addr, out: Output, b: u8| {
            let node = fst.node(addr);
            let t = node.transition(node.find_input(b)?);
            Some((t.addr, out.cat(t.out)))
        };
        for x in (0..LETTERS as u8).map(|i| LETTER_MIN + i) {
            let Some((a1, o1)) = step(fst.root().addr(), Output::zero(), x) else {
                continue;
            };
            for y in (0..LETTERS as u8).map(|i| LETTER_MIN + i) {
                let Some((a2, o2)) = step(a1, o1, y) else {
                    continue;
                };
                let i = Jump::letter_index(x)? * LETTERS + Jump::letter_index(y)?;
                let addr = u32::try_from(a2).ok()?.checked_add(1)?;
                slots[i] = (addr, o2.value());
            }
        }
        Some(Jump { slots })
    }

    /// The state after letters `x`, `y` and the output so far.
    fn get(&self, x: u8, y: u8) -> Option<(fst::raw::CompiledAddr, Output)> {
        let i = Jump::letter_index(x)? * LETTERS + Jump::letter_index(y)?;
        let &(addr, out) = self.slots.get(i)?;
        let addr = (addr as usize).checked_sub(1)?;
        Some((addr, Output::new(out)))
    }
}

/// Buffers reused by the walks of one thread: the encoded key, the spelling walked so
/// far, and its decoded text handed to callbacks.
#[derive(Default)]
struct Scratch {
    key: Vec<u8>,
    buf: Vec<u8>,
    text: String,
}

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// A depth-first walk of an fst along an encoded key, branching to `ё` at every `е`.
/// It holds this thread's [`Scratch`] while it lives.
struct Walker<'f> {
    fst: &'f Fst<&'static [u8]>,
    s: Scratch,
    /// The pool the values point into, and the size of its units in bytes.
    pool: &'static [u8],
    unit: usize,
    /// The value of the key itself (no `ё` substituted), if the fst has it.
    exact: Option<u64>,
}

impl Drop for Walker<'_> {
    fn drop(&mut self) {
        SCRATCH.set(std::mem::take(&mut self.s));
    }
}

impl<'f> Walker<'f> {
    /// A walk of `fst` along the encoding of `word`.
    fn new(fst: &'f Fst<&'static [u8]>, word: &str, pool: &'static [u8], unit: usize) -> Self {
        let mut s = SCRATCH.take();
        s.key.clear();
        s.buf.clear();
        encode_key(word, &mut s.key);
        Walker {
            fst,
            s,
            pool,
            unit,
            exact: None,
        }
    }

    /// Walks from state `addr` (output `out` so far) over `key[pos..]`; `exact` when no
    /// `ё` was substituted before `pos`. Calls `f(spelling, pool slice)` for each spelling
    /// found with a non-empty value list.
    fn walk(
        &mut self,
        addr: fst::raw::CompiledAddr,
        out: Output,
        pos: usize,
        exact: bool,
        f: &mut dyn FnMut(&str, &[u8]),
    ) {
        let fst = self.fst;
        let mut node = fst.node(addr);
        let mut out = out;
        let mut i = pos;
        while let Some(&b) = self.s.key.get(i) {
            if b == YE {
                if let Some(t) = node.find_input(YO).map(|t| node.transition(t)) {
                    let mark = self.s.buf.len();
                    self.s.buf.extend_from_slice(&self.s.key[pos..i]);
                    self.s.buf.push(YO);
                    self.walk(t.addr, out.cat(t.out), i + 1, false, f);
                    self.s.buf.truncate(mark);
                }
            }
            let Some(t) = node.find_input(b) else { return };
            let tr = node.transition(t);
            out = out.cat(tr.out);
            node = fst.node(tr.addr);
            i += 1;
        }
        if !node.is_final() {
            return;
        }
        let value = out.cat(node.final_output()).value();
        if exact {
            self.exact = Some(value);
        }
        let Some(slice) = self.pool.get((value & 0xFFFF_FFFF) as usize * self.unit..) else {
            return;
        };
        if slice.iter().take(self.unit).all(|&b| b == 0) {
            // the empty list: a word known only to the statistics
            return;
        }
        let mark = self.s.buf.len();
        self.s.buf.extend_from_slice(&self.s.key[pos..]);
        self.s.text.clear();
        if decode_key(&self.s.buf, &mut self.s.text) {
            f(&self.s.text, slice);
        }
        self.s.buf.truncate(mark);
    }
}
