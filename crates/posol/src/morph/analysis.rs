//! Compact analyses: [`Analysis`], the allocation-free form of a [`Parse`].
//!
//! A dictionary analysis is fully described by its tag, its paradigm form and how the
//! dictionary spelling differs from the lower-case word (`ё` where the input has `е`;
//! a prefix and a suffix kept as they are by the guessers, e.g. `анти` + `кризисный`).
//! The lemma is rebuilt from the word on demand, so analysing a word allocates nothing.

use super::dict::Entry;
use super::parse::{Origin, Parse};
use super::{case, tags, Analyzer};

/// How the lemma and origin of an [`Analysis`] are rebuilt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Paradigm form `para`/`idx` of the dictionary spelling (the lower-case word with
    /// `ё` at the `yo` offsets), keeping its first `pre` and last `post` bytes.
    Paradigm,
    /// A form that does not inflect; the lemma is the lower-case word.
    Lower,
    /// Anything else (rare guesses such as `человек-гора`): parse `para` of
    /// [`Analyzer::parse_uncached`], recomputed when needed.
    Full,
}

/// The universal part of speech relative to the tag's own (see `tags::refine_upos`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Upos {
    Tag,
    Cconj,
    Aux,
}

/// One morphological analysis of a word in 24 bytes, without the word or lemma strings;
/// the allocation-free counterpart of [`Parse`] returned by
/// [`Analyzer::analyze_into`].
///
/// Tags, features and grammemes are available directly; the lemma is built on demand
/// from the analysed word ([`Analysis::lemma_into`], [`Analysis::lemma`]), and
/// [`Analysis::to_parse`] gives the full [`Parse`] (the same value [`Analyzer::parse`]
/// returns). Methods that take the word expect the word this analysis came from; another
/// word gives a meaningless (but never panicking) result.
///
/// ```
/// use posol::morph::{Analysis, Analyzer};
/// let a = Analyzer::global();
/// let mut out: Vec<Analysis> = Vec::new();
/// a.analyze_into("Италию", &mut out);
/// let best = out[0];
/// assert_eq!(best.pos(), "NOUN");
/// assert_eq!(best.upos(), "PROPN");
/// assert!(best.has("accs") && best.has("Geox"));
/// assert!(best.feats().contains("Case=Acc"));
/// assert_eq!(best.lemma("Италию"), "италия");
/// let mut lemma = String::new();
/// best.lemma_into("Италию", &mut lemma);
/// assert_eq!(lemma, "италия");
/// assert_eq!(best.to_parse("Италию"), a.parse("Италию")[0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Analysis {
    /// Bit `i`: the dictionary spelling has `ё` at byte `i` where the word has `е`.
    pub(crate) yo: u64,
    pub(crate) score: f32,
    pub(crate) tag_id: u16,
    /// Paradigm (or, for [`Kind::Full`], the index of the parse).
    pub(crate) para: u16,
    pub(crate) idx: u16,
    pub(crate) pre: u8,
    pub(crate) post: u8,
    pub(crate) kind: Kind,
    pub(crate) upos: Upos,
    pub(crate) known: bool,
}

/// Where the dictionary spelling `fixed` has `ё` and the lower-case word `lower` has `е`
/// (bit per byte offset; `None` for any other difference or an offset past 63).
pub(crate) fn yo_mask(lower: &str, fixed: &str) -> Option<u64> {
    let (a, b) = (lower.as_bytes(), fixed.as_bytes());
    if a.len() != b.len() {
        return None;
    }
    if a == b {
        return Some(0);
    }
    let mut mask = 0u64;
    let mut i = 0;
    while i < a.len() {
        if a[i] == b[i] {
            i += 1;
            continue;
        }
        let ye = a.get(i..i + 2) == Some(&[0xD0, 0xB5][..]);
        let yo = b.get(i..i + 2) == Some(&[0xD1, 0x91][..]);
        if !(ye && yo) || i >= 64 {
            return None;
        }
        mask |= 1 << i;
        i += 2;
    }
    Some(mask)
}

/// Appends `lower` with `ё` at the byte offsets of `mask` (see [`yo_mask`]).
fn push_with_yo(lower: &str, mask: u64, out: &mut String) {
    if mask == 0 {
        out.push_str(lower);
        return;
    }
    for (i, c) in lower.char_indices() {
        if i < 64 && mask & (1 << i) != 0 && c == 'е' {
            out.push('ё');
        } else {
            out.push(c);
        }
    }
}

