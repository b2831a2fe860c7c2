//! Russian morphology: analysis, inflection and choice of a parse in context.
//!
//! The dictionary is OpenCorpora (CC BY-SA 4.0) compiled into `data/morph.bin` by
//! `posol-build morph-dict` and embedded in the library; it is loaded lazily on first use
//! (a few milliseconds). Unknown words are guessed from known endings, as pymorphy does.
//!
//! ```
//! use posol::morph::Analyzer;
//! let a = Analyzer::global();
//!
//! let p = &a.parse("Касым-Жомарта")[0];
//! assert_eq!(p.normal_form(), "Касым-Жомарт");
//!
//! // unknown foreign names are guessed from their endings
//! let p = &a.parse("Маттареллой")[0];
//! assert_eq!(p.lemma, "маттарелла");
//! assert!(p.feats.contains("Case=Ins"));
//!
//! // one parse per token, chosen in context
//! let best = a.disambiguate(&["Президент", "прибыл", "в", "Рим"]);
//! assert_eq!(best[3].lemma, "рим");
//! ```
//!
//! For speed, [`Analyzer::analyze_into`] gives the same analyses as compact [`Analysis`]
//! records without allocating (lemmas are built only when asked for).
//!
//! ## No panics
//! [`Analyzer::parse`], [`Analyzer::analyze_into`] and [`Analyzer::disambiguate`] accept
//! any string, including empty, huge, or non-Russian input; a missing or corrupt
//! dictionary only makes every word unknown.

mod analysis;
mod cache;
mod case;

pub(crate) use case::restore_case;
mod context;
mod dict;
mod frequent;
mod guess;
mod inflect;
mod key;
mod parse;
mod quick_guess;
mod tags;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

pub use analysis::Analysis;
use analysis::Kind;
pub use context::GoldToken;
use dict::{Dict, Entry};
pub use dict::{FORMAT_VERSION, MAGIC, SECTIONS};
pub use key::encode_key;
use parse::Origin;
pub use parse::Parse;
use tags::TagInfo;

static DICT_BYTES: &[u8] = include_bytes!("../../data/morph.bin");
static TAGGER_BYTES: &[u8] = include_bytes!("../../data/morph-tagger.bin");

/// The morphological analyzer: the embedded dictionary plus the context model.
/// Immutable, `Send + Sync`; get the shared instance with [`Analyzer::global`].
pub struct Analyzer {
    dict: Dict,
    tags: Vec<TagInfo>,
    extra: ExtraTags,
    tagger: context::Tagger,
    surnames: OnceLock<Vec<(String, Entry)>>,
}

/// Tag ids of the tags that do not come from paradigms.
struct ExtraTags {
    int: u16,
    real: u16,
    pnct: u16,
    latn: u16,
    romn: u16,
    unkn: u16,
    advb: u16,
    indecl: Vec<u16>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer")
            .field("source", &self.dict.meta)
            .field("tags", &self.tags.len())
            .finish()
    }
}

