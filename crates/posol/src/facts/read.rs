//! Reading the value of a mention found elsewhere (by the entity model): the rules run
//! at the mention's first token and must end exactly at its last.

use super::lex::{qualifier, Cx};
use super::{dates, CivilDate, FactKind, FactValue, Qualifier, RULES};
use crate::span::Span;
use crate::token::Token;

/// Reads the values of `mentions` (spans of `text` with the kind of fact each should
/// be), given the text's `tokens` and, optionally, the document's date (as in
/// [`super::extract`]). One result per mention, in order: `None` when the rules cannot
/// read a fact of that kind covering exactly that span, or when the span does not
/// start and end at token boundaries.
///
/// The rules first see the whole text (so a count keeps the noun after it); when the
/// longest reading there does not end where the mention does, they see only the
/// mention's tokens. An amount, percentage or number without a qualifier of its own
/// takes one written just before the mention (`более чем на 15%` read as `15%`).
///
/// ```
/// use posol::facts::{read, FactKind, FactValue};
/// use posol::Span;
/// let text = "Встреча прошла 16 мая 2025 года.";
/// let tokens = posol::tokenize(text);
/// let values = read(text, &tokens, &[(Span::new(28, 37), FactKind::Date)], None);
/// let Some(FactValue::Date(d)) = &values[0] else { panic!() };
/// // "16 мая" alone has no year: it comes from the first full date (the dateline)
/// assert_eq!((d.start.as_deref(), d.resolved), (Some("2025-05-16"), true));
/// assert_eq!(read(text, &tokens, &[(Span::new(0, 14), FactKind::Date)], None), [None]);
/// ```
///
/// Never panics.
pub fn read(
    text: &str,
    tokens: &[Token],
    mentions: &[(Span, FactKind)],
    date: Option<CivilDate>,
) -> Vec<Option<FactValue>> {
    let cx = Cx::new(text, tokens);
    let anchor = date.or_else(|| dates::find_anchor(&cx));
    mentions
        .iter()
        .map(|&(span, kind)| {
            let a = cx.w.partition_point(|w| w.span.start < span.start);
            let b = cx.w.partition_point(|w| w.span.end <= span.end);
            if a >= b || cx.w[a].span.start != span.start || cx.w[b - 1].span.end != span.end {
                return None;
            }
            let mut value = value_at(&cx, a, span, kind, anchor).or_else(|| {
                let ta = tokens.partition_point(|t| t.span.start < span.start);
                let tb = tokens.partition_point(|t| t.span.end <= span.end);
                let window = Cx::new(text, tokens.get(ta..tb)?);
                value_at(&window, 0, span, kind, anchor)
            });
            if let Some(own @ None) = value.as_mut().and_then(FactValue::qualifier_mut) {
                *own = qualifier_before(&cx, a);
            }
            value
        })
        .collect()
}

/// Gives an amount, percentage or number read at `span` without a qualifier of its own
/// the one written right before the span (as [`read`] does), given the text's `tokens`.
pub(crate) fn add_qualifier_before(
    text: &str,
    tokens: &[Token],
    span: Span,
    value: &mut FactValue,
) {
    let Some(own @ None) = value.qualifier_mut() else {
        return;
    };
    let a = tokens.partition_point(|t| t.span.start < span.start);
    if tokens.get(a).is_none_or(|t| t.span.start != span.start) {
        return;
    }
    // the longest qualifier group is two words, and a `на` may follow it
    let from = a.saturating_sub(3);
    let Some(window) = tokens.get(from..=a) else {
        return;
    };
    *own = qualifier_before(&Cx::new(text, window), a - from);
}

/// A qualifier that ends right before token `a`, or before a `на` there (`около`,
/// `не более`, `более чем на`).
fn qualifier_before(cx: &Cx<'_>, a: usize) -> Option<Qualifier> {
    let ends = [Some(a), a.checked_sub(1).filter(|&k| cx.low(k) == "на")];
    ends.into_iter().flatten().find_map(|end| {
        // the longer group first: `не более` rather than `более`
        (1..=2).rev().find_map(|n| {
            let i = end.checked_sub(n)?;
            qualifier(cx, i).and_then(|(len, q)| (i + len == end).then_some(q))
        })
    })
}