impl Analysis {
    /// Probability-like score; the analyses of one word sum to about 1, best first.
    pub fn score(&self) -> f32 {
        self.score
    }

    /// Id of the tag in the analyzer's tag table (equal ids, equal tags).
    pub fn tag_id(&self) -> u16 {
        self.tag_id
    }

    /// OpenCorpora tag, e.g. `"NOUN,anim,masc,Surn sing,gent"` (as [`Parse::tag`]).
    pub fn tag(&self) -> &'static str {
        Analyzer::global()
            .tag_info(self.tag_id)
            .map_or("UNKN", |t| &*t.oc)
    }

    /// Universal Dependencies part of speech (as [`Parse::upos`]).
    pub fn upos(&self) -> &'static str {
        match self.upos {
            Upos::Cconj => "CCONJ",
            Upos::Aux => "AUX",
            Upos::Tag => Analyzer::global()
                .tag_info(self.tag_id)
                .map_or("X", |t| t.upos),
        }
    }

    /// Universal Dependencies features, `_` if none (as [`Parse::feats`]).
    pub fn feats(&self) -> &'static str {
        Analyzer::global()
            .tag_info(self.tag_id)
            .map_or("_", |t| &*t.feats)
    }

    /// The OpenCorpora part of speech: the first grammeme of the tag (as [`Parse::pos`]).
    pub fn pos(&self) -> &'static str {
        let tag = self.tag();
        let end = tag.find([',', ' ']).unwrap_or(tag.len());
        &tag[..end]
    }

    /// Whether the tag contains an OpenCorpora grammeme (`"nomn"`, `"Surn"`, `"NOUN"`).
    pub fn has(&self, grammeme: &str) -> bool {
        Analyzer::global()
            .tag_info(self.tag_id)
            .is_some_and(|t| t.has(grammeme))
    }

    /// Whether the tag contains any of the grammemes.
    pub fn has_any(&self, grammemes: &[&str]) -> bool {
        grammemes.iter().any(|g| self.has(g))
    }

    /// Whether the word was found in the dictionary (not guessed).
    pub fn is_known(&self) -> bool {
        self.known
    }

    /// The dictionary paradigm and the index of the form in it, for analyses that are a
    /// paradigm form; `None` for forms that do not inflect and for composite guesses.
    pub fn paradigm(&self) -> Option<(u16, u16)> {
        (self.kind == Kind::Paradigm).then_some((self.para, self.idx))
    }

    /// Appends the lemma (as [`Parse::lemma`]) of `word` under this analysis to `out`.
    /// Allocates only if `out` must grow (and for rare composite guesses).
    pub fn lemma_into(&self, word: &str, out: &mut String) {
        if self.kind == Kind::Full {
            if let Some(p) = self.full_parse(word) {
                out.push_str(&p.lemma);
            }
            return;
        }
        case::with_lowercase(word, |lower| self.lemma_from_lower(lower, out));
    }

    /// The lemma of `word` under this analysis (as [`Parse::lemma`]).
    pub fn lemma(&self, word: &str) -> String {
        let mut s = String::new();
        self.lemma_into(word, &mut s);
        s
    }

    /// The full [`Parse`] of `word` for this analysis: the value at the same position in
    /// [`Analyzer::parse`]`(word)`.
    pub fn to_parse(&self, word: &str) -> Parse {
        if self.kind == Kind::Full {
            return self.full_parse(word).unwrap_or_else(|| {
                Analysis {
                    kind: Kind::Lower,
                    ..*self
                }
                .to_parse(word)
            });
        }
        case::with_lowercase(word, |lower| self.parse_from_lower(word, lower))
    }

    fn full_parse(&self, word: &str) -> Option<Parse> {
        let mut v = Analyzer::global().parse_uncached(word);
        let i = self.para as usize;
        (i < v.len()).then(|| v.swap_remove(i))
    }

    /// The lemma, from the lower-case word; not for [`Kind::Full`].
    pub(crate) fn lemma_from_lower(&self, lower: &str, out: &mut String) {
        if self.kind != Kind::Paradigm {
            out.push_str(lower);
            return;
        }
        let built = if self.yo == 0 {
            self.lemma_from_fixed(lower, out)
        } else {
            let mut fixed = String::with_capacity(lower.len());
            push_with_yo(lower, self.yo, &mut fixed);
            self.lemma_from_fixed(&fixed, out)
        };
        if built.is_none() {
            // not this analysis's word
            out.push_str(lower);
        }
    }

    fn lemma_from_fixed(&self, fixed: &str, out: &mut String) -> Option<()> {
        let d = &Analyzer::global().dict;
        let (pre, post) = (self.pre as usize, self.post as usize);
        let mid_end = fixed.len().checked_sub(post)?;
        let mid = fixed.get(pre..mid_end)?;
        if (self.idx as usize) >= d.paradigm_len(self.para) {
            return None;
        }
        let form = d.form(self.para, self.idx);
        let stem = form.stem_of(mid)?;
        let norm = d.form(self.para, 0);
        out.reserve(fixed.len() + 8);
        out.push_str(fixed.get(..pre)?);
        out.push_str(norm.prefix);
        out.push_str(stem);
        out.push_str(norm.suffix);
        out.push_str(fixed.get(mid_end..)?);
        Some(())
    }

    /// Calls `f` with the prefix and suffix kept by a [`Kind::Paradigm`] analysis of the
    /// lower-case word `lower` (see [`Origin::Paradigm`]).
    fn with_ends<R>(&self, lower: &str, f: impl FnOnce(&str, &str) -> R) -> R {
        let ends = |fixed: &str| {
            let post_at = fixed.len().saturating_sub(self.post as usize);
            let pre = fixed.get(..self.pre as usize).unwrap_or("");
            f(pre, fixed.get(post_at..).unwrap_or(""))
        };
        if self.yo == 0 || (self.pre == 0 && self.post == 0) {
            ends(lower)
        } else {
            let mut fixed = String::new();
            push_with_yo(lower, self.yo, &mut fixed);
            ends(&fixed)
        }
    }

    /// Whether [`Analysis::parse_from_lower`] gives `p` back (apart from `p.word`):
    /// the same check as building that parse and comparing, without allocating.
    fn rebuilds(&self, lower: &str, p: &Parse) -> bool {
        thread_local! {
            static LEMMA: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
        }
        let (tag, feats) = match Analyzer::global().tag_info(self.tag_id) {
            Some(t) => (&*t.oc, &*t.feats),
            None => ("UNKN", "_"),
        };
        let same_origin = match (&p.origin, self.kind) {
            (
                Origin::Paradigm {
                    para,
                    idx,
                    pre,
                    post,
                },
                Kind::Paradigm,
            ) => {
                *para == self.para
                    && *idx == self.idx
                    && self.with_ends(lower, |a, b| **pre == *a && **post == *b)
            }
            (Origin::Fixed, Kind::Lower) => true,
            _ => false,
        };
        if !(same_origin
            && p.score == self.score
            && p.tag == tag
            && p.feats == feats
            && p.upos == self.upos()
            && p.tag_id == self.tag_id
            && p.known == self.known)
        {
            return false;
        }
        let mut lemma = LEMMA.take();
        lemma.clear();
        self.lemma_from_lower(lower, &mut lemma);
        let same = lemma == p.lemma;
        LEMMA.set(lemma);
        same
    }

    /// The parse of `word` (lower-cased: `lower`); not for [`Kind::Full`].
    pub(crate) fn parse_from_lower(&self, word: &str, lower: &str) -> Parse {
        let mut lemma = String::new();
        self.lemma_from_lower(lower, &mut lemma);
        let origin = match self.kind {
            Kind::Paradigm => self.with_ends(lower, |pre, post| Origin::Paradigm {
                para: self.para,
                idx: self.idx,
                pre: pre.into(),
                post: post.into(),
            }),
            _ => Origin::Fixed,
        };
        let a = Analyzer::global();
        let (tag, feats) = match a.tag_info(self.tag_id) {
            Some(t) => (&*t.oc, &*t.feats),
            None => ("UNKN", "_"),
        };
        Parse {
            word: word.to_string(),
            lemma,
            score: self.score,
            tag,
            upos: self.upos(),
            feats,
            tag_id: self.tag_id,
            known: self.known,
            origin,
        }
    }
}

