//! The table of frequent word forms (dictionary section 13): the analyses of the word
//! forms of a news corpus, computed when the dictionary is compiled. A thread whose
//! cache is still cold finds most words of running text here with one or two memory
//! reads instead of a dictionary walk. The analyses are exactly those the analyzer
//! computes (a test compares every entry with them), so the table changes speed only.
//!
//! Layout (little-endian): `u32` slot count (a power of two; 0 for no table), the slots,
//! then the records. A slot is a `u32`: 0 if empty, else the record's offset + 1 in the
//! low 24 bits and the top 8 bits of the word's [`hash`] above them; linear probing. A
//! record is the word's length (`u8`) and bytes, the number of analyses (`u8`), then per
//! analysis: tag, paradigm and index (`u16` each), the score (`f32` bits), the kept prefix
//! and suffix lengths (`u8` each), a flags byte (kind in bits 0–1, universal POS in bits
//! 2–3, known in bit 4, bit 5 when the `ё` mask follows as a `u64`).

use super::analysis::{Kind, Upos};
use super::{Analysis, Analyzer};

/// Bytes of one analysis without its `ё` mask.
const RECORD: usize = 13;
/// Flag bit: the `ё` mask follows.
const HAS_YO: u8 = 1 << 5;
/// Flag bit: a dictionary analysis.
const KNOWN: u8 = 1 << 4;

/// The table inside the dictionary bytes.
pub(crate) struct FrequentForms {
    slots: &'static [u8],
    records: &'static [u8],
    mask: usize,
}

/// Hash of a word's bytes, the same at build and at run time on every platform.
fn hash(word: &[u8]) -> u64 {
    let mut h: u64 = 0x243F_6A88_85A3_08D3 ^ word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let k = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ k).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        h ^= h >> 29;
    }
    let tail = chunks
        .remainder()
        .iter()
        .rev()
        .fold(0u64, |acc, &b| acc << 8 | u64::from(b));
    h = (h ^ tail).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ h >> 32
}

/// The record offset a non-empty slot points to (`None` for an empty or broken slot).
fn record_offset(slot: u32) -> Option<usize> {
    ((slot & 0xFF_FFFF) as usize).checked_sub(1)
}

fn u16_at(b: &[u8], i: usize) -> u16 {
    b.get(i..i + 2)
        .map_or(0, |s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    b.get(i..i + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl FrequentForms {
    /// An empty table.
    pub(crate) fn empty() -> FrequentForms {
        FrequentForms {
            slots: &[],
            records: &[],
            mask: 0,
        }
    }

    /// Reads section 13; `None` if it is malformed.
    pub(crate) fn from_section(b: &'static [u8]) -> Option<FrequentForms> {
        let n = u32_at(b, 0) as usize;
        if n == 0 {
            return Some(FrequentForms::empty());
        }
        if !n.is_power_of_two() {
            return None;
        }
        let end = 4 + n.checked_mul(4)?;
        Some(FrequentForms {
            slots: b.get(4..end)?,
            records: b.get(end..)?,
            mask: n - 1,
        })
    }

    /// Appends the analyses of `word` to `out` if the table has it.
    pub(crate) fn get(&self, word: &str, out: &mut Vec<Analysis>) -> bool {
        if self.slots.is_empty() {
            return false;
        }
        let word = word.as_bytes();
        let h = hash(word);
        let tag = (h >> 56) as u32;
        let mut i = h as usize & self.mask;
        for _ in 0..=self.mask {
            let slot = u32_at(self.slots, i * 4);
            if slot == 0 {
                return false;
            }
            if slot >> 24 == tag {
                if let Some(rest) = record_offset(slot).and_then(|o| self.matching_record(o, word))
                {
                    return decode(rest, out);
                }
            }
            i = (i + 1) & self.mask;
        }
        false
    }

    /// Every word of the table with its analyses, in slot order.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> Vec<(&'static str, Vec<Analysis>)> {
        let mut all = Vec::new();
        for i in 0..self.slots.len() / 4 {
            let Some(off) = record_offset(u32_at(self.slots, i * 4)) else {
                continue;
            };
            let len = self.records[off] as usize;
            let word = std::str::from_utf8(&self.records[off + 1..off + 1 + len]).unwrap();
            let mut analyses = Vec::new();
            assert!(
                decode(&self.records[off + 1 + len..], &mut analyses),
                "{word}"
            );
            all.push((word, analyses));
        }
        all
    }

    /// The record at `off` after its word, if its word is `word`.
    fn matching_record(&self, off: usize, word: &[u8]) -> Option<&'static [u8]> {
        let len = *self.records.get(off)? as usize;
        let stored = self.records.get(off + 1..off + 1 + len)?;
        (stored == word).then(|| self.records.get(off + 1 + len..))?
    }
}

/// Appends the analyses of a record (after its word) to `out`; false if malformed.
fn decode(rest: &[u8], out: &mut Vec<Analysis>) -> bool {
    let Some(&n) = rest.first() else {
        return false;
    };
    let start = out.len();
    let mut pos = 1;
    for _ in 0..n {
        let Some(r) = rest.get(pos..pos + RECORD) else {
            out.truncate(start);
            return false;
        };
        let flags = r[12];
        let kind = match flags & 3 {
            0 => Kind::Paradigm,
            1 => Kind::Lower,
            _ => Kind::Full,
        };
        let upos = match flags >> 2 & 3 {
            0 => Upos::Tag,
            1 => Upos::Cconj,
            _ => Upos::Aux,
        };
        pos += RECORD;
        let mut yo = 0;
        if flags & HAS_YO != 0 {
            let Some(m) = rest.get(pos..pos + 8) else {
                out.truncate(start);
                return false;
            };
            yo = u64::from_le_bytes([m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]]);
            pos += 8;
        }
        out.push(Analysis {
            yo,
            score: f32::from_bits(u32_at(r, 6)),
            tag_id: u16_at(r, 0),
            para: u16_at(r, 2),
            idx: u16_at(r, 4),
            pre: r[10],
            post: r[11],
            kind,
            upos,
            known: flags & KNOWN != 0,
        });
    }
    true
}

