//! Relative dates and durations: `в прошлом году`, `вчера`, `на этой неделе`,
//! `три года назад`, `за 20 лет`.

use super::calendar::Partial;
use super::dates::Core;
use super::lex::Cx;
use super::numwords::number;
use super::CivilDate;

/// The year offset of a relative adjective (`прошлом` → -1, `текущего` → 0).
pub(crate) fn year_adj(low: &str) -> Option<i32> {
    const ADJ: [(&str, i32); 11] = [
        ("позапрошл", -2),
        ("прошл", -1),
        ("минувш", -1),
        ("предыдущ", -1),
        ("текущ", 0),
        ("нынешн", 0),
        ("эт", 0),
        ("сего", 0),
        ("следующ", 1),
        ("будущ", 1),
        ("предстоящ", 1),
    ];
    let (stem, off) = ADJ.iter().find(|(s, _)| low.starts_with(s))?;
    let rest = low.get(stem.len()..).unwrap_or("");
    let ok = matches!(
        rest,
        "" | "ом"
            | "ем"
            | "ого"
            | "его"
            | "ий"
            | "ый"
            | "ей"
            | "ой"
            | "ую"
            | "юю"
            | "ая"
            | "яя"
            | "от"
            | "им"
            | "ым"
    );
    let this_ok = *stem != "эт" || matches!(rest, "ом" | "ого" | "от" | "ой" | "у");
    (ok && this_ok)
        .then_some(*off)
        .or_else(|| (low == "эту").then_some(0))
}

/// Time units: the ISO designator and how many days one is (for resolving `назад`).
fn unit(low: &str) -> Option<(char, i64)> {
    Some(match low {
        "год" | "года" | "лет" | "годы" | "годов" => ('Y', 365),
        "месяц" | "месяца" | "месяцев" | "месяцы" => ('M', 30),
        "неделю" | "недели" | "недель" | "неделя" => ('W', 7),
        "день" | "дня" | "дней" | "сутки" | "суток" | "дни" => ('D', 1),
        "десятилетие" | "десятилетия" | "десятилетий" => {
            ('Y', 3650)
        }
        "век" | "века" | "веков" => ('Y', 36500),
        "полгода" | "полугода" => ('M', 182),
        _ => return None,
    })
}

/// A relative date or a duration at `j` (no leading preposition).
pub(crate) fn core(cx: &Cx<'_>, j: usize, anchor: Option<CivilDate>) -> Option<Core> {
    let l = cx.low(j);
    let day_off = match l {
        "сегодня" => Some(0),
        "вчера" | "накануне" => Some(-1),
        "завтра" => Some(1),
        "позавчера" => Some(-2),
        "послезавтра" => Some(2),
        _ => None,
    };
    if let Some(off) = day_off {
        // "вчера, 16 августа 2016 года": the written date wins.
        let sep = j + 1;
        if cx.raw(sep) == "," || cx.is_dash(sep) {
            if let Some(c) = super::dates::core(cx, sep + 1, anchor, false)
                .filter(|c| c.start.day.is_some() && !c.relative)
            {
                return Some(c);
            }
        }
        let mut c = Core::at(j + 1, Partial::default());
        c.relative = true;
        if let Some(a) = anchor {
            c.start = Partial::from_civil(a.add_days(off));
            c.resolved = true;
        }
        return Some(c);
    }
    if cx.is(j, &["этот", "тот", "следующий", "предыдущий"]) {
        let k = if cx.is(j + 1, &["же"]) {
            j + 2
        } else {
            j + 1
        };
        if cx.is(k, &["день"]) {
            let mut c = Core::at(k + 1, Partial::default());
            c.relative = true;
            return Some(c);
        }
    }
    if let Some(off) = year_adj(l) {
        return adj_unit(cx, j, off, anchor);
    }
    duration(cx, j, anchor)
}

