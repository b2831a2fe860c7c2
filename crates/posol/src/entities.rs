//! One consistent set of entities: the model's nested entities merged with the rule
//! facts, and the facts read from that set.
//!
//! The entity model and the fact rules both find MONEY, PERCENT, NUMBER, ORDINAL, DATE
//! and TIME mentions. [`Document`](crate::Document) keeps one set: for each of these
//! types, [`source`] says where its mentions come from, chosen from the per-type span
//! F1 of both on NEREL dev (`bench/eval_ner.py --merged` prints the tables):
//!
//! | type    | model | rules | mentions from                                     |
//! |---------|------:|------:|---------------------------------------------------|
//! | DATE    | 0.871 | 0.817 | the model                                         |
//! | NUMBER  | 0.828 | 0.781 | the model                                         |
//! | MONEY   | 0.772 | 0.772 | the rules (a tie; the earlier model had 0.724)    |
//! | PERCENT | 0.889 | 0.889 | the model                                         |
//! | ORDINAL | 0.808 | 0.754 | the model (adding the rule ordinals no model mention overlaps gave 0.793 with an earlier model) |
//! | TIME    | 0.643 | 0.633 | the rules (merged set 0.655, above the model alone) |
//!
//! (Measured with the model of `crates/posol/data/ner.bin`; NEREL dev has only 29 MONEY and
//! 29 TIME mentions, so rerun the comparison whenever the model changes.) A rule
//! mention is added only where it crosses no kept entity's boundaries (it may nest
//! inside one, as an ordinal inside an event). The nesting is then rebuilt, and
//! every entity of the six types gets the value the rules read for its exact span
//! ([`crate::facts::read`]), when they can read one.

use std::collections::HashMap;

use crate::facts::{self, CivilDate, Fact, FactKind, FactValue};
use crate::ner::{Entity, EntityType};
use crate::span::Span;
use crate::token::Token;

/// Where the mentions of one fact type come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// The model's mentions only.
    Model,
    /// The model's mentions, plus rule mentions that overlap none of its fact-type mentions
    /// (no type uses it with the current model; kept, and tested, for the next one).
    #[cfg_attr(not(test), allow(dead_code))]
    ModelAndFreeRules,
    /// The rules' mentions replace the model's (for a type whose rules beat the model).
    Rules,
}

/// The source of each fact type (see the module table).
pub(crate) fn source(kind: FactKind) -> Source {
    match kind {
        FactKind::Money | FactKind::Time => Source::Rules,
        _ => Source::Model,
    }
}

/// The fact kind of an entity type, for the six types both sides find.
pub(crate) fn fact_kind(t: EntityType) -> Option<FactKind> {
    Some(match t {
        EntityType::Money => FactKind::Money,
        EntityType::Percent => FactKind::Percent,
        EntityType::Number => FactKind::Number,
        EntityType::Ordinal => FactKind::Ordinal,
        EntityType::Date => FactKind::Date,
        EntityType::Time => FactKind::Time,
        _ => return None,
    })
}

fn entity_type(kind: FactKind) -> EntityType {
    match kind {
        FactKind::Money => EntityType::Money,
        FactKind::Percent => EntityType::Percent,
        FactKind::Number => EntityType::Number,
        FactKind::Ordinal => EntityType::Ordinal,
        FactKind::Date => EntityType::Date,
        FactKind::Time => EntityType::Time,
    }
}

/// The merged entities, and the facts read from them with the entity each belongs to.
#[derive(Debug, Default)]
pub(crate) struct Merged {
    pub(crate) entities: Vec<Entity>,
    pub(crate) facts: Vec<Fact>,
    /// Parallel to `facts`: the index of each fact's entity (increasing).
    pub(crate) fact_entity: Vec<Option<usize>>,
}

