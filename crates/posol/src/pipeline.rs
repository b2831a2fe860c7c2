//! What [`crate::analyze_with`] computes: the [`Options`], and per-token morphology
//! ([`TokenMorph`]) chosen in context, one sentence at a time.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::facts::CivilDate;
use crate::morph::Analyzer;
use crate::objects::Knowledge;
use crate::sentence::Sentence;
use crate::token::{Token, TokenKind};

/// What to compute in [`crate::analyze_with`]. Tokens and sentences are always found;
/// morphology, entities, objects and facts can be switched off for speed.
///
/// Cheap to clone: the only heap data, a user gazetteer ([`Options::knowledge`]), is
/// shared behind an [`Arc`].
///
/// ```
/// use posol::{facts::CivilDate, Options};
/// let options = Options::default()
///     .date(CivilDate::new(2025, 5, 16))
///     .morphology(false);
/// assert!(options.facts && !options.morphology);
/// assert_eq!(
///     Options::segmentation(),
///     Options::default().morphology(false).entities(false).objects(false).facts(false)
/// );
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Compute per-token morphology ([`crate::Document::morph`]). Default: on.
    pub morphology: bool,
    /// Find named entities ([`crate::Document::entities`]). Default: on.
    pub entities: bool,
    /// Extract facts ([`crate::Document::facts`]). Default: on.
    pub facts: bool,
    /// Normalize entities and link them into document objects
    /// ([`crate::Document::entity_normal`], [`crate::Document::objects`]; see
    /// [`crate::objects`]). Needs [`Options::entities`]: without entities there is nothing
    /// to link. Default: on.
    pub objects: bool,
    /// A user gazetteer consulted before the built-in [`Knowledge`] when linking objects
    /// (its ids, names and aliases win). Shared, so cloning the options stays cheap.
    /// Default: none (the built-in knowledge only).
    pub knowledge: Option<Arc<Knowledge>>,
    /// The document's date, against which relative dates (`вчера`, `в прошлом году`) are
    /// resolved. Default: none (a dateline in the text is used when there is one).
    pub date: Option<CivilDate>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            morphology: true,
            entities: true,
            facts: true,
            objects: true,
            knowledge: None,
            date: None,
        }
    }
}

/// Equal when the switches and dates are equal and the gazetteers are the same shared
/// one or hold the same entries.
impl PartialEq for Options {
    fn eq(&self, other: &Self) -> bool {
        let same_kb = match (&self.knowledge, &other.knowledge) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b) || a.entries() == b.entries(),
            _ => false,
        };
        self.morphology == other.morphology
            && self.entities == other.entities
            && self.facts == other.facts
            && self.objects == other.objects
            && self.date == other.date
            && same_kb
    }
}

impl Eq for Options {}

/// Hashes the switches, the date and the gazetteer's entry ids.
impl Hash for Options {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.morphology.hash(state);
        self.entities.hash(state);
        self.facts.hash(state);
        self.objects.hash(state);
        self.date.hash(state);
        let ids = self.knowledge.as_ref().map(|kb| {
            kb.entries()
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>()
        });
        ids.hash(state);
    }
}

impl Options {
    /// Tokens and sentences only: morphology, entities, objects and facts off.
    pub fn segmentation() -> Self {
        Options {
            morphology: false,
            entities: false,
            facts: false,
            objects: false,
            knowledge: None,
            date: None,
        }
    }

    /// Switches morphology on or off.
    #[must_use]
    pub fn morphology(mut self, on: bool) -> Self {
        self.morphology = on;
        self
    }

    /// Switches entity recognition on or off.
    #[must_use]
    pub fn entities(mut self, on: bool) -> Self {
        self.entities = on;
        self
    }

    /// Switches fact extraction on or off.
    #[must_use]
    pub fn facts(mut self, on: bool) -> Self {
        self.facts = on;
        self
    }

    /// Switches entity normalization and object linking on or off.
    #[must_use]
    pub fn objects(mut self, on: bool) -> Self {
        self.objects = on;
        self
    }

    /// Sets (or clears) the user gazetteer consulted before the built-in knowledge.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use posol::ner::EntityType;
    /// use posol::objects::{Entry, Knowledge};
    /// use posol::Options;
    ///
    /// let mut kb = Knowledge::new();
    /// kb.add(Entry::new("org:EAEU", EntityType::Organization, "ЕАЭС", &["Евразийский союз"]));
    /// let options = Options::default().knowledge(Some(Arc::new(kb)));
    /// let doc = posol::analyze_with("Саммит ЕАЭС пройдёт в Минске.", &options);
    /// assert!(doc.objects().iter().any(|o| o.id == "org:EAEU"));
    /// ```
    #[must_use]
    pub fn knowledge(mut self, knowledge: Option<Arc<Knowledge>>) -> Self {
        self.knowledge = knowledge;
        self
    }

    /// Sets (or clears) the document date.
    #[must_use]
    pub fn date(mut self, date: Option<CivilDate>) -> Self {
        self.date = date;
        self
    }
}