/// The value of a fact of `kind` covering exactly `span` that some rule reads at token `a`.
fn value_at(
    cx: &Cx<'_>,
    a: usize,
    span: Span,
    kind: FactKind,
    anchor: Option<CivilDate>,
) -> Option<FactValue> {
    RULES.iter().find_map(|rule| {
        rule(cx, a, anchor)?
            .facts
            .into_iter()
            .find(|f| f.span == span && f.kind == kind)
            .map(|f| f.value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Quantity;

    fn span_of(text: &str, part: &str) -> Span {
        let start = text.find(part).expect("part of the text");
        Span::new(start, start + part.len())
    }

    #[test]
    fn reads_what_extract_reads_for_its_own_spans() {
        let text = "В 2021 году более 100 предприятий вложили $3 млрд, рост на 7%.";
        let tokens = crate::token::tokenize(text);
        let facts = super::super::extract(text, &tokens, None);
        let mentions: Vec<_> = facts.iter().map(|f| (f.span, f.kind)).collect();
        let values = read(text, &tokens, &mentions, None);
        assert_eq!(facts.len(), 4);
        for (f, v) in facts.iter().zip(values) {
            assert_eq!(Some(&f.value), v.as_ref(), "{}", f.text(text));
        }
    }

    #[test]
    fn shorter_spans_are_read_alone_and_bad_spans_give_none() {
        let text = "Саммит пройдёт 3 октября 2026 года, приедут 40 делегаций.";
        let tokens = crate::token::tokenize(text);
        let mentions = [
            (span_of(text, "3 октября"), FactKind::Date),
            (span_of(text, "40"), FactKind::Number),
            (span_of(text, "Саммит"), FactKind::Date),
            (span_of(text, "октябр"), FactKind::Date),
            (span_of(text, "3 октября"), FactKind::Money),
            (Span::new(text.len() + 5, text.len() + 9), FactKind::Date),
            (Span::new(7, 3), FactKind::Number),
        ];
        let values = read(text, &tokens, &mentions, None);
        let Some(FactValue::Date(d)) = &values[0] else {
            panic!("{values:?}")
        };
        // the year comes from the full date, as a dateline
        assert_eq!((d.start.as_deref(), d.resolved), (Some("2026-10-03"), true));
        let Some(FactValue::Number(Quantity { value, counted, .. })) = &values[1] else {
            panic!("{values:?}")
        };
        // the noun after the span is still seen
        assert_eq!((*value, counted.as_deref()), (40.0, Some("делегаций")));
        assert!(values[2..].iter().all(Option::is_none), "{values:?}");
    }

    #[test]
    fn qualifiers_before_the_mention_are_kept() {
        let text = "Экспорт вырос более чем на 15%, импорт — не более 3 млрд рублей, \
                    а ещё на 2% и около 40 сделок.";
        let tokens = crate::token::tokenize(text);
        let mentions = [
            (span_of(text, "15%"), FactKind::Percent),
            (span_of(text, "3 млрд рублей"), FactKind::Money),
            (span_of(text, "2%"), FactKind::Percent),
            (span_of(text, "40"), FactKind::Number),
        ];
        let values = read(text, &tokens, &mentions, None);
        let qualifiers: Vec<Option<Qualifier>> = values
            .into_iter()
            .map(|v| {
                v.and_then(|mut v| v.qualifier_mut().copied())
                    .expect("a quantity")
            })
            .collect();
        // `на 2%` has no qualifier word
        assert_eq!(
            qualifiers,
            [
                Some(Qualifier::MoreThan),
                Some(Qualifier::AtMost),
                None,
                Some(Qualifier::About)
            ]
        );
    }

    #[test]
    fn relative_dates_use_the_given_date() {
        let text = "Переговоры прошли вчера.";
        let tokens = crate::token::tokenize(text);
        let mentions = [(span_of(text, "вчера"), FactKind::Date)];
        let values = read(text, &tokens, &mentions, CivilDate::new(2025, 3, 1));
        let Some(FactValue::Date(d)) = &values[0] else {
            panic!("{values:?}")
        };
        assert_eq!(d.start.as_deref(), Some("2025-02-28"));
    }
}
