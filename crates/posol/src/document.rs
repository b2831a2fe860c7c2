//! The analysed document: the text with everything found in it.

use crate::entities::{merge, Merged};
use crate::facts::{self, Fact};
use crate::ner::{self, Entity};
use crate::normal::NameParts;
use crate::objects::{link_with, Linked, Object};
use crate::pipeline::{morphology, Options, TokenMorph};
use crate::sentence::{sentences_from, Sentence};
use crate::span::{CharOffsets, Span};
use crate::text::normalize;
use crate::token::{scan, RawToken, Token};

/// A text with its tokens, sentences, per-token morphology, named entities with their
/// normal forms, the objects they refer to, and facts.
///
/// Owns a copy of the text, so it is `Send + Sync` and can outlive the caller's string.
/// Built by [`analyze`] (everything on) or [`analyze_with`] (see [`Options`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    text: String,
    tokens: Vec<Token>,
    sentences: Vec<Sentence>,
    /// Parallel to `tokens` when morphology was computed, empty otherwise.
    morph: Vec<Option<TokenMorph>>,
    entities: Vec<Entity>,
    facts: Vec<Fact>,
    /// Parallel to `facts`: the entity each fact was read from (increasing).
    fact_entity: Vec<Option<usize>>,
    /// Normal forms, name parts and objects (parallel to `entities` when computed,
    /// empty otherwise).
    linked: Linked,
}

// Equality is reflexive: the only floating-point values are fact amounts, which posol
// reads from digits and never makes NaN, and the fields are private.
impl Eq for Document {}

impl Document {
    /// The original text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The sentences, in text order; together they cover every token exactly once.
    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    /// The morphology of token `i` (an index into [`Document::tokens`]), chosen in the
    /// context of its sentence.
    ///
    /// `None` when `i` is out of range, when morphology was switched off
    /// ([`Options::morphology`]), or for tokens other than words and numbers:
    /// punctuation, symbols, URLs, e-mails, hashtags, mentions and emoji have none.
    ///
    /// ```
    /// let doc = posol::analyze("Президент прибыл в Рим.");
    /// let m = doc.morph(0).unwrap();
    /// assert_eq!((m.lemma.as_str(), m.upos), ("президент", "NOUN"));
    /// assert_eq!(doc.morph(3).unwrap().lemma, "рим");
    /// assert!(doc.morph(4).is_none()); // "."
    /// ```
    pub fn morph(&self, i: usize) -> Option<&TokenMorph> {
        self.morph.get(i).and_then(Option::as_ref)
    }

    /// The named entities (the 29 NEREL types, nested), sorted by start and then longest
    /// first, so a parent comes before its children; empty when switched off
    /// ([`Options::entities`]). See [`crate::ner`].
    ///
    /// MONEY, PERCENT, NUMBER, ORDINAL, DATE and TIME mentions are one set merged from
    /// the entity model and the fact rules (each type from the side that finds it
    /// better), and [`Document::facts`] holds their values.
    ///
    /// ```
    /// use posol::ner::{Coarse, EntityType};
    /// let text = "Министр иностранных дел России Сергей Лавров прибыл в Астану.";
    /// let doc = posol::analyze(text);
    /// let lavrov = doc.entities().iter().find(|e| e.kind == EntityType::Person).unwrap();
    /// assert_eq!(lavrov.text(text), "Сергей Лавров");
    /// assert_eq!(lavrov.coarse(), Some(Coarse::Per));
    /// for e in doc.entities() {
    ///     if let Some(p) = e.parent {
    ///         assert!(doc.entities()[p].span.contains(e.span));
    ///     }
    /// }
    /// ```
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The indices of the entities directly nested in entity `i` (those whose
    /// [`Entity::parent`] is `i`), in order; none when `i` is out of range.
    ///
    /// ```
    /// let doc = posol::analyze("Посол Италии в Казахстане вручил верительные грамоты.");
    /// for (i, e) in doc.entities().iter().enumerate() {
    ///     for c in doc.entity_children(i) {
    ///         assert_eq!(doc.entities()[c].parent, Some(i));
    ///         assert!(e.span.contains(doc.entities()[c].span));
    ///     }
    /// }
    /// assert_eq!(doc.entity_children(usize::MAX).count(), 0);
    /// ```
    pub fn entity_children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let end = self.entities.get(i).map_or(0, |e| e.span.end);
        let rest = self.entities.get(i.saturating_add(1)..).unwrap_or(&[]);
        rest.iter()
            .take_while(move |e| e.span.start < end)
            .enumerate()
            .filter(move |(_, e)| e.parent == Some(i))
            .map(move |(k, _)| i + 1 + k)
    }