/// True when `a` and `b` overlap without one containing the other.
fn crosses(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end && !a.contains(b) && !b.contains(a)
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Merges the `model` entities (as from [`crate::ner::extract`]) with the `rules` facts
/// (as from [`crate::facts::extract`] over the same `tokens`), and reads the values of
/// the merged fact-type entities (relative dates against `date`).
pub(crate) fn merge(
    text: &str,
    tokens: &[Token],
    model: &[Entity],
    rules: &[Fact],
    date: Option<CivilDate>,
) -> Merged {
    merge_by(text, tokens, model, rules, date, source)
}

/// [`merge`] with the sources given by `source`.
fn merge_by(
    text: &str,
    tokens: &[Token],
    model: &[Entity],
    rules: &[Fact],
    date: Option<CivilDate>,
    source: fn(FactKind) -> Source,
) -> Merged {
    // (span, type, order among equal spans: the model's depth; rule mentions innermost)
    let mut items: Vec<(Span, EntityType, u8)> = model
        .iter()
        .filter(|e| fact_kind(e.kind).is_none_or(|k| source(k) != Source::Rules))
        .map(|e| (e.span, e.kind, e.depth))
        .collect();
    let model_count = items.len();
    let added = rule_mentions(&items, rules, source);
    items.extend(added);
    if items.len() > model_count {
        items.sort_by_key(|&(s, t, d)| (s.start, std::cmp::Reverse(s.end), d, t));
    }
    items.dedup_by_key(|&mut (s, t, _)| (s, t));
    let entities = nest(&items);

    let by_span: HashMap<(Span, FactKind), &FactValue> =
        rules.iter().map(|f| ((f.span, f.kind), &f.value)).collect();
    let mut unread = Vec::new();
    let mut values: Vec<Option<FactValue>> = entities
        .iter()
        .map(|e| {
            let kind = fact_kind(e.kind)?;
            let found = by_span.get(&(e.span, kind)).map(|v| (*v).clone());
            if found.is_none() {
                unread.push((e.span, kind));
            }
            found
        })
        .collect();
    let mut read = facts::read(text, tokens, &unread, date).into_iter();
    let mut merged = Merged {
        entities,
        ..Merged::default()
    };
    for (i, e) in merged.entities.iter().enumerate() {
        let Some(kind) = fact_kind(e.kind) else {
            continue;
        };
        // a rule fact with the entity's span may still miss a qualifier written before it
        // (`более чем на 15%`); values read from the span already have it
        let value = match values[i].take() {
            Some(mut v) => {
                facts::add_qualifier_before(text, tokens, e.span, &mut v);
                Some(v)
            }
            None => read.next().flatten(),
        };
        if let Some(value) = value {
            merged.facts.push(Fact {
                kind,
                span: e.span,
                value,
            });
            merged.fact_entity.push(Some(i));
        }
    }
    merged
}

/// The rule mentions to add to `items` (sorted by start, longest first; nested without
/// crossing), as [`source`] says. One sweep in text order: the items that start before
/// a mention and reach into it are kept open, the ones that start inside it are scanned.
fn rule_mentions(
    items: &[(Span, EntityType, u8)],
    rules: &[Fact],
    source: fn(FactKind) -> Source,
) -> Vec<(Span, EntityType, u8)> {
    let mut wanted: Vec<(&Fact, bool)> = rules
        .iter()
        .filter_map(|f| match source(f.kind) {
            Source::Model => None,
            Source::Rules => Some((f, true)),
            Source::ModelAndFreeRules => Some((f, false)),
        })
        .collect();
    wanted.sort_by_key(|(f, _)| (f.span.start, std::cmp::Reverse(f.span.end)));
    let mut out: Vec<(Span, EntityType, u8)> = Vec::new();
    let mut open: Vec<(Span, EntityType)> = Vec::new();
    let mut next = 0;
    for (fact, free) in wanted {
        let span = fact.span;
        while let Some(&(s, t, _)) = items.get(next).filter(|i| i.0.start < span.start) {
            open.push((s, t));
            next += 1;
        }
        open.retain(|(s, _)| s.end > span.start);
        let inside = items[next..]
            .iter()
            .take_while(|i| i.0.start < span.end)
            .map(|&(s, t, _)| (s, t));
        let earlier = out.last().map(|&(s, t, _)| (s, t));
        let blocked = open
            .iter()
            .copied()
            .chain(inside)
            .chain(earlier)
            .any(|(s, t)| {
                crosses(s, span) || (!free && fact_kind(t).is_some() && overlaps(s, span))
            });
        if !blocked {
            out.push((span, entity_type(fact.kind), u8::MAX));
        }
    }
    out
}

/// Entities with parents from spans sorted by (start, longest first): each one's parent
/// is the nearest earlier entity that contains it.
fn nest(items: &[(Span, EntityType, u8)]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::with_capacity(items.len());
    let mut open: Vec<usize> = Vec::new();
    for &(span, kind, _) in items {
        while open.last().is_some_and(|&p| !out[p].span.contains(span)) {
            open.pop();
        }
        out.push(Entity {
            span,
            kind,
            parent: open.last().copied(),
            depth: open.len().min(u8::MAX as usize) as u8,
        });
        open.push(out.len() - 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, part: &str) -> Span {
        let start = text.find(part).expect("part of the text");
        Span::new(start, start + part.len())
    }

    fn ent(text: &str, part: &str, kind: EntityType, depth: u8) -> Entity {
        Entity {
            span: span_of(text, part),
            kind,
            parent: None,
            depth,
        }
    }

    fn run(text: &str, model: &[Entity]) -> (Merged, Vec<(String, &'static str)>) {
        run_by(text, model, source)
    }

    fn run_by(
        text: &str,
        model: &[Entity],
        source: fn(FactKind) -> Source,
    ) -> (Merged, Vec<(String, &'static str)>) {
        let tokens = crate::token::tokenize(text);
        let rules = facts::extract(text, &tokens, None);
        let merged = merge_by(text, &tokens, model, &rules, None, source);
        let shown = merged
            .entities
            .iter()
            .map(|e| (e.text(text).to_owned(), e.kind.as_str()))
            .collect();
        (merged, shown)
    }

    #[test]
    fn model_dates_keep_their_span_and_get_rule_values() {
        let text = "В 2021 году стороны подписали договор.";
        let model = [ent(text, "2021 году", EntityType::Date, 0)];
        let (m, shown) = run(text, &model);
        assert_eq!(shown, [("2021 году".to_owned(), "DATE")]);
        assert_eq!(m.facts.len(), 1);
        assert_eq!(m.facts[0].span, model[0].span);
        assert_eq!(m.fact_entity, [Some(0)]);
        let FactValue::Date(d) = &m.facts[0].value else {
            panic!("{:?}", m.facts)
        };
        assert_eq!(d.start.as_deref(), Some("2021"));
    }

    #[test]
    fn values_take_a_qualifier_written_before_the_mention() {
        let text = "Товарооборот вырос более чем на 15%, инвестиции — почти на 2 млрд долларов.";
        let model = [ent(text, "15%", EntityType::Percent, 0)];
        let (m, _) = run(text, &model);
        let qualifiers: Vec<_> = m
            .facts
            .iter()
            .map(|f| {
                let q = f.value.clone().qualifier_mut().copied();
                (f.text(text), q.expect("a quantity"))
            })
            .collect();
        assert_eq!(
            qualifiers,
            [
                ("15%", Some(facts::Qualifier::MoreThan)),
                ("2 млрд долларов", Some(facts::Qualifier::Almost))
            ]
        );
    }

    #[test]
    fn model_mentions_are_kept_when_the_model_is_the_source() {
        let text = "Переговоры начались в 10:30 в Кремле.";
        let model = [ent(text, "10:30", EntityType::Time, 0)];
        let (m, shown) = run_by(text, &model, |_| Source::Model);
        assert_eq!(shown, [("10:30".to_owned(), "TIME")]);
        let FactValue::Time(t) = &m.facts[0].value else {
            panic!("{:?}", m.facts)
        };
        assert_eq!(t.time.as_deref(), Some("10:30"));
    }

    #[test]
    fn rule_mentions_can_replace_model_mentions() {
        let text = "Переговоры начались в 10:30 в Кремле.";
        let model = [
            ent(text, "Переговоры", EntityType::Event, 0),
            ent(text, "начались в 10:30", EntityType::Time, 0),
        ];
        let times_from_rules = |k| match k {
            FactKind::Time => Source::Rules,
            _ => Source::Model,
        };
        let (m, shown) = run_by(text, &model, times_from_rules);
        assert_eq!(
            shown,
            [
                ("Переговоры".to_owned(), "EVENT"),
                ("в 10:30".to_owned(), "TIME")
            ]
        );
        let FactValue::Time(t) = &m.facts[0].value else {
            panic!("{:?}", m.facts)
        };
        assert_eq!(t.time.as_deref(), Some("10:30"));
        assert_eq!(m.fact_entity, [Some(1)]);
    }

    #[test]
    fn free_rule_ordinals_nest_inside_other_entities() {
        let text = "Открылась 62-я сессия Генассамблеи.";
        let model = [ent(text, "62-я сессия Генассамблеи", EntityType::Event, 0)];
        let free_ordinals = |k| match k {
            FactKind::Ordinal => Source::ModelAndFreeRules,
            _ => Source::Model,
        };
        let (m, shown) = run_by(text, &model, free_ordinals);
        assert_eq!(
            shown,
            [
                ("62-я сессия Генассамблеи".to_owned(), "EVENT"),
                ("62-я".to_owned(), "ORDINAL")
            ]
        );
        assert_eq!((m.entities[1].parent, m.entities[1].depth), (Some(0), 1));
        assert_eq!(m.facts[0].value, FactValue::Ordinal(62));
        // a model NUMBER over the same words blocks the rule ordinal
        let model = [ent(text, "62-я", EntityType::Number, 0)];
        let (_, shown) = run_by(text, &model, free_ordinals);
        assert_eq!(shown, [("62-я".to_owned(), "NUMBER")]);
    }

    #[test]
    fn rule_mentions_never_cross_entities() {
        let text = "Визит продлится до 15:00 пятницы.";
        let model = [ent(text, "продлится до 15", EntityType::Event, 0)];
        let (m, _) = run(text, &model);
        for e in &m.entities {
            assert!(m.entities.iter().all(|o| !crosses(o.span, e.span)));
        }
    }

    #[test]
    fn unreadable_entities_have_no_fact_and_nothing_is_duplicated() {
        let text = "В ту эпоху рост составил 5%.";
        let model = [
            ent(text, "ту эпоху", EntityType::Date, 0),
            ent(text, "5%", EntityType::Percent, 0),
            ent(text, "5%", EntityType::Percent, 1),
        ];
        let (m, shown) = run(text, &model);
        assert_eq!(shown.len(), 2, "{shown:?}");
        assert!(m.fact_entity.windows(2).all(|w| w[0] < w[1]));
        assert!(m.facts.iter().all(|f| f.span != model[0].span));
        assert_eq!(m.facts.len(), 1);
    }

    #[test]
    fn nesting_is_rebuilt_from_spans() {
        let text = "посол Италии в Казахстане";
        let items = [
            (span_of(text, text), EntityType::Profession, 0),
            (span_of(text, "Италии"), EntityType::Country, 1),
            (span_of(text, "Казахстане"), EntityType::Country, 1),
        ];
        let out = nest(&items);
        assert_eq!(
            out.iter().map(|e| (e.parent, e.depth)).collect::<Vec<_>>(),
            [(None, 0), (Some(0), 1), (Some(0), 1)]
        );
    }
}