/// Appends the record of `word` and its analyses (see the module docs).
fn encode(word: &str, analyses: &[Analysis], out: &mut Vec<u8>) {
    out.push(word.len() as u8);
    out.extend_from_slice(word.as_bytes());
    out.push(analyses.len() as u8);
    for a in analyses {
        out.extend_from_slice(&a.tag_id.to_le_bytes());
        out.extend_from_slice(&a.para.to_le_bytes());
        out.extend_from_slice(&a.idx.to_le_bytes());
        out.extend_from_slice(&a.score.to_bits().to_le_bytes());
        out.extend_from_slice(&[a.pre, a.post]);
        let kind = match a.kind {
            Kind::Paradigm => 0,
            Kind::Lower => 1,
            Kind::Full => 2,
        };
        let upos = match a.upos {
            Upos::Tag => 0,
            Upos::Cconj => 1,
            Upos::Aux => 2,
        };
        let yo = if a.yo != 0 { HAS_YO } else { 0 };
        let known = if a.known { KNOWN } else { 0 };
        out.push(kind | upos << 2 | known | yo);
        if a.yo != 0 {
            out.extend_from_slice(&a.yo.to_le_bytes());
        }
    }
}

impl Analyzer {
    /// Section 13 of a dictionary (the table of frequent word forms) for `words`, with
    /// the analyses this analyzer computes for them: what `posol-build morph-dict` puts
    /// into `morph.bin`. Words longer than 255 bytes, with more than 255 analyses, or
    /// repeated are skipped. Fails if the records outgrow the format (16 MB).
    ///
    /// ```
    /// use posol::morph::Analyzer;
    /// let section = Analyzer::global().frequent_forms_section(&["посол", "Италии"])?;
    /// assert_eq!(section[..4], 4u32.to_le_bytes()); // four slots for two words
    /// # Ok::<(), String>(())
    /// ```
    pub fn frequent_forms_section(&'static self, words: &[&str]) -> Result<Vec<u8>, String> {
        let n_slots = (words.len() * 2).next_power_of_two();
        let mut slots = vec![0u32; n_slots];
        let mut records = Vec::new();
        let mut analyses = Vec::new();
        for &word in words {
            if word.is_empty() || word.len() > 255 {
                continue;
            }
            analyses.clear();
            self.analyze_uncached(word, &mut analyses);
            if analyses.len() > 255 {
                continue;
            }
            let h = hash(word.as_bytes());
            let mut i = h as usize & (n_slots - 1);
            let mut repeated = false;
            while slots[i] != 0 {
                if let Some(off) = record_offset(slots[i]) {
                    let len = records[off] as usize;
                    repeated |= &records[off + 1..off + 1 + len] == word.as_bytes();
                }
                i = (i + 1) & (n_slots - 1);
            }
            if repeated {
                continue;
            }
            if records.len() + 1 >= 1 << 24 {
                return Err(format!("frequent forms: over 16 MB of records at {word:?}"));
            }
            slots[i] = ((h >> 56) as u32) << 24 | (records.len() as u32 + 1);
            encode(word, &analyses, &mut records);
        }
        let mut out = Vec::with_capacity(4 + n_slots * 4 + records.len());
        out.extend_from_slice(&(n_slots as u32).to_le_bytes());
        for s in slots {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out.extend_from_slice(&records);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::{decode, encode, hash};
    use crate::morph::Analyzer;

    #[test]
    fn records_round_trip() {
        let a = Analyzer::global();
        let mut buf = Vec::new();
        for word in [
            "Италию",
            "ещё",
            "Маттареллой",
            "человек-гора",
            "и",
            "ABC",
            "2024",
        ] {
            let mut analyses = Vec::new();
            a.analyze_uncached(word, &mut analyses);
            buf.clear();
            encode(word, &analyses, &mut buf);
            let mut back = Vec::new();
            assert!(decode(&buf[1 + word.len()..], &mut back), "{word}");
            assert_eq!(back, analyses, "{word}");
        }
    }

    /// The table must hold what the analyzer computes: after a change to the analyzer
    /// that alters analyses, rebuild the dictionary (crates/posol/data/README.md).
    #[test]
    fn embedded_table_equals_the_analyzer() {
        let a = Analyzer::global();
        let entries = a.dict.frequent.entries();
        assert!(entries.len() > 30_000, "{} entries", entries.len());
        let mut fresh = Vec::new();
        let mut found = Vec::new();
        for (word, analyses) in entries {
            fresh.clear();
            a.analyze_uncached(word, &mut fresh);
            assert_eq!(
                analyses, fresh,
                "{word}: the table is stale, rebuild morph.bin"
            );
            found.clear();
            assert!(a.dict.frequent.get(word, &mut found), "{word}");
            assert_eq!(found, fresh);
        }
        let mut out = Vec::new();
        assert!(!a.dict.frequent.get("Маттареллойй", &mut out) && out.is_empty());
    }

    #[test]
    fn hash_is_fixed() {
        // the table is built on one machine and read on another
        assert_ne!(hash("посол".as_bytes()), hash("посла".as_bytes()));
        assert_eq!(hash(b"abcdefghij"), 0x95bc_a9c0_b60d_6ae3);
    }
}
