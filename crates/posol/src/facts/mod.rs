//! Facts: money, percentages, numbers, ordinals, dates and times, with parsed values.
//!
//! Rules over the tokens find the mentions and read their values: amounts with their
//! multipliers, ISO 4217 currency codes and qualifiers (`около`, `более`, `до` …),
//! percentages, counts with the noun they count, ordinals, and dates as ISO 8601 strings
//! (partial where the text is: `2021`, `2025-05`), including relative dates resolved
//! against a document date.
//!
//! Spans follow the conventions of the NEREL corpus, so these facts can be merged with
//! the statistical entities: a DATE span takes its preposition and year word
//! (`в 2021 году`, `с июня по сентябрь`), but not the abbreviation dot of `г.`; a MONEY,
//! PERCENT or NUMBER span takes its qualifier (`около 2 млрд рублей`); a NUMBER span
//! takes a unit of measure (`1600 км`) but not the counted noun (`19` in `19 человек`,
//! the noun is kept in the value).
//!
//! ```
//! use posol::facts::{self, CivilDate, FactKind, FactValue};
//! let text = "В прошлом году товарооборот превысил $24,2 млрд, рост составил 12,5%.";
//! let doc = posol::analyze(text);
//! let found = facts::extract(text, doc.tokens(), CivilDate::new(2025, 3, 1));
//! assert_eq!(found[0].text(text), "В прошлом году");
//! assert_eq!(found[0].entity_type(), "DATE");
//! let FactValue::Date(d) = &found[0].value else { panic!() };
//! assert_eq!((d.start.as_deref(), d.relative, d.resolved), (Some("2024"), true, true));
//! assert_eq!(found[1].text(text), "$24,2 млрд");
//! let FactValue::Money(m) = &found[1].value else { panic!() };
//! assert_eq!((m.amount, m.currency), (24.2e9, Some("USD")));
//! assert_eq!(found[2].kind, FactKind::Percent);
//! ```
//!
//! No function here panics on any input; every span slices the original text.

mod calendar;
mod dates;
mod json;
mod lex;
mod money;
mod numwords;
mod quantity;
mod read;
mod relative;
mod time;

use crate::span::Span;
use crate::token::Token;

pub use calendar::CivilDate;
pub use json::FieldValue;
pub(crate) use read::add_qualifier_before;
pub use read::read;

/// What kind of fact was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FactKind {
    /// An amount of money (`20 млрд долларов`).
    Money,
    /// A percentage (`12,5%`, `пять процентов`).
    Percent,
    /// A cardinal number or count (`более 100`, `1600 км`, `трое`).
    Number,
    /// An ordinal (`первый`, `62-я`, `XVI`).
    Ordinal,
    /// A date, date range, relative date or duration in days or longer.
    Date,
    /// A time of day, a date with a time, or a duration in hours or shorter.
    Time,
}

impl FactKind {
    /// The entity type name, as in NEREL: `MONEY`, `PERCENT`, `NUMBER`, `ORDINAL`, `DATE`, `TIME`.
    pub fn entity_type(self) -> &'static str {
        match self {
            FactKind::Money => "MONEY",
            FactKind::Percent => "PERCENT",
            FactKind::Number => "NUMBER",
            FactKind::Ordinal => "ORDINAL",
            FactKind::Date => "DATE",
            FactKind::Time => "TIME",
        }
    }

    /// The kind's name in lower case, as used in JSON output (`money`, `date` …).
    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Money => "money",
            FactKind::Percent => "percent",
            FactKind::Number => "number",
            FactKind::Ordinal => "ordinal",
            FactKind::Date => "date",
            FactKind::Time => "time",
        }
    }
}

/// A word that bounds or approximates an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Qualifier {
    /// `около`, `порядка`, `примерно`, `приблизительно`.
    About,
    /// `более`, `свыше`, `больше`, `более чем`.
    MoreThan,
    /// `менее`, `меньше`.
    LessThan,
    /// `не менее`, `как минимум`.
    AtLeast,
    /// `не более`, `как максимум`.
    AtMost,
    /// `до`.
    UpTo,
    /// `почти`, `чуть менее`, `без малого`.
    Almost,
}

impl Qualifier {
    /// The qualifier's name in snake case (`about`, `more_than` …).
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::About => "about",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::UpTo => "up_to",
            Qualifier::Almost => "almost",
        }
    }
}

/// An amount of money.
#[derive(Debug, Clone, PartialEq)]
pub struct Money {
    /// The amount (the lower end of a range), multipliers applied: `24,2 млрд` → `24.2e9`.
    pub amount: f64,
    /// The upper end of a range (`от 50 до 70 млн рублей`, `50-70 млн рублей`).
    pub max: Option<f64>,
    /// ISO 4217 code (`USD`, `EUR`, `RUB`, `KZT`, `CNY` …) when the currency is named.
    pub currency: Option<&'static str>,
    /// A bounding or approximating word before the amount.
    pub qualifier: Option<Qualifier>,
}

/// A number or percentage.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The value (the lower end of a range); for a percentage, `12,5%` → `12.5`.
    pub value: f64,
    /// The upper end of a range.
    pub max: Option<f64>,
    /// A bounding or approximating word before the number.
    pub qualifier: Option<Qualifier>,
    /// What is counted or measured, as written: the unit inside the span (`км`) or the
    /// noun right after it (`предприятий` in `более 100 предприятий`).
    pub counted: Option<String>,
}

