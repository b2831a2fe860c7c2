//! One analysis of a word: [`Parse`].

use super::case::restore_case;
use super::Analyzer;

/// How a parse was built; needed to generate the other forms of its lexeme.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Origin {
    /// A paradigm form: `pre + paradigm prefix + stem + paradigm suffix + post`. The
    /// stem is not stored: the lemma is `pre + prefix₀ + stem + suffix₀ + post` (form 0
    /// of the paradigm), so it is cut out of the lemma when needed ([`Parse::stem`]).
    Paradigm {
        para: u16,
        idx: u16,
        pre: Box<str>,
        post: Box<str>,
    },
    /// A hyphenated word whose two parts both inflect (`человек-гора`).
    Pair(Box<(Parse, Parse)>),
    /// A form that does not inflect (numbers, punctuation, Latin, unknown).
    Fixed,
}

/// One morphological analysis of a word.
///
/// ```
/// let parses = posol::morph::Analyzer::global().parse("Италию");
/// let best = &parses[0];
/// assert_eq!(best.lemma, "италия");
/// assert_eq!(best.normal_form(), "Италия");
/// assert_eq!(best.upos, "PROPN");
/// assert!(best.feats.contains("Case=Acc"));
/// assert_eq!(best.inflect(&["nomn"]).as_deref(), Some("Италия"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Parse {
    /// The analysed word as given (original letter case).
    pub word: String,
    /// The dictionary form, lower case (OpenCorpora convention: `ё` kept, participles are
    /// their own lemmas, comparatives map to the positive degree).
    pub lemma: String,
    /// Probability-like score; the parses of one word sum to about 1, best first.
    pub score: f32,
    /// OpenCorpora tag, e.g. `"NOUN,anim,masc,Surn sing,gent"`.
    pub tag: &'static str,
    /// Universal Dependencies part of speech (`NOUN`, `PROPN`, `VERB`, `ADP`, ...).
    pub upos: &'static str,
    /// Universal Dependencies features (`Case=Gen|Gender=Masc|Number=Sing`; `_` if none).
    pub feats: &'static str,
    pub(crate) tag_id: u16,
    pub(crate) known: bool,
    pub(crate) origin: Origin,
}

impl Parse {
    /// The stem of a paradigm parse, cut out of the lemma (see [`Origin::Paradigm`]).
    pub(crate) fn stem(&self, a: &Analyzer) -> Option<&str> {
        let Origin::Paradigm {
            para, pre, post, ..
        } = &self.origin
        else {
            return None;
        };
        let norm = a.dict.form(*para, 0);
        self.lemma
            .strip_prefix(&**pre)?
            .strip_prefix(norm.prefix)?
            .strip_suffix(&**post)?
            .strip_suffix(norm.suffix)
    }

    /// The lemma with the letter case of the input word (`Токаева` → `Токаев`,
    /// `Касым-Жомарта` → `Касым-Жомарт`, `МИДа` → `МИД` stays upper case).
    pub fn normal_form(&self) -> String {
        restore_case(&self.word, &self.lemma)
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

    /// The OpenCorpora part of speech (`"NOUN"`, `"ADJF"`, `"LATN"`, ...): the first
    /// grammeme of the tag.
    pub fn pos(&self) -> &'static str {
        let end = self.tag.find([',', ' ']).unwrap_or(self.tag.len());
        &self.tag[..end]
    }

    /// Whether the word was found in the dictionary (not guessed).
    pub fn is_known(&self) -> bool {
        self.known
    }

    /// The form of this lexeme with the given OpenCorpora grammemes (e.g. `["nomn"]`,
    /// `["datv", "plur"]`); the other grammemes (gender, animacy...) are kept where the
    /// lexeme allows. The result has the input's letter case. `None` if no form has them
    /// or a grammeme name is unknown.
    ///
    /// ```
    /// let a = posol::morph::Analyzer::global();
    /// let p = &a.parse("Токаева")[0];
    /// assert_eq!(p.inflect(&["nomn", "sing"]).as_deref(), Some("Токаев"));
    /// ```
    pub fn inflect(&self, grammemes: &[&str]) -> Option<String> {
        let form = self.inflect_parse(grammemes)?;
        Some(restore_case(&self.word, &form.word))
    }

    /// Like [`Parse::inflect`] but returns the whole analysis of the new form (its `word`
    /// is lower case).
    pub fn inflect_parse(&self, grammemes: &[&str]) -> Option<Parse> {
        Analyzer::global().inflect(self, grammemes)
    }
}