impl Analyzer {
    /// The shared analyzer, built from the embedded data on first call.
    pub fn global() -> &'static Analyzer {
        static GLOBAL: OnceLock<Analyzer> = OnceLock::new();
        GLOBAL.get_or_init(Analyzer::load)
    }

    /// The compiled dictionary embedded in the library (`data/morph.bin`), as bytes.
    ///
    /// ```
    /// assert!(posol::morph::Analyzer::embedded_dictionary().starts_with(posol::morph::MAGIC));
    /// ```
    pub fn embedded_dictionary() -> &'static [u8] {
        DICT_BYTES
    }

    fn load() -> Analyzer {
        let mut dict = Dict::from_bytes(DICT_BYTES).unwrap_or_else(Dict::empty);
        let mut tags = std::mem::take(&mut dict.tags);
        let id = |oc: &str, tags: &mut Vec<TagInfo>| -> u16 {
            match tags.iter().position(|t| &*t.oc == oc) {
                Some(i) => i as u16,
                None => {
                    tags.push(TagInfo::new(oc));
                    (tags.len() - 1) as u16
                }
            }
        };
        let extra = ExtraTags {
            int: id("NUMB,intg", &mut tags),
            real: id("NUMB,real", &mut tags),
            pnct: id("PNCT", &mut tags),
            latn: id("LATN", &mut tags),
            romn: id("ROMN", &mut tags),
            unkn: id("UNKN", &mut tags),
            advb: id("ADVB", &mut tags),
            indecl: ["nomn", "gent", "datv", "accs", "ablt", "loct"]
                .iter()
                .map(|c| id(&format!("NOUN,anim,ms-f,Fixd,Surn sing,{c}"), &mut tags))
                .collect(),
        };
        let mut tagger = context::Tagger::from_bytes(TAGGER_BYTES);
        tagger.set_tags(
            tags.iter()
                .map(|t| context::TagHashes::new(&t.oc, t.upos, &t.feats))
                .collect(),
        );
        Analyzer {
            dict,
            tags,
            extra,
            tagger,
            surnames: OnceLock::new(),
        }
    }

    /// A short description of the dictionary source and version.
    pub fn dictionary_info(&self) -> &str {
        self.dict.meta
    }

    pub(crate) fn tag_info(&self, id: u16) -> Option<&TagInfo> {
        self.tags.get(id as usize)
    }

    /// All analyses of `word`, most probable first. Never panics; an empty input gives
    /// an empty list, every other input at least one parse.
    ///
    /// Frequent forms are precomputed in the dictionary and other results are kept in a
    /// small per-thread cache of recent words (see [`Analyzer::parse_uncached`]), so
    /// frequent words are not analysed again.
    /// [`Analyzer::analyze_into`] gives the same analyses without allocating.
    ///
    /// ```
    /// let parses = posol::morph::Analyzer::global().parse("Мелони");
    /// assert_eq!(parses[0].lemma, "мелони"); // indeclinable surname first
    /// assert!(parses[0].has("Fixd"));
    /// ```
    pub fn parse(&'static self, word: &str) -> Vec<Parse> {
        if word.is_empty() {
            return Vec::new();
        }
        thread_local! {
            static BUF: std::cell::Cell<Vec<Analysis>> = const { std::cell::Cell::new(Vec::new()) };
        }
        let mut buf = BUF.take();
        self.analyze_into(word, &mut buf);
        let parses = if buf.iter().any(|a| a.kind == Kind::Full) {
            self.parse_uncached(word)
        } else {
            case::with_lowercase(word, |lower| {
                buf.iter()
                    .map(|a| a.parse_from_lower(word, lower))
                    .collect()
            })
        };
        BUF.set(buf);
        parses
    }

    /// All analyses of `word`, most probable first, in compact form: `out` is cleared and
    /// filled with the same analyses, in the same order, as [`Analyzer::parse`] returns
    /// (`parse(word)[i] == out[i].to_parse(word)`). The hot path of the analyzer: no
    /// allocation once `out` has grown (the lemma is built only when asked for, with
    /// [`Analysis::lemma_into`]). The forms of the training news come precomputed from a
    /// table in the dictionary, and other recent words from a small per-thread cache of
    /// compact analyses. Never panics; an empty input gives no analyses.
    ///
    /// ```
    /// use posol::morph::Analyzer;
    /// let a = Analyzer::global();
    /// let mut out = Vec::new();
    /// let mut lemma = String::new();
    /// for word in ["Президент", "прибыл", "в", "Рим"] {
    ///     a.analyze_into(word, &mut out);
    ///     lemma.clear();
    ///     out[0].lemma_into(word, &mut lemma);
    ///     assert!(!lemma.is_empty());
    /// }
    /// assert_eq!(lemma, "рим");
    /// assert_eq!(out[0].pos(), "NOUN");
    /// a.analyze_into("прибыл", &mut out);
    /// assert!(out.iter().any(|x| x.has("VERB") && x.has("past")));
    /// ```
    pub fn analyze_into(&'static self, word: &str, out: &mut Vec<Analysis>) {
        out.clear();
        if word.is_empty() {
            return;
        }
        // frequent forms from the dictionary's table, other words through the cache
        if !self.dict.frequent.get(word, out) {
            cache::get_or_compute(word, out, |out| self.analyze_uncached(word, out));
        }
    }

    /// Appends the analyses of `word` to `out` without the cache.
    fn analyze_uncached(&'static self, word: &str, out: &mut Vec<Analysis>) {
        if word.is_empty() {
            return;
        }
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        case::with_lowercase(word, |lower| {
            thread_local! {
                static LEMMA: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
            }
            let start = out.len();
            let mut lemma = LEMMA.take();
            let (ok, stats) = self.dict_analyses(lower, out, &mut lemma);
            let found = out.len() > start;
            if ok && found {
                if let Some(res) = out.get_mut(start..) {
                    apply_probabilities(stats, res);
                }
                if capitalized {
                    self.known_name_analyses(lower, out, start, &mut lemma);
                }
            } else {
                // guesses (and the rare dictionary words the fast path cannot describe)
                out.truncate(start);
                if !(ok && self.quick_guess(lower, capitalized, stats, out)) {
                    self.general_guess(lower, capitalized, ok, stats, out);
                }
            }
            LEMMA.set(lemma);
        });
    }

    /// Appends the analyses of a lower-case word to `out` through [`Parse`] values, in
    /// compact form: with `not_in_dict` the guesses for a word not in the dictionary
    /// (statistics `stats`), otherwise a dictionary word whose analyses have no compact
    /// form, analysed again; with the name adjustments for a `capitalized` word.
    /// [`Analyzer::quick_guess`] is the faster path for most unknown words; both give the
    /// same analyses.
    fn general_guess(
        &'static self,
        lower: &str,
        capitalized: bool,
        not_in_dict: bool,
        stats: &[u8],
        out: &mut Vec<Analysis>,
    ) {
        let mut parses = if not_in_dict {
            // not in the dictionary: guess without looking it up again
            let mut res = self.guess(lower, 0);
            apply_probabilities(stats, &mut res);
            res
        } else {
            self.parse_lower(lower, 0)
        };
        if capitalized {
            self.name_heuristics(lower, &mut parses);
        }
        for (i, p) in parses.iter().enumerate() {
            out.push(self.compact(lower, p, i));
        }
    }

    /// Same as [`Analyzer::parse`] but always analyses the word, bypassing (and not
    /// filling) the per-thread cache; for measuring the analysis itself.
    pub fn parse_uncached(&'static self, word: &str) -> Vec<Parse> {
        if word.is_empty() {
            return Vec::new();
        }
        case::with_lowercase(word, |lower| {
            let mut parses = self.parse_lower(lower, 0);
            if word.chars().next().is_some_and(char::is_uppercase) {
                self.name_heuristics(lower, &mut parses);
            }
            for p in &mut parses {
                p.word.clear();
                p.word.push_str(word);
            }
            parses
        })
    }

    /// Appends the dictionary analyses of a lower-case word to `out` (as
    /// [`Analyzer::dict_parses`] with score 1); `false` if one of them has no compact form.
    /// Also returns the word's corpus statistics (from `Dict::lookup`).
    fn dict_analyses(
        &self,
        lower: &str,
        out: &mut Vec<Analysis>,
        lemma: &mut String,
    ) -> (bool, &'static [u8]) {
        let mut ok = true;
        let stats = self.dict.lookup(lower, &mut |fixed, pool| {
            let yo = analysis::yo_mask(lower, fixed);
            for e in Dict::entries(pool) {
                match self.spelling_analysis(fixed, yo, e, 1.0, lemma) {
                    Ok(Some(mut a)) => {
                        a.known = true;
                        out.push(a);
                    }
                    Ok(None) => {}
                    Err(()) => ok = false,
                }
            }
        });
        (ok, stats)
    }

    /// Analyses a lower-case word; `depth` limits recursion of the guessers.
    pub(crate) fn parse_lower(&'static self, lower: &str, depth: u8) -> Vec<Parse> {
        let (mut res, stats) = self.dict_parses_and_stats(lower, 1.0);
        if res.is_empty() {
            res = self.guess(lower, depth);
        }
        apply_probabilities(stats, &mut res);
        res
    }

    /// Dictionary analyses of a lower-case word, in dictionary order.
    pub(crate) fn dict_parses(&'static self, lower: &str, score: f32) -> Vec<Parse> {
        self.dict_parses_and_stats(lower, score).0
    }

    /// [`Analyzer::dict_parses`] and the word's corpus statistics (from `Dict::lookup`),
    /// from one dictionary walk.
    fn dict_parses_and_stats(
        &'static self,
        lower: &str,
        score: f32,
    ) -> (Vec<Parse>, &'static [u8]) {
        let mut res = Vec::new();
        let stats = self.dict.lookup(lower, &mut |fixed, pool| {
            let entries = Dict::entries(pool);
            res.reserve(entries.size_hint().0.min(64));
            for e in entries {
                if let Some(p) = self.paradigm_parse(fixed, e, score, "", "") {
                    res.push(p);
                }
            }
        });
        for p in &mut res {
            p.known = true;
        }
        (res, stats)
    }

    /// Builds the parse of `pre + fixed + post` where `fixed` is form `e.idx` of paradigm
    /// `e.para`.
    pub(crate) fn paradigm_parse(
        &'static self,
        fixed: &str,
        e: Entry,
        score: f32,
        pre: &str,
        post: &str,
    ) -> Option<Parse> {
        if e.idx as usize >= self.dict.paradigm_len(e.para) {
            return None;
        }
        let form = self.dict.form(e.para, e.idx);
        let stem = form.stem_of(fixed)?;
        let norm = self.dict.form(e.para, 0);
        let mut lemma = String::with_capacity(pre.len() + fixed.len() + 8 + post.len());
        lemma.push_str(pre);
        lemma.push_str(norm.prefix);
        lemma.push_str(stem);
        lemma.push_str(norm.suffix);
        lemma.push_str(post);
        let mut word = String::with_capacity(pre.len() + fixed.len() + post.len());
        word.push_str(pre);
        word.push_str(fixed);
        word.push_str(post);
        let origin = Origin::Paradigm {
            para: e.para,
            idx: e.idx,
            pre: pre.into(),
            post: post.into(),
        };
        Some(self.make(word, lemma, form.tag, score, origin))
    }

    /// Assembles a parse, filling the tag strings from the tag table.
    pub(crate) fn make(
        &'static self,
        word: String,
        lemma: String,
        tag_id: u16,
        score: f32,
        origin: Origin,
    ) -> Parse {
        let (tag, upos, feats) = match self.tags.get(tag_id as usize) {
            Some(t) => (&*t.oc, tags::refine_upos(t.upos, &lemma), &*t.feats),
            None => ("UNKN", "X", "_"),
        };
        Parse {
            word,
            lemma,
            score,
            tag,
            upos,
            feats,
            tag_id,
            known: false,
            origin,
        }
    }

    /// One parse per word, chosen with the context model (see [`Analyzer::parse`] for
    /// the candidates). Empty words get an `UNKN` parse so the output has one parse per
    /// input.
    ///
    /// ```
    /// let a = posol::morph::Analyzer::global();
    /// let best = a.disambiguate(&["Он", "встретился", "с", "Токаевым"]);
    /// assert_eq!(best.len(), 4);
    /// assert_eq!(best[3].normal_form(), "Токаев");
    /// ```
    pub fn disambiguate(&'static self, words: &[&str]) -> Vec<Parse> {
        let candidates: Vec<Vec<Parse>> = words.iter().map(|w| self.parse(w)).collect();
        self.choose(words, candidates)
    }

    /// Like [`Analyzer::disambiguate`] but returns, per word, all parses with the chosen
    /// one first.
    pub fn disambiguate_all(&'static self, words: &[&str]) -> Vec<Vec<Parse>> {
        let candidates: Vec<Vec<Parse>> = words.iter().map(|w| self.parse(w)).collect();
        self.tagger.rank(self, words, candidates)
    }

    fn choose(&'static self, words: &[&str], candidates: Vec<Vec<Parse>>) -> Vec<Parse> {
        let ranked = self.tagger.rank(self, words, candidates);
        ranked
            .into_iter()
            .zip(words)
            .map(|(mut c, w)| {
                if c.is_empty() {
                    self.make(
                        w.to_string(),
                        String::new(),
                        self.extra.unkn,
                        1.0,
                        Origin::Fixed,
                    )
                } else {
                    c.swap_remove(0)
                }
            })
            .collect()
    }
}

