//! Token descriptions and the feature templates of the entity tagger.

use std::cell::RefCell;

use super::gazetteer::Gazetteer;
use super::hash::{key, key2, key3, mix, str_hash, KeyMap};
use super::tags::{part, type_of, Part};
use crate::facts::{self, Fact};
use crate::morph::Analyzer;
use crate::token::{Token, TokenKind};

/// Flag bits of a token.
pub(crate) mod flag {
    pub(crate) const CAP: u32 = 1;
    pub(crate) const ALL_CAPS: u32 = 1 << 1;
    pub(crate) const DIGIT: u32 = 1 << 2;
    pub(crate) const KNOWN: u32 = 1 << 3;
    pub(crate) const NAME: u32 = 1 << 4;
    pub(crate) const SURN: u32 = 1 << 5;
    pub(crate) const PATR: u32 = 1 << 6;
    pub(crate) const GEOX: u32 = 1 << 7;
    pub(crate) const ORGN: u32 = 1 << 8;
    pub(crate) const ABBR: u32 = 1 << 9;
    pub(crate) const ANY_NAME: u32 = 1 << 10;
    pub(crate) const ANY_SURN: u32 = 1 << 11;
    pub(crate) const ANY_PATR: u32 = 1 << 12;
    pub(crate) const ANY_GEOX: u32 = 1 << 13;
    pub(crate) const ANY_ORGN: u32 = 1 << 14;
    pub(crate) const SENT_START: u32 = 1 << 15;
    pub(crate) const DOC_CAP: u32 = 1 << 16;
    pub(crate) const DOC_LOWER: u32 = 1 << 17;
    pub(crate) const QUOTE: u32 = 1 << 18;
    pub(crate) const LATIN: u32 = 1 << 19;
    pub(crate) const GLUED: u32 = 1 << 20;
}

/// What the tagger knows about one token, computed once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TokInfo {
    pub(crate) word: u64,
    pub(crate) lemma: u64,
    pub(crate) shape: u64,
    pub(crate) pos: u64,
    pub(crate) case: u64,
    pub(crate) suf: [u64; 4],
    pub(crate) pre: [u64; 3],
    pub(crate) flags: u32,
    pub(crate) gaz: [u64; 2],
    pub(crate) lex: [u64; 2],
    /// Lemma priors of the learned lexicon: (starts an entity, inside an entity).
    pub(crate) prior: [u64; 2],
    pub(crate) fact: u64,
    pub(crate) class: u64,
    /// The cue of a quoted name or a run of capitalized words: the lemma before the
    /// opening quote (kept along an enumeration of quoted names) or before the run
    /// (0: the token is in neither).
    pub(crate) cue: u64,
}

/// Morphological facts of one word form, cached per document.
#[derive(Debug, Clone, Copy)]
struct Morph {
    lemma: u64,
    pos: u64,
    case: u64,
    flags: u32,
}

fn morph_of(word: &str) -> Morph {
    let parses = Analyzer::global().parse(word);
    let mut m = Morph {
        lemma: str_hash(word),
        pos: str_hash("?"),
        case: 0,
        flags: 0,
    };
    let Some(top) = parses.first() else {
        return m;
    };
    m.lemma = str_hash(&top.lemma.replace('ё', "е"));
    m.pos = str_hash(top.pos());
    m.case = top
        .feats
        .split('|')
        .find_map(|f| f.strip_prefix("Case="))
        .map_or(0, str_hash);
    if top.is_known() {
        m.flags |= flag::KNOWN;
    }
    const MARKS: [(&str, u32, u32); 5] = [
        ("Name", flag::NAME, flag::ANY_NAME),
        ("Surn", flag::SURN, flag::ANY_SURN),
        ("Patr", flag::PATR, flag::ANY_PATR),
        ("Geox", flag::GEOX, flag::ANY_GEOX),
        ("Orgn", flag::ORGN, flag::ANY_ORGN),
    ];
    for (g, top_bit, any_bit) in MARKS {
        if top.has(g) {
            m.flags |= top_bit;
        }
        if parses.iter().take(4).any(|p| p.has(g)) {
            m.flags |= any_bit;
        }
    }
    if top.has("Abbr") {
        m.flags |= flag::ABBR;
    }
    m
}

/// Most word forms kept by the per-thread cache of [`cached_morph`].
const MORPH_CACHE_MAX: usize = 1 << 17;

thread_local! {
    static MORPH_CACHE: RefCell<KeyMap<Box<str>, Morph>> = RefCell::new(KeyMap::default());
}

