//! Times: `14:25`, `в 6 часов вечера`, `утром 17 октября`, `27.11.2024 14:25`,
//! `через шесть часов`.

use super::dates::{core as date_core, prefix_len, Core};
use super::lex::Cx;
use super::numwords::number;
use super::{CivilDate, Fact, FactKind, FactValue, Hit, TimeValue};
use crate::token::TokenKind;

fn part_of_day(low: &str) -> bool {
    matches!(
        low,
        "утром"
            | "вечером"
            | "ночью"
            | "днем"
            | "днём"
            | "полдень"
            | "полночь"
            | "полудня"
            | "полуночи"
    )
}

/// A clock time token: `14:25`, `14:25:07`; `14.25` only when `dotted`.
fn clock(raw: &str, dotted: bool) -> Option<String> {
    let sep = if raw.contains(':') {
        ':'
    } else if dotted {
        '.'
    } else {
        return None;
    };
    let mut it = raw.split(sep);
    let h: u8 = it.next()?.parse().ok()?;
    let m = it.next()?;
    if h > 24 || m.len() != 2 || it.next().is_some_and(|s| s.len() != 2) || it.next().is_some() {
        return None;
    }
    let mm: u8 = m.parse().ok()?;
    (mm < 60).then(|| format!("{h:02}:{mm:02}"))
}

/// `по местному времени`, `мск`, `(МСК)`, `по Москве`, `UTC`.
fn zone_tail(cx: &Cx<'_>, k: usize) -> usize {
    if cx.is(k, &["по"]) && cx.low(k + 2) == "времени" {
        return k + 3;
    }
    if cx.is(k, &["по"]) && cx.is(k + 1, &["москве", "гринвичу"]) {
        return k + 2;
    }
    if cx.is(k, &["мск", "utc", "gmt"]) {
        return k + 1;
    }
    k
}

/// A clock time at `j`: a token or `6 часов [30 минут] [вечера]`. Returns end and `HH:MM`.
fn clock_at(cx: &Cx<'_>, j: usize, prep: bool) -> Option<(usize, String)> {
    if cx.kind(j) != Some(TokenKind::Number) {
        return None;
    }
    if let Some(t) = clock(cx.raw(j), prep) {
        let k = if cx.is(j + 1, &["ч", "часов", "час", "часа"]) {
            j + 2
        } else {
            j + 1
        };
        return Some((zone_tail(cx, k), t));
    }
    if !prep {
        return None;
    }
    let h = number(cx, j).filter(|n| n.value <= 24.0 && n.value.fract() == 0.0)?;
    if !cx.is(h.end, &["час", "часа", "часов", "ч"]) {
        return None;
    }
    let mut k = h.end + 1;
    let mut minutes = 0.0;
    if let Some(m) = number(cx, k).filter(|m| cx.low(m.end).starts_with("минут")) {
        minutes = m.value;
        k = m.end + 1;
    }
    let mut hour = h.value;
    if cx.is(k, &["вечера", "дня"]) && hour < 12.0 {
        hour += 12.0;
        k += 1;
    } else if cx.is(k, &["утра", "ночи"]) {
        k += 1;
    }
    Some((
        zone_tail(cx, k),
        format!("{:02}:{:02}", hour as u32, minutes as u32),
    ))
}

fn date_of(c: &Core) -> Option<String> {
    c.start.iso()
}

/// The time rule at token `i`.
pub(crate) fn rule(cx: &Cx<'_>, i: usize, anchor: Option<CivilDate>) -> Option<Hit> {
    let p = prefix_len(cx, i);
    let j = i + p;
    let mut v = TimeValue::default();
    let mut nested: Option<(usize, Core)> = None;
    let end;
    if let Some((k, t)) = clock_at(cx, j, p > 0) {
        // "в 19:00 25 ноября 2016 года"
        v.time = Some(t);
        let mut e = k;
        if let Some(c) = date_core(cx, k, anchor, false)
            .filter(|c| c.start.day.is_some() || c.relative && c.duration.is_none())
        {
            v.date = date_of(&c);
            e = c.end;
            nested = Some((k, c));
        }
        end = e;
    } else if part_of_day(cx.low(j)) {
        // "утром 17 октября", "вечером в пятницу"
        let dp = prefix_len(cx, j + 1);
        let mut e = j + 1;
        if let Some(c) = date_core(cx, j + 1 + dp, anchor, false).filter(|c| c.duration.is_none()) {
            v.date = date_of(&c);
            v.relative = c.relative;
            e = c.end;
            nested = Some((j + 1, c));
        }
        end = e;
    } else if let Some(c) = date_core(cx, j, anchor, false).filter(|c| c.duration.is_none()) {
        // "вчера вечером", "27.11.2024 14:25", "в пятницу утром"
        let k = c.end;
        if let Some((e, t)) = clock_at(cx, k, false) {
            v.time = Some(t);
            end = e;
        } else if cx.is(k, &["в", "около"]) && clock_at(cx, k + 1, true).is_some() {
            let (e, t) = clock_at(cx, k + 1, true)?;
            v.time = Some(t);
            end = e;
        } else if part_of_day(cx.low(k)) {
            end = k + 1;
        } else {
            return None;
        }
        v.date = date_of(&c);
        v.relative = c.relative;
        nested = Some((i, c));
    } else {
        // "через шесть часов", "24 секунды", "на 57-й минуте"
        let (n, k) = match number(cx, j) {
            Some(n) => (Some(n.value), n.end),
            None if cx.is(j, &["несколько", "нескольких"]) => (None, j + 1),
            None if cx.raw(j).ends_with("-й") && cx.kind(j) == Some(TokenKind::Number) => {
                (None, j + 1)
            }
            None => return None,
        };
        let u = cx.low(k);
        let d = if u.starts_with("час") && u.len() <= 10 {
            'H'
        } else if u.starts_with("минут") {
            'M'
        } else if u.starts_with("секунд") {
            'S'
        } else {
            return None;
        };
        v.duration = Some(match n {
            Some(n) => format!("PT{n}{d}"),
            None => format!("PT{d}"),
        });
        if cx.raw(j).ends_with("-й") {
            v.duration = None;
        }
        end = k + 1;
    }
    let mut facts = vec![Fact {
        kind: FactKind::Time,
        span: cx.span(i, end),
        value: FactValue::Time(v),
    }];
    if let Some((a, c)) = nested {
        facts.push(Fact {
            kind: FactKind::Date,
            span: cx.span(a, c.end),
            value: FactValue::Date(c.value()),
        });
    }
    Some(Hit { end, facts })
}