impl Analyzer {
    /// The compact form of parse number `i` of a word whose lower case is `lower`; `p.word`
    /// must still be the lower-case dictionary spelling (before the input word is put
    /// there). Falls back to [`Kind::Full`] when the parse cannot be rebuilt exactly.
    pub(crate) fn compact(&'static self, lower: &str, p: &Parse, i: usize) -> Analysis {
        let tag_upos = self.tag_info(p.tag_id).map_or("X", |t| t.upos);
        let upos = match p.upos {
            u if u == tag_upos => Some(Upos::Tag),
            "CCONJ" => Some(Upos::Cconj),
            "AUX" => Some(Upos::Aux),
            _ => None,
        };
        let full = Analysis {
            yo: 0,
            score: p.score,
            tag_id: p.tag_id,
            para: u16::try_from(i).unwrap_or(u16::MAX),
            idx: 0,
            pre: 0,
            post: 0,
            kind: Kind::Full,
            upos: upos.unwrap_or(Upos::Tag),
            known: p.known,
        };
        let Some(upos) = upos else { return full };
        let built = match &p.origin {
            Origin::Paradigm {
                para,
                idx,
                pre,
                post,
            } => {
                let (Some(yo), Ok(pre_len), Ok(post_len)) = (
                    yo_mask(lower, &p.word),
                    u8::try_from(pre.len()),
                    u8::try_from(post.len()),
                ) else {
                    return full;
                };
                Analysis {
                    yo,
                    para: *para,
                    idx: *idx,
                    pre: pre_len,
                    post: post_len,
                    kind: Kind::Paradigm,
                    upos,
                    ..full
                }
            }
            Origin::Fixed if p.lemma == p.word && p.word == lower => Analysis {
                kind: Kind::Lower,
                upos,
                para: 0,
                ..full
            },
            _ => return full,
        };
        // exactly the same parse back, or the general form
        if built.rebuilds(lower, p) {
            built
        } else {
            full
        }
    }