/// The morphology of one token, chosen in the context of its sentence.
///
/// ```
/// let doc = posol::analyze("Министры обсудили торговлю.");
/// let m = doc.morph(1).unwrap();
/// assert_eq!((m.lemma.as_str(), m.upos), ("обсудить", "VERB"));
/// assert!(m.feats.contains("Tense=Past"));
/// assert!(doc.morph(3).is_none()); // the full stop has no morphology
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TokenMorph {
    /// The dictionary form in lower case (OpenCorpora convention, as in
    /// [`crate::morph::Parse::lemma`]).
    pub lemma: String,
    /// Universal Dependencies part of speech (`NOUN`, `PROPN`, `VERB`, `NUM` …).
    pub upos: &'static str,
    /// Universal Dependencies features (`Case=Gen|Gender=Masc|Number=Sing`; `_` if none).
    pub feats: &'static str,
    /// The OpenCorpora tag (`NOUN,anim,masc,Surn sing,gent`).
    pub tag: &'static str,
}

/// Whether a token of this kind gets morphology: words and numbers do (numbers such as
/// `30-летие` or `62-я` have real analyses, plain digits are `NUM`); punctuation,
/// symbols, URLs, e-mails, hashtags, mentions and emoji do not (the context model still
/// sees them as neighbours).
pub(crate) fn has_morphology(kind: TokenKind) -> bool {
    matches!(kind, TokenKind::Word | TokenKind::Number)
}

/// Per-token morphology, parallel to `tokens`: each sentence is disambiguated as a whole.
pub(crate) fn morphology(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
) -> Vec<Option<TokenMorph>> {
    let analyzer = Analyzer::global();
    let mut out: Vec<Option<TokenMorph>> = vec![None; tokens.len()];
    for sentence in sentences {
        let Some(slice) = tokens.get(sentence.tokens.clone()) else {
            continue;
        };
        if !slice.iter().any(|t| has_morphology(t.kind)) {
            continue;
        }
        let words: Vec<&str> = slice.iter().map(|t| t.text(text)).collect();
        let parses = analyzer.disambiguate(&words);
        for ((i, token), parse) in sentence.tokens.clone().zip(slice).zip(parses) {
            if has_morphology(token.kind) && !parse.lemma.is_empty() {
                out[i] = Some(TokenMorph {
                    lemma: parse.lemma,
                    upos: parse.upos,
                    feats: parse.feats,
                    tag: parse.tag,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, analyze_with};

    #[test]
    fn words_and_numbers_have_morphology_the_rest_not() {
        let text = "В 2021 году #саммит прошёл в Риме: см. www.example.org 🙂";
        let doc = analyze(text);
        for (i, t) in doc.tokens().iter().enumerate() {
            assert_eq!(
                doc.morph(i).is_some(),
                has_morphology(t.kind),
                "token {:?}",
                t.text(text)
            );
        }
        let rome = doc.morph(6).expect("Риме");
        assert_eq!((rome.lemma.as_str(), rome.upos), ("рим", "PROPN"));
        assert!(rome.feats.contains("Case=Loc"));
        assert!(rome.tag.starts_with("NOUN"));
        assert_eq!(doc.morph(1).map(|m| m.upos), Some("NUM"));
        assert!(doc.morph(doc.tokens().len()).is_none());
    }

    #[test]
    fn context_chooses_the_parse() {
        // «стали» is a noun (сталь) or a verb (стать); here it is the verb.
        let doc = analyze("Стороны стали партнёрами.");
        let m = doc.morph(1).expect("стали");
        assert_eq!((m.lemma.as_str(), m.upos), ("стать", "VERB"));
    }

    #[test]
    fn options_switch_stages_off() {
        let text = "Вчера министры подписали соглашение на $5 млрд.";
        let full = analyze(text);
        assert!(full.morph(0).is_some());
        assert_eq!(full.facts().len(), 2);
        let bare = analyze_with(text, &Options::segmentation());
        assert_eq!(bare.tokens(), full.tokens());
        assert_eq!(bare.sentences(), full.sentences());
        assert!(bare.facts().is_empty());
        assert!((0..bare.tokens().len()).all(|i| bare.morph(i).is_none()));
        let dated = analyze_with(
            text,
            &Options::default()
                .morphology(false)
                .date(CivilDate::new(2025, 5, 16)),
        );
        let crate::facts::FactValue::Date(d) = &dated.facts()[0].value else {
            panic!("expected a date first: {:?}", dated.facts());
        };
        assert_eq!(d.start.as_deref(), Some("2025-05-15"));
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in ["", " ", "\n\n", ".", "🙂🙂", "-", "ъ", "2021", "a\u{301}"] {
            let doc = analyze(text);
            assert!(doc.facts().len() <= doc.tokens().len());
            for (i, t) in doc.tokens().iter().enumerate() {
                if let Some(m) = doc.morph(i) {
                    assert!(has_morphology(t.kind) && !m.lemma.is_empty());
                }
            }
        }
    }
}