/// `прошлом году`, `этом месяце`, `следующей неделе`.
fn adj_unit(cx: &Cx<'_>, j: usize, off: i32, anchor: Option<CivilDate>) -> Option<Core> {
    let u = cx.low(j + 1);
    let mut c = Core::at(j + 2, Partial::default());
    c.relative = true;
    let kind = match u {
        "году" | "год" | "года" => 'Y',
        "месяце" | "месяц" | "месяца" => 'M',
        "неделе" | "неделю" | "недели" => 'W',
        _ => return None,
    };
    let Some(a) = anchor else { return Some(c) };
    c.resolved = true;
    match kind {
        'Y' => c.start = Partial::ymd(Some(a.year + off), None, None),
        'M' => {
            let m = i32::from(a.month) - 1 + off;
            let (y, m) = (a.year + m.div_euclid(12), m.rem_euclid(12) + 1);
            c.start = Partial::ymd(Some(y), u8::try_from(m).ok(), None);
        }
        _ => {
            let monday = a.add_days(-i64::from(a.weekday()) + 7 * i64::from(off));
            c.start = Partial::from_civil(monday);
            c.last = Some(Partial::from_civil(monday.add_days(6)));
        }
    }
    Some(c)
}

/// `20 лет`, `несколько дней`, `три года назад`, `год назад`.
fn duration(cx: &Cx<'_>, j: usize, anchor: Option<CivilDate>) -> Option<Core> {
    let (n, k) = if cx.is(j, &["полгода", "полугода"]) {
        (Some(6.0), j)
    } else if unit(cx.low(j)).is_some() {
        if !cx.is(j + 1, &["назад", "спустя"]) {
            return None;
        }
        (Some(1.0), j)
    } else if cx.is(
        j,
        &[
            "несколько",
            "нескольких",
            "последние",
            "ближайшие",
            "следующие",
            "первые",
        ],
    ) {
        let k = if cx.is(j + 1, &["несколько", "нескольких"]) {
            j + 2
        } else {
            j + 1
        };
        match number(cx, k) {
            Some(n) if cx.is(j, &["последние", "ближайшие"]) => {
                (Some(n.value), n.end)
            }
            _ => (None, k),
        }
    } else {
        let n = number(cx, j)?;
        const AGE: [&str; 14] = [
            "возрасте",
            "исполнилось",
            "исполнится",
            "исполнилось бы",
            "было",
            "будет",
            "ему",
            "ей",
            "которому",
            "которой",
            "младше",
            "старше",
            "моложе",
            "сейчас",
        ];
        let prev = cx.low(j.wrapping_sub(1));
        let prefixed = matches!(
            prev,
            "за" | "в"
                | "течение"
                | "через"
                | "более"
                | "около"
                | "на"
                | "до"
                | "почти"
                | "спустя"
                | "последние"
        );
        let age_like = AGE.contains(&prev)
            || matches!(prev, "," | "(")
            || j > 0 && cx.capitalized(j - 1) && cx.is_word(j - 1);
        if !prefixed && age_like && !cx.is(n.end + 1, &["назад"]) {
            return None;
        }
        (Some(n.value), n.end)
    };
    let (designator, days) = unit(cx.low(k))?;
    let mut c = Core::at(k + 1, Partial::default());
    let count = n.map(|v| {
        if cx.low(k).starts_with("десятилет") {
            v * 10.0
        } else if cx.low(k).starts_with("век") {
            v * 100.0
        } else {
            v
        }
    });
    c.duration = Some(match count {
        Some(v) => format!("P{}{}", v, designator),
        None => format!("P{designator}"),
    });
    if cx.low(k + 1) == "назад" {
        c.end = k + 2;
        c.relative = true;
        c.duration = None;
        if let (Some(a), Some(v)) = (anchor, count) {
            c.resolved = true;
            let v = v.round() as i64;
            c.start = match designator {
                'Y' if days <= 365 => Partial::ymd(Some(a.year - v as i32), None, None),
                'M' => {
                    let m = i64::from(a.month) - 1 - v;
                    let y = i64::from(a.year) + m.div_euclid(12);
                    Partial::ymd(
                        i32::try_from(y).ok(),
                        u8::try_from(m.rem_euclid(12) + 1).ok(),
                        None,
                    )
                }
                _ => Partial::from_civil(a.add_days(-v.saturating_mul(days))),
            };
        }
    }
    Some(c)
}