    /// The normal form of entity `i` (an index into [`Document::entities`]): the
    /// nominative singular of the whole mention, with the case of proper names kept
    /// (`Касым-Жомарта Токаева` → `Касым-Жомарт Токаев`, `России` → `Россия`). See
    /// [`crate::normal`].
    ///
    /// `None` when `i` is out of range or objects were switched off ([`Options::objects`]).
    ///
    /// ```
    /// let text = "Лавров провёл переговоры с Токаевым в Астане.";
    /// let doc = posol::analyze(text);
    /// let normals: Vec<_> = (0..doc.entities().len())
    ///     .filter_map(|i| doc.entity_normal(i))
    ///     .collect();
    /// assert!(normals.contains(&"Токаев"));
    /// assert!(normals.contains(&"Астана"));
    /// assert_eq!(doc.entity_normal(usize::MAX), None);
    /// ```
    pub fn entity_normal(&self, i: usize) -> Option<&str> {
        self.linked.normals.get(i).map(String::as_str)
    }

    /// The parts of the name (first name, patronymic, surname, each in the nominative)
    /// of PERSON entity `i`; `None` for other types, out of range, or with objects off.
    ///
    /// ```
    /// let text = "Министр встретился с Сергеем Викторовичем Лавровым.";
    /// let doc = posol::analyze(text);
    /// let i = doc.entities().iter().position(|e| e.text(text).contains("Лавров")).unwrap();
    /// let p = doc.entity_name_parts(i).unwrap();
    /// assert_eq!(p.first.as_deref(), Some("Сергей"));
    /// assert_eq!(p.last.as_deref(), Some("Лавров"));
    /// ```
    pub fn entity_name_parts(&self, i: usize) -> Option<&NameParts> {
        self.linked.name_parts.get(i).and_then(Option::as_ref)
    }

    /// The object (an index into [`Document::objects`]) that entity `i` refers to.
    ///
    /// `None` for values (dates, numbers, money...), for posts whose holder the text does
    /// not name, when `i` is out of range, or with objects off ([`Options::objects`]).
    pub fn entity_object(&self, i: usize) -> Option<usize> {
        self.linked.entity_object.get(i).copied().flatten()
    }

    /// The real-world things the document mentions, in order of first mention: mentions
    /// in any case or form, abbreviations and full names, and posts with their holders
    /// linked into one [`Object`] with a stable id (`country:RU`, `org:UN`,
    /// `person:Касым-Жомарт Токаев`). Empty with objects off ([`Options::objects`]).
    ///
    /// ```
    /// let text = "Россия и Казахстан подписали договор. Москва и Астана, как заявили в РФ, \
    ///             довольны.";
    /// let doc = posol::analyze(text);
    /// let ru = doc.objects().iter().position(|o| o.id == "country:RU").unwrap();
    /// assert!(doc.objects()[ru].mentions.len() >= 2); // «Россия», «РФ»
    /// for (k, o) in doc.objects().iter().enumerate() {
    ///     for &m in &o.mentions {
    ///         assert_eq!(doc.entity_object(m), Some(k));
    ///     }
    /// }
    /// ```
    pub fn objects(&self) -> &[Object] {
        &self.linked.objects
    }

    /// The facts (money, percentages, numbers, ordinals, dates, times) in text order;
    /// empty when switched off ([`Options::facts`]).
    ///
    /// With entities on, these are the values of the entities of those six types, one
    /// per entity whose value the rules can read ([`Document::fact_entity`] links
    /// them); with entities off, the rule-based facts of [`crate::facts::extract`].
    ///
    /// ```
    /// let text = "Товарооборот вырос на 12,5%.";
    /// let doc = posol::analyze(text);
    /// assert_eq!(doc.facts()[0].text(text), "12,5%");
    /// assert_eq!(doc.facts()[0].entity_type(), "PERCENT");
    /// let e = doc.fact_entity(0).unwrap();
    /// assert_eq!(doc.entities()[e].span, doc.facts()[0].span);
    /// ```
    pub fn facts(&self) -> &[Fact] {
        &self.facts
    }

