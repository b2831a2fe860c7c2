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
//! | 6 | words | fst map: form → offset into section 7 |
//! | 7 | word analyses | `u16`: count, then (paradigm, index) pairs |
//! | 8 | probabilities | fst map: word → offset into section 9 |
//! | 9 | probability pool | `u32`: count, then (tag, P(t\|w)·10⁶) pairs |
//! | 10–12 | prediction suffixes | fst maps per paradigm prefix: suffix → offset into 13 |
//! | 13 | prediction pool | `u32`: count, then (count, paradigm << 16 \| index) pairs |
//!
//! A string list is a `u32` count followed by `u16` length + bytes per string.

use fst::raw::{Fst, Output};
use fst::Map;

use super::tags::TagInfo;

/// Magic bytes at the start of the dictionary artifact.
pub const MAGIC: &[u8; 8] = b"POSOLMRF";
/// Version of the dictionary format written by `posol-build morph-dict`.
pub const FORMAT_VERSION: u32 = 1;
/// Number of sections in format version 1.
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
    probs: Option<Map<&'static [u8]>>,
    probs_jump: Option<Jump>,
    prob_pool: &'static [u8],
    pred: Vec<Map<&'static [u8]>>,
    pred_pool: &'static [u8],
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
            probs: None,
            probs_jump: None,
            prob_pool: &[],
            pred: Vec::new(),
            pred_pool: &[],
        }
    }

    /// Reads the artifact; `None` if it is not a valid version-1 dictionary.
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
        let probs = map(sec[8])?;
        Some(Dict {
            words_jump: Jump::new(words.as_fst()),
            probs_jump: Jump::new(probs.as_fst()),
            meta: std::str::from_utf8(sec[0]).ok()?,
            tags,
            suffixes: string_list(sec[2])?,
            prefixes: string_list(sec[3])?,
            para_offsets: sec[4],
            paradigms: sec[5],
            words: Some(words),
            word_pool: sec[7],
            probs: Some(probs),
            prob_pool: sec[9],
            pred: vec![map(sec[10])?, map(sec[11])?, map(sec[12])?],
            pred_pool: sec[13],
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
    /// lower-cased), trying `ё` wherever the input has `е` (the `ё` spellings first).
    pub(crate) fn lookup(&self, word: &str, f: &mut dyn FnMut(&str, &[u8])) {
        if let Some(m) = &self.words {
            let mut buf = Vec::with_capacity(word.len() + 4);
            let key = word.as_bytes();
            match (&self.words_jump, Jump::letters(key)) {
                (Some(jump), Some((a, b))) => {
                    // the first two letters through the table, with their `ё` variants
                    // in the order of `walk` (`ё` first)
                    for x in yo_variants(a) {
                        for y in yo_variants(b) {
                            let Some((addr, out)) = jump.get(x, y) else {
                                continue;
                            };
                            buf.clear();
                            buf.extend_from_slice(&x);
                            buf.extend_from_slice(&y);
                            let fst = m.as_fst();
                            let pool = self.word_pool;
                            walk(fst, addr, out, key, 4, &mut buf, f, pool, 2);
                        }
                    }
                }
                _ => similar(m.as_fst(), key, &mut buf, f, self.word_pool, 2),
            }
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

    /// The corpus statistics of `word` (one fst lookup), for [`Dict::prob_of`]; empty
    /// when the corpus does not know the word.
    pub(crate) fn probs_of(&self, word: &str) -> &'static [u8] {
        let Some(m) = &self.probs else { return &[] };
        let key = word.as_bytes();
        let found = match (&self.probs_jump, Jump::letters(key)) {
            (Some(jump), Some((a, b))) => jump
                .get(a, b)
                .and_then(|(addr, out)| get_from(m.as_fst(), addr, out, &key[4..])),
            _ => m.get(word),
        };
        let Some(off) = found else { return &[] };
        self.prob_pool.get(off as usize * 4..).unwrap_or(&[])
    }

    /// P(tag | word) from the statistics returned by [`Dict::probs_of`] (0 when unknown).
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
        let mut buf = Vec::new();
        let pool = self.pred_pool;
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
        similar(m.as_fst(), suffix.as_bytes(), &mut buf, &mut cb, pool, 4);
    }
}

/// The fst states reached from the root by two two-byte UTF-8 letters (Cyrillic is
/// `D0 xx` / `D1 xx`): lookups of Russian words start there, skipping the widest nodes.
pub(crate) struct Jump {
    /// Per pair of letters: state address + 1 (0: no such prefix) and output so far.
    slots: Vec<(u32, u32)>,
}

/// `е` → [`ё`, `е`] (the order in which `walk` tries them), any other letter → itself.
fn yo_variants(c: [u8; 2]) -> impl Iterator<Item = [u8; 2]> {
    let yo = (c == [0xD0, 0xB5]).then_some([0xD1, 0x91]);
    yo.into_iter().chain(std::iter::once(c))
}

impl Jump {
    /// Index of a two-byte letter `D0 xx` or `D1 xx` (0..128).
    fn letter_index(c: [u8; 2]) -> Option<usize> {
        match c {
            [0xD0 | 0xD1, b @ 0x80..=0xBF] => {
                Some(((c[0] as usize & 1) << 6) | (b as usize & 0x3F))
            }
            _ => None,
        }
    }

    /// The first two letters of `key` if both are two-byte `D0`/`D1` letters.
    fn letters(key: &[u8]) -> Option<([u8; 2], [u8; 2])> {
        match key {
            [a, b, c, d, ..] => {
                let (x, y) = ([*a, *b], [*c, *d]);
                Jump::letter_index(x)?;
                Jump::letter_index(y)?;
                Some((x, y))
            }
            _ => None,
        }
    }

    /// Builds the table; `None` if an address or output does not fit 32 bits.
    fn new(fst: &Fst<&'static [u8]>) -> Option<Jump> {
        let mut slots = vec![(0u32, 0u32); 128 * 128];
        let step = |addr, out: Output, bytes: [u8; 2]| {
            let mut node = fst.node(addr);
            let mut out = out;
            for b in bytes {
                let t = node.transition(node.find_input(b)?);
                out = out.cat(t.out);
                node = fst.node(t.addr);
            }
            Some((node.addr(), out))
        };
        let letters = || {
            [0xD0u8, 0xD1]
                .into_iter()
                .flat_map(|l| (0x80u8..=0xBF).map(move |t| [l, t]))
        };
        for x in letters() {
            let Some((a1, o1)) = step(fst.root().addr(), Output::zero(), x) else {
                continue;
            };
            for y in letters() {
                let Some((a2, o2)) = step(a1, o1, y) else {
                    continue;
                };
                let i = Jump::letter_index(x)? * 128 + Jump::letter_index(y)?;
                let addr = u32::try_from(a2).ok()?.checked_add(1)?;
                slots[i] = (addr, u32::try_from(o2.value()).ok()?);
            }
        }
        Some(Jump { slots })
    }

    /// The state after letters `x`, `y` and the output so far.
    fn get(&self, x: [u8; 2], y: [u8; 2]) -> Option<(fst::raw::CompiledAddr, Output)> {
        let i = Jump::letter_index(x)? * 128 + Jump::letter_index(y)?;
        let &(addr, out) = self.slots.get(i)?;
        let addr = (addr as usize).checked_sub(1)?;
        Some((addr, Output::new(out as u64)))
    }
}

/// `Fst::get` of the rest of a key, from state `addr` with output `out` so far.
fn get_from(
    fst: &Fst<&'static [u8]>,
    addr: fst::raw::CompiledAddr,
    out: Output,
    rest: &[u8],
) -> Option<u64> {
    let mut node = fst.node(addr);
    let mut out = out;
    for &b in rest {
        let t = node.transition(node.find_input(b)?);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    node.is_final()
        .then(|| out.cat(node.final_output()).value())
}

/// Depth-first walk of the fst along `key`, branching to `ё` at every `е`.
fn similar(
    fst: &Fst<&'static [u8]>,
    key: &[u8],
    buf: &mut Vec<u8>,
    f: &mut dyn FnMut(&str, &[u8]),
    pool: &[u8],
    unit: usize,
) {
    walk(
        fst,
        fst.root().addr(),
        Output::zero(),
        key,
        0,
        buf,
        f,
        pool,
        unit,
    );
}

#[allow(clippy::too_many_arguments)]
fn walk(
    fst: &Fst<&'static [u8]>,
    addr: fst::raw::CompiledAddr,
    out: Output,
    key: &[u8],
    pos: usize,
    buf: &mut Vec<u8>,
    f: &mut dyn FnMut(&str, &[u8]),
    pool: &[u8],
    unit: usize,
) {
    let mut node = fst.node(addr);
    let mut out = out;
    let mut i = pos;
    while i < key.len() {
        // "е" = D0 B5; "ё" = D1 91
        if key[i] == 0xD0 && key.get(i + 1) == Some(&0xB5) {
            if let Some(t1) = node.find_input(0xD1).map(|t| node.transition(t)) {
                let n1 = fst.node(t1.addr);
                if let Some(t2) = n1.find_input(0x91).map(|t| n1.transition(t)) {
                    let mark = buf.len();
                    buf.extend_from_slice(&key[pos..i]);
                    buf.extend_from_slice(&[0xD1, 0x91]);
                    let o = out.cat(t1.out).cat(t2.out);
                    walk(fst, t2.addr, o, key, i + 2, buf, f, pool, unit);
                    buf.truncate(mark);
                }
            }
        }
        match node.find_input(key[i]) {
            Some(t) => {
                let tr = node.transition(t);
                out = out.cat(tr.out);
                node = fst.node(tr.addr);
            }
            None => return,
        }
        i += 1;
    }
    if node.is_final() {
        let value = out.cat(node.final_output()).value() as usize;
        let mark = buf.len();
        buf.extend_from_slice(&key[pos..]);
        if let (Ok(s), Some(slice)) = (std::str::from_utf8(buf), pool.get(value * unit..)) {
            f(s, slice);
        }
        buf.truncate(mark);
    }
}