    /// The analysis of dictionary form `e` of `fixed` (a dictionary spelling of the
    /// lower-case word `lower`); `Ok(None)` if `fixed` is not that form, `Err` if the
    /// compact form cannot describe it. `lemma` is scratch space.
    pub(crate) fn paradigm_analysis(
        &self,
        lower: &str,
        fixed: &str,
        e: Entry,
        score: f32,
        lemma: &mut String,
    ) -> Result<Option<Analysis>, ()> {
        self.spelling_analysis(fixed, yo_mask(lower, fixed), e, score, lemma)
    }

    /// [`Analyzer::paradigm_analysis`] with `yo_mask(lower, fixed)` already computed (it
    /// is the same for all the dictionary forms of one spelling).
    pub(crate) fn spelling_analysis(
        &self,
        fixed: &str,
        yo: Option<u64>,
        e: Entry,
        score: f32,
        lemma: &mut String,
    ) -> Result<Option<Analysis>, ()> {
        if e.idx as usize >= self.dict.paradigm_len(e.para) {
            return Ok(None);
        }
        let form = self.dict.form(e.para, e.idx);
        let Some(stem) = form.stem_of(fixed) else {
            return Ok(None);
        };
        let yo = yo.ok_or(())?;
        let t = self.tag_info(form.tag);
        let upos = match t.map(|t| t.upos) {
            Some(u @ ("SCONJ" | "VERB")) => {
                let norm = self.dict.form(e.para, 0);
                lemma.clear();
                lemma.push_str(norm.prefix);
                lemma.push_str(stem);
                lemma.push_str(norm.suffix);
                match tags::refine_upos(u, lemma) {
                    "CCONJ" => Upos::Cconj,
                    "AUX" => Upos::Aux,
                    _ => Upos::Tag,
                }
            }
            _ => Upos::Tag,
        };
        Ok(Some(Analysis {
            yo,
            score,
            tag_id: form.tag,
            para: e.para,
            idx: e.idx,
            pre: 0,
            post: 0,
            kind: Kind::Paradigm,
            upos,
            known: false,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::{push_with_yo, yo_mask};

    #[test]
    fn yo_masks() {
        assert_eq!(yo_mask("елка", "елка"), Some(0));
        assert_eq!(yo_mask("елка", "ёлка"), Some(1));
        assert_eq!(yo_mask("еще", "ещё"), Some(1 << 4));
        assert_eq!(yo_mask("елка", "ёлки"), None);
        assert_eq!(yo_mask("елка", "ёлк"), None);
        let mut s = String::new();
        push_with_yo("еще", 1 << 4, &mut s);
        assert_eq!(s, "ещё");
    }
}