/// A date, a date range, a relative date or a duration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DateValue {
    /// ISO 8601 start, partial where the text is: `2021`, `2025-05`, `2025-05-16`,
    /// `--05-16` (day and month, year unknown). `None` when unknown (an unresolved
    /// relative date such as `в прошлом году` without a document date).
    pub start: Option<String>,
    /// ISO 8601 end of a range (`2021-2025 годы` → `2025`), inclusive.
    pub end: Option<String>,
    /// ISO 8601 duration for spans of time (`за 20 лет` → `P20Y`).
    pub duration: Option<String>,
    /// True when the expression depends on the document date (`в прошлом году`, `вчера`,
    /// `в пятницу`, `в мае текущего года`).
    pub relative: bool,
    /// True when `start` was computed from the document date (a relative date, or a day
    /// and month whose year was taken from it).
    pub resolved: bool,
}

/// A time of day or a short duration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TimeValue {
    /// `HH:MM` when the clock time is given.
    pub time: Option<String>,
    /// The date part (ISO 8601, possibly partial), when given with the time.
    pub date: Option<String>,
    /// ISO 8601 duration (`через шесть часов` → `PT6H`).
    pub duration: Option<String>,
    /// True when the expression depends on the document date.
    pub relative: bool,
}

/// The parsed value of a fact.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FactValue {
    /// For [`FactKind::Money`].
    Money(Money),
    /// For [`FactKind::Percent`].
    Percent(Quantity),
    /// For [`FactKind::Number`].
    Number(Quantity),
    /// For [`FactKind::Ordinal`]: the ordinal number (`третий` → 3).
    Ordinal(i64),
    /// For [`FactKind::Date`].
    Date(DateValue),
    /// For [`FactKind::Time`].
    Time(TimeValue),
}

impl FactValue {
    /// The qualifier field of an amount, percentage or number (`None` for other values).
    pub(crate) fn qualifier_mut(&mut self) -> Option<&mut Option<Qualifier>> {
        match self {
            FactValue::Money(m) => Some(&mut m.qualifier),
            FactValue::Percent(q) | FactValue::Number(q) => Some(&mut q.qualifier),
            _ => None,
        }
    }
}

/// One fact: its kind, where it is and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    /// What kind of fact this is.
    pub kind: FactKind,
    /// Byte span in the original text.
    pub span: Span,
    /// The parsed value.
    pub value: FactValue,
}

impl Fact {
    /// The fact's text in `original` (`""` if the span does not fit that string).
    pub fn text<'a>(&self, original: &'a str) -> &'a str {
        original.get(self.span.range()).unwrap_or("")
    }

    /// The entity type name (`MONEY`, `DATE` …), the same names the entity model uses.
    pub fn entity_type(&self) -> &'static str {
        self.kind.entity_type()
    }
}

/// Finds the facts in `text`, given its `tokens` (from [`crate::tokenize`] or
/// [`crate::Document::tokens`]) and, optionally, the document's date.
///
/// Relative dates (`в прошлом году`, `вчера`, `в мае текущего года`) are resolved against
/// `date`; without it, against the first full date in the first 300 bytes of the text (a
/// dateline: `27.11.2024`, `16 мая 2025 года`), if any. Facts come in text order; a TIME that contains a date
/// (`утром 17 октября`) is followed by the nested DATE, as NEREL annotates it.
///
/// Tokens whose spans do not fit `text` are ignored. Never panics.
pub fn extract(text: &str, tokens: &[Token], date: Option<CivilDate>) -> Vec<Fact> {
    let cx = lex::Cx::new(text, tokens);
    let anchor = date.or_else(|| dates::find_anchor(&cx));
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.len() {
        match best_at(&cx, i, anchor) {
            Some(hit) if hit.end > i => {
                out.extend(hit.facts);
                i = hit.end;
            }
            _ => i += 1,
        }
    }
    out
}

/// Tokenizes `text` and finds its facts: `extract(text, &tokenize(text), date)`.
///
/// ```
/// let found = posol::facts::extract_text("Рост на 5% за 2021-2025 годы.", None);
/// let texts: Vec<_> = found.iter().map(|f| f.entity_type()).collect();
/// assert_eq!(texts, ["PERCENT", "DATE"]);
/// ```
pub fn extract_text(text: &str, date: Option<CivilDate>) -> Vec<Fact> {
    extract(text, &crate::token::tokenize(text), date)
}

/// A match of one rule: one past its last token and the facts it yields.
pub(crate) struct Hit {
    pub(crate) end: usize,
    pub(crate) facts: Vec<Fact>,
}

impl Hit {
    pub(crate) fn one(cx: &lex::Cx<'_>, a: usize, end: usize, value: FactValue) -> Self {
        let kind = match &value {
            FactValue::Money(_) => FactKind::Money,
            FactValue::Percent(_) => FactKind::Percent,
            FactValue::Number(_) => FactKind::Number,
            FactValue::Ordinal(_) => FactKind::Ordinal,
            FactValue::Date(_) => FactKind::Date,
            FactValue::Time(_) => FactKind::Time,
        };
        Hit {
            end,
            facts: vec![Fact {
                kind,
                span: cx.span(a, end),
                value,
            }],
        }
    }
}

type Rule = fn(&lex::Cx<'_>, usize, Option<CivilDate>) -> Option<Hit>;

/// Every rule, tried in this order at each token.
const RULES: [Rule; 6] = [
    time::rule,
    dates::rule,
    money::rule,
    quantity::percent_rule,
    quantity::ordinal_rule,
    quantity::number_rule,
];

fn best_at(cx: &lex::Cx<'_>, i: usize, anchor: Option<CivilDate>) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for rule in RULES {
        if let Some(h) = rule(cx, i, anchor) {
            if best.as_ref().is_none_or(|b| h.end > b.end) && !h.facts.is_empty() {
                best = Some(h);
            }
        }
    }
    best
}