/// A scored analysis with a tag ([`Parse`] or [`Analysis`]).
trait Scored {
    fn tag(&self) -> u16;
    fn score(&self) -> f32;
    fn score_mut(&mut self) -> &mut f32;
}

impl Scored for Parse {
    fn tag(&self) -> u16 {
        self.tag_id
    }
    fn score(&self) -> f32 {
        self.score
    }
    fn score_mut(&mut self) -> &mut f32 {
        &mut self.score
    }
}

impl Scored for Analysis {
    fn tag(&self) -> u16 {
        self.tag_id
    }
    fn score(&self) -> f32 {
        self.score
    }
    fn score_mut(&mut self) -> &mut f32 {
        &mut self.score
    }
}

/// Replaces scores with P(tag | word) where the corpus statistics `stats` (from
/// `Dict::lookup`) know the word (sorting by it), otherwise normalizes the scores to
/// sum to 1 (keeping the order).
fn apply_probabilities<T: Scored>(stats: &[u8], res: &mut [T]) {
    if res.is_empty() {
        return;
    }
    let sum: f32 = if stats.is_empty() {
        0.0
    } else {
        res.iter().map(|p| Dict::prob_of(stats, p.tag())).sum()
    };
    if sum > 0.0 {
        for p in res.iter_mut() {
            *p.score_mut() = Dict::prob_of(stats, p.tag());
        }
        res.sort_by(|a, b| b.score().total_cmp(&a.score()));
    } else {
        let total: f32 = res.iter().map(|p| p.score()).sum();
        if total > 0.0 {
            for p in res.iter_mut() {
                *p.score_mut() /= total;
            }
        }
    }
}