    /// The index (into [`Document::entities`]) of the entity that fact `i` is the value
    /// of; `None` when `i` is out of range or the facts were found without entities.
    pub fn fact_entity(&self, i: usize) -> Option<usize> {
        self.fact_entity.get(i).copied().flatten()
    }

    /// The fact holding the value of entity `i`, if it is a MONEY, PERCENT, NUMBER,
    /// ORDINAL, DATE or TIME entity whose value the rules can read.
    pub fn entity_fact(&self, i: usize) -> Option<&Fact> {
        let k = self.fact_entity.partition_point(|&e| e < Some(i));
        (self.fact_entity.get(k) == Some(&Some(i)))
            .then(|| self.facts.get(k))
            .flatten()
    }

    /// A converter from this document's byte offsets to Unicode code-point offsets.
    pub fn char_offsets(&self) -> CharOffsets {
        CharOffsets::new(&self.text)
    }
}

/// Analyses `text` with everything on: normalization, tokenization, sentence splitting,
/// morphology, entities with normal forms and objects, and facts (relative dates resolved against a dateline, if any). The same
/// as `analyze_with(text, &Options::default())`.
///
/// ```
/// let doc = posol::analyze("Визит начнётся 16 мая.\nПрограмма насыщенная");
/// assert_eq!(doc.sentences().len(), 2);
/// assert_eq!(doc.tokens().len(), 7);
/// assert_eq!(doc.morph(1).unwrap().lemma, "начаться");
/// assert_eq!(doc.facts()[0].entity_type(), "DATE"); // "16 мая"
/// ```
pub fn analyze(text: &str) -> Document {
    analyze_with(text, &Options::default())
}

/// Analyses `text`, computing what `options` asks for. Never panics.
///
/// ```
/// use posol::{analyze_with, facts::{CivilDate, FactValue}, Options};
/// let text = "Соглашение подписали вчера.";
/// let doc = analyze_with(text, &Options::default().date(CivilDate::new(2025, 3, 1)));
/// let FactValue::Date(d) = &doc.facts()[0].value else { panic!() };
/// assert_eq!(d.start.as_deref(), Some("2025-02-28"));
///
/// let fast = analyze_with(text, &Options::segmentation());
/// assert!(fast.morph(0).is_none() && fast.facts().is_empty() && fast.entities().is_empty());
/// ```
pub fn analyze_with(text: &str, options: &Options) -> Document {
    let normalized = normalize(text);
    let raw = scan(&normalized.text);
    let map = &normalized.map;
    let sentences = sentences_from(&normalized.text, &raw, |s, e| {
        Span::new(map.start(s), map.end(e))
    });
    let tokens: Vec<Token> = RawToken::map_all(raw, map);
    let morph = if options.morphology {
        morphology(text, &tokens, &sentences)
    } else {
        Vec::new()
    };
    let merged = if options.entities {
        let rules = facts::extract(text, &tokens, options.date);
        // the tagger's fact features are the facts found without a date
        let undated = options.date.is_none().then_some(&rules[..]);
        let model = ner::Tagger::global().extract_with(text, &tokens, &sentences, undated);
        merge(text, &tokens, &model, &rules, options.date)
    } else if options.facts {
        let facts = facts::extract(text, &tokens, options.date);
        Merged {
            fact_entity: vec![None; facts.len()],
            facts,
            entities: Vec::new(),
        }
    } else {
        Merged::default()
    };
    let linked = if options.entities && options.objects {
        link_with(
            text,
            &tokens,
            &merged.entities,
            options.knowledge.as_deref(),
        )
    } else {
        Linked::default()
    };
    let (facts, fact_entity) = if options.facts {
        (merged.facts, merged.fact_entity)
    } else {
        (Vec::new(), Vec::new())
    };
    Document {
        text: text.to_owned(),
        tokens,
        sentences,
        morph,
        entities: merged.entities,
        facts,
        fact_entity,
        linked,
    }
}