/// [`morph_of`] through a bounded per-thread cache shared by all documents (emptied
/// when full; the analysis of a word form never depends on its context).
fn cached_morph(word: &str) -> Morph {
    MORPH_CACHE.with(|c| {
        let Ok(mut c) = c.try_borrow_mut() else {
            return morph_of(word);
        };
        if let Some(m) = c.get(word) {
            return *m;
        }
        let m = morph_of(word);
        if c.len() >= MORPH_CACHE_MAX {
            c.clear();
        }
        c.insert(word.into(), m);
        m
    })
}

/// The lemma key of a token: the top parse's lemma for words (`ё` as `е`), the
/// lower-case text otherwise. Used by the gazetteer and the feature extractor alike.
pub(crate) fn lemma_key(word: &str, kind: TokenKind) -> u64 {
    if kind == TokenKind::Word {
        morph_of(word).lemma
    } else {
        str_hash(&lower_e(word))
    }
}

fn lower_e(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        if c == 'ё' || c == 'Ё' {
            s.push('е');
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// The word shape: letters become `X`/`x` (Cyrillic) or `L`/`l` (Latin), digits `d`,
/// runs of one class collapse to one symbol (`Касым-Жомарт` → `Xx-Xx`).
fn shape(word: &str) -> u64 {
    let mut buf = [0u8; 16];
    let mut n = 0;
    let mut last = 0u8;
    for c in word.chars() {
        let s = if c.is_ascii_digit() {
            b'd'
        } else if c.is_alphabetic() {
            match (c.is_ascii_alphabetic(), c.is_uppercase()) {
                (true, true) => b'L',
                (true, false) => b'l',
                (false, true) => b'X',
                (false, false) => b'x',
            }
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if s != last && n < buf.len() {
            buf[n] = s;
            n += 1;
        }
        last = s;
    }
    super::hash::bytes_hash(&buf[..n])
}

pub(super) const BOS: u64 = 0x5a5a_0001;
pub(super) const EOS: u64 = 0x5a5a_0002;

impl TokInfo {
    const fn edge(v: u64) -> TokInfo {
        TokInfo {
            word: v,
            lemma: v,
            shape: v,
            pos: v,
            case: v,
            suf: [v; 4],
            pre: [v; 3],
            flags: 0,
            gaz: [0; 2],
            lex: [0; 2],
            prior: [0; 2],
            fact: 0,
            class: v,
            cue: 0,
        }
    }
}

/// Describes every token of a document. `sent_starts[i]` marks sentence-initial tokens.
pub(crate) fn describe(
    text: &str,
    tokens: &[Token],
    sent_starts: &[bool],
    classes: &dyn Fn(&str) -> u64,
) -> Vec<TokInfo> {
    describe_with(text, tokens, sent_starts, classes, None)
}

/// [`describe`], with the rule facts of the text when the caller has them
/// (`facts::extract(text, tokens, None)`; computed here otherwise).
pub(crate) fn describe_with(
    text: &str,
    tokens: &[Token],
    sent_starts: &[bool],
    classes: &dyn Fn(&str) -> u64,
    facts: Option<&[Fact]>,
) -> Vec<TokInfo> {
    let mut cache: KeyMap<&str, Morph> = KeyMap::default();
    let mut lower = String::new();
    let mut out = Vec::with_capacity(tokens.len());
    // How each lower-case word is written elsewhere in the document.
    let mut doc_case: KeyMap<u64, (bool, bool)> = KeyMap::default();
    for (i, tok) in tokens.iter().enumerate() {
        let w = tok.text(text);
        lower.clear();
        for c in w.chars() {
            if c == 'ё' || c == 'Ё' {
                lower.push('е');
            } else {
                lower.extend(c.to_lowercase());
            }
        }
        debug_assert_eq!(lower, lower_e(w));
        let mut info = TokInfo {
            word: str_hash(&lower),
            shape: shape(w),
            ..TokInfo::default()
        };
        // suffixes of 1..=4 and prefixes of 1..=3 characters (the whole word if shorter)
        let mut from = lower.char_indices().rev().map(|(p, _)| p);
        let mut start = 0;
        for k in 0..4 {
            start = from.next().unwrap_or(start);
            info.suf[k] = str_hash(&lower[start..]);
        }
        let mut upto = lower.char_indices().map(|(p, c)| p + c.len_utf8());
        let mut end = lower.len();
        for k in 0..3 {
            end = upto.next().unwrap_or(end);
            info.pre[k] = str_hash(&lower[..end]);
        }
        let first = w.chars().next().unwrap_or(' ');
        let mut f = 0;
        if first.is_uppercase() {
            f |= flag::CAP;
            if w.chars().filter(|c| c.is_alphabetic()).count() > 1
                && !w.chars().any(char::is_lowercase)
            {
                f |= flag::ALL_CAPS;
            }
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            f |= flag::DIGIT;
        }
        if w.chars().any(|c| c.is_ascii_alphabetic()) {
            f |= flag::LATIN;
        }
        if tok.glued {
            f |= flag::GLUED;
        }
        if matches!(w, "«" | "»" | "\"" | "„" | "“" | "”" | "'") {
            f |= flag::QUOTE;
        }
        let start = sent_starts.get(i).copied().unwrap_or(false);
        if start {
            f |= flag::SENT_START;
        }
        if tok.kind == TokenKind::Word {
            let m = *cache.entry(w).or_insert_with(|| cached_morph(w));
            info.lemma = m.lemma;
            info.pos = m.pos;
            info.case = m.case;
            f |= m.flags;
            if !start {
                let e = doc_case.entry(info.word).or_default();
                if first.is_uppercase() {
                    e.0 = true;
                } else {
                    e.1 = true;
                }
            }
        } else {
            info.lemma = info.word;
            info.pos = str_hash(tok.kind.as_str());
        }
        info.flags = f;
        info.class = classes(&lower);
        out.push(info);
    }
    for info in &mut out {
        if let Some(&(cap, low)) = doc_case.get(&info.word) {
            if cap {
                info.flags |= flag::DOC_CAP;
            }
            if low {
                info.flags |= flag::DOC_LOWER;
            }
        }
    }
    mark_cues(tokens, text, sent_starts, &mut out);
    Gazetteer::global().annotate(&mut out);
    match facts {
        Some(f) => mark_facts(f, tokens, &mut out),
        None => mark_facts(&facts::extract(text, tokens, None), tokens, &mut out),
    }
    out
}

/// Marks the cue words of quoted names and capitalized runs ([`TokInfo::cue`]).
fn mark_cues(tokens: &[Token], text: &str, sent_starts: &[bool], out: &mut [TokInfo]) {
    const IN_QUOTES: u64 = 0x6375_0001;
    const IN_RUN: u64 = 0x6375_0002;
    // cues as token indices (`None` inside: the sentence start): of the open quote, of
    // the last closed one (for enumerations) and of the current capitalized run
    let mut open: Option<Option<usize>> = None;
    let mut last: Option<Option<usize>> = None;
    let mut run: Option<Option<usize>> = None;
    let mut marks = vec![None; out.len()];
    for i in 0..out.len() {
        let start = sent_starts.get(i).copied().unwrap_or(false);
        if start {
            (open, last, run) = (None, None, None);
        }
        let w = tokens[i].text(text);
        let prev = (i > 0 && !start).then(|| i - 1);
        let opening = matches!(w, "«" | "„") || (matches!(w, "\"" | "“") && open.is_none());
        let closing = matches!(w, "»") || (matches!(w, "\"" | "”") && open.is_some());
        if open.is_some() && closing {
            last = open.take();
            continue;
        }
        if opening {
            // `X «A», «B» и «C»`: the enumeration keeps the cue of its first name
            let enumerated = i > 0 && matches!(tokens[i - 1].text(text), "," | "и" | "или");
            open = Some(last.filter(|_| enumerated).unwrap_or(prev));
            run = None;
            continue;
        }
        if let Some(q) = open {
            marks[i] = Some((IN_QUOTES, q));
            continue;
        }
        if !matches!(w, "," | "и" | "или") {
            last = None;
        }
        if out[i].flags & flag::CAP != 0 && !start {
            marks[i] = Some((IN_RUN, *run.get_or_insert(prev)));
        } else {
            run = None;
        }
    }
    for (i, m) in marks.into_iter().enumerate() {
        if let Some((kind, cue)) = m {
            out[i].cue = mix(kind, cue.map_or(BOS, |j| out[j].lemma));
        }
    }
}

/// Marks the rule-based facts (money, dates, ...) as BILOU features.
fn mark_facts(facts: &[Fact], tokens: &[Token], out: &mut [TokInfo]) {
    for fact in facts {
        let a = tokens.partition_point(|t| t.span.start < fact.span.start);
        let b = tokens.partition_point(|t| t.span.end <= fact.span.end);
        if a >= b || b > out.len() {
            continue;
        }
        let ty = str_hash(fact.entity_type());
        for (i, info) in out[a..b].iter_mut().enumerate() {
            let p = match (i, b - a) {
                (_, 1) => 4,
                (0, _) => 1,
                (i, n) if i + 1 == n => 3,
                _ => 2,
            };
            info.fact = mix(ty, p);
        }
    }
}

/// Template ids; each feature key mixes one of these with token values.
pub(super) mod t {
    pub(in crate::ner) const BIAS: u64 = 1;
    pub(in crate::ner) const WORD: u64 = 10;
    pub(in crate::ner) const LEMMA: u64 = 20;
    pub(in crate::ner) const SHAPE: u64 = 30;
    pub(in crate::ner) const POS: u64 = 40;
    pub(in crate::ner) const FLAG: u64 = 50;
    pub(in crate::ner) const SUF: u64 = 60;
    pub(in crate::ner) const PRE: u64 = 70;
    pub(in crate::ner) const GAZ: u64 = 80;
    pub(in crate::ner) const FACT: u64 = 90;
    pub(in crate::ner) const CLASS: u64 = 100;
    pub(in crate::ner) const BIGRAM: u64 = 110;
    pub(in crate::ner) const CASE: u64 = 120;
    pub(in crate::ner) const PARENT: u64 = 130;
    pub(in crate::ner) const LEX: u64 = 150;
    pub(in crate::ner) const PRIOR: u64 = 170;
    pub(in crate::ner) const CUE: u64 = 180;
    pub(in crate::ner) const STACK: u64 = 200;
}

/// The coarse word class (64 classes) of a token (0: unknown word).
#[inline]
fn coarse(x: &TokInfo) -> u64 {
    (x.class >> 16) & 0xff
}

/// The middle word class (256 classes) of a token (0: unknown word or no such level).
#[inline]
fn mid(x: &TokInfo) -> u64 {
    (x.class >> 24) & 0xff
}

/// Pushes the feature keys of token `i` of the sentence `s` (with `parent` tags of the
/// enclosing layer for inner layers) into `out`: [`base_features`] then
/// [`parent_features`].
pub(crate) fn features(s: &[TokInfo], i: usize, parent: Option<&[u8]>, out: &mut Vec<u64>) {
    base_features(s, i, out);
    if let Some(parent) = parent {
        parent_features(s, i, parent, out);
    }
}

static BOS_INFO: TokInfo = TokInfo::edge(BOS);
static EOS_INFO: TokInfo = TokInfo::edge(EOS);

/// The token at offset `d` from `i`, or the sentence-edge pseudo-token.
#[inline]
pub(super) fn at(s: &[TokInfo], i: usize, d: isize) -> &TokInfo {
    let j = i as isize + d;
    if j < 0 {
        &BOS_INFO
    } else {
        s.get(j as usize).unwrap_or(&EOS_INFO)
    }
}

/// The feature keys of token `i` that do not depend on an enclosing layer.
pub(crate) fn base_features(s: &[TokInfo], i: usize, out: &mut Vec<u64>) {
    let at = |d: isize| at(s, i, d);
    let c = at(0);
    let (p1, p2, n1, n2) = (at(-1), at(-2), at(1), at(2));
    out.push(key(t::BIAS, 0));
    for (d, x) in [(0u64, c), (1, p1), (2, n1), (3, p2), (4, n2)] {
        out.push(key(t::WORD + d, x.word));
        out.push(key(t::LEMMA + d, x.lemma));
        out.push(key(t::SHAPE + d, x.shape));
        out.push(key(t::POS + d, x.pos));
        out.push(key(t::CLASS + d, x.class & 0xffff));
    }
    for k in 0..4 {
        out.push(key(t::SUF + k as u64, c.suf[k]));
    }
    out.push(key(t::SUF + 5, p1.suf[2]));
    out.push(key(t::SUF + 6, n1.suf[2]));
    for k in 0..3 {
        out.push(key(t::PRE + k as u64, c.pre[k]));
    }
    for (d, x) in [(0u64, c), (1, p1), (2, n1)] {
        let mut f = x.flags;
        while f != 0 {
            let bit = f.trailing_zeros() as u64;
            f &= f - 1;
            out.push(key2(t::FLAG + d, bit, 0));
        }
        for g in x.gaz {
            if g != 0 {
                out.push(key(t::GAZ + d, g));
            }
        }
        for g in x.lex {
            if g != 0 {
                out.push(key(t::LEX + d, g));
            }
        }
        if x.fact != 0 {
            out.push(key(t::FACT + d, x.fact));
        }
    }
    if c.lex[0] != 0 {
        out.push(key2(t::LEX + 5, c.lex[0], c.shape));
        out.push(key2(t::LEX + 6, c.lex[0], p1.lex[0]));
    }
    for (d, x) in [(0u64, c), (1, p1), (2, n1)] {
        for (k, &g) in x.prior.iter().enumerate() {
            if g != 0 {
                out.push(key(t::PRIOR + 2 * d + k as u64, g));
            }
        }
    }
    if c.prior[0] != 0 {
        out.push(key2(t::PRIOR + 9, c.prior[0], c.pos));
    }
    if c.gaz[0] != 0 {
        out.push(key2(t::GAZ + 5, c.gaz[0], c.shape));
    }
    out.push(key2(t::BIGRAM, p1.lemma, c.lemma));
    out.push(key2(t::BIGRAM + 1, c.lemma, n1.lemma));
    out.push(key2(t::BIGRAM + 2, p1.word, c.word));
    out.push(key3(t::BIGRAM + 3, p1.pos, c.pos, n1.pos));
    out.push(key2(t::BIGRAM + 4, p1.pos, c.pos));
    out.push(key2(t::BIGRAM + 5, c.pos, n1.pos));
    out.push(key2(t::BIGRAM + 6, p1.lemma, c.shape));
    out.push(key2(t::BIGRAM + 7, c.shape, n1.lemma));
    out.push(key3(t::BIGRAM + 8, p1.shape, c.shape, n1.shape));
    out.push(key2(t::BIGRAM + 9, coarse(c), coarse(n1)));
    out.push(key2(t::BIGRAM + 10, coarse(p1), coarse(c)));
    out.push(key2(t::BIGRAM + 11, mid(p1), mid(c)));
    out.push(key2(t::BIGRAM + 12, mid(c), mid(n1)));
    for (d, x) in [(5u64, c), (6, p1), (7, n1)] {
        out.push(key(t::CLASS + d, coarse(x)));
        out.push(key(t::CLASS + d + 20, mid(x)));
    }
    out.push(key2(t::CASE, c.case, c.pos));
    out.push(key2(t::CASE + 1, p1.lemma, c.case));
    out.push(key2(t::CASE + 2, c.case, c.shape));
    if c.cue != 0 {
        out.push(key(t::CUE, c.cue));
        out.push(key2(t::CUE + 1, c.cue, c.shape));
    }
}

/// The feature keys of token `i` over the `parent` tags of the enclosing layer.
pub(crate) fn parent_features(s: &[TokInfo], i: usize, parent: &[u8], out: &mut Vec<u64>) {
    let c = at(s, i, 0);
    let (p1, n1) = (at(s, i, -1), at(s, i, 1));
    {
        let pt = |d: isize| -> u64 {
            let j = i as isize + d;
            if j < 0 {
                BOS
            } else {
                parent.get(j as usize).map_or(EOS, |&t| t as u64)
            }
        };
        let p = pt(0);
        let pty = parent
            .get(i)
            .and_then(|&t| type_of(t as usize))
            .map_or(99, |t| t as u64);
        let ppart = parent.get(i).map_or(0, |&t| part(t as usize) as u8 as u64);
        let _ = Part::Outside;
        out.push(key(t::PARENT, p));
        out.push(key2(t::PARENT + 1, p, c.word));
        out.push(key2(t::PARENT + 2, pty, c.lemma));
        out.push(key2(t::PARENT + 3, p, c.shape));
        out.push(key2(t::PARENT + 4, pt(-1), p));
        out.push(key2(t::PARENT + 5, p, pt(1)));
        out.push(key2(t::PARENT + 6, pty, c.pos));
        out.push(key3(t::PARENT + 7, pty, ppart, c.flags as u64 & 0xff1));
        out.push(key2(t::PARENT + 8, pty, p1.lemma));
        out.push(key2(t::PARENT + 9, pty, n1.lemma));
        for g in c.gaz {
            if g != 0 {
                out.push(key2(t::PARENT + 10, pty, g));
            }
        }
        out.push(key2(t::PARENT + 11, pty, c.class));
        for g in c.lex {
            if g != 0 {
                out.push(key2(t::PARENT + 12, pty, g));
            }
        }
    }
}
