//! Amounts of money: `20 млрд долларов`, `$24,2 млрд`, `124 451 рубль 50 копеек`.

use super::lex::{qualifier, Cx};
use super::numwords::{range, NumRange};
use super::{CivilDate, FactValue, Hit, Money};

/// The currency of a symbol token.
fn symbol(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "$" => "USD",
        "€" => "EUR",
        "₽" => "RUB",
        "₸" => "KZT",
        "£" => "GBP",
        "¥" => "CNY",
        "₴" => "UAH",
        "₼" => "AZN",
        "₾" => "GEL",
        "₹" => "INR",
        "₺" => "TRY",
        "₩" => "KRW",
        _ => return None,
    })
}

/// The currency of a word (lowercase) and whether it is an abbreviation that may take a dot.
pub(crate) fn currency_word(low: &str) -> Option<(&'static str, bool)> {
    let abbr = |c| Some((c, true));
    match low {
        "долл" | "дол" => return abbr("USD"),
        "руб" | "р" => return abbr("RUB"),
        "грн" => return abbr("UAH"),
        "тг" => return abbr("KZT"),
        "евро" => return Some(("EUR", false)),
        "тенге" => return Some(("KZT", false)),
        "лари" => return Some(("GEL", false)),
        "сом" | "сома" | "сомов" => return Some(("KGS", false)),
        "сум" | "сумов" => return Some(("UZS", false)),
        "usd" => return Some(("USD", false)),
        "eur" => return Some(("EUR", false)),
        "rub" => return Some(("RUB", false)),
        "kzt" => return Some(("KZT", false)),
        "cny" => return Some(("CNY", false)),
        _ => {}
    }
    const STEMS: [(&str, &str); 16] = [
        ("доллар", "USD"),
        ("рубл", "RUB"),
        ("юан", "CNY"),
        ("сомони", "TJS"),
        ("грив", "UAH"),
        ("иен", "JPY"),
        ("йен", "JPY"),
        ("манат", "AZN"),
        ("драм", "AMD"),
        ("лир", "TRY"),
        ("рупи", "INR"),
        ("франк", "CHF"),
        ("фунт", "GBP"),
        ("злот", "PLN"),
        ("дирхам", "AED"),
        ("шекел", "ILS"),
    ];
    STEMS
        .iter()
        .find(|(s, _)| low.starts_with(s) && low.len() <= s.len() + 6)
        .map(|(_, c)| (*c, false))
}

/// A country adjective that changes the currency (`белорусских рублей`, `шведских крон`).
fn adjective(low: &str) -> Option<(&'static str, Option<&'static str>)> {
    const ADJ: [(&str, Option<&str>); 16] = [
        ("американск", Some("USD")),
        ("российск", Some("RUB")),
        ("белорусск", Some("BYN")),
        ("казахстанск", Some("KZT")),
        ("киргизск", Some("KGS")),
        ("кыргызск", Some("KGS")),
        ("узбекск", Some("UZS")),
        ("канадск", Some("CAD")),
        ("австралийск", Some("AUD")),
        ("гонконгск", Some("HKD")),
        ("сингапурск", Some("SGD")),
        ("шведск", Some("SEK")),
        ("норвежск", Some("NOK")),
        ("датск", Some("DKK")),
        ("чешск", Some("CZK")),
        ("китайск", Some("CNY")),
    ];
    ADJ.iter()
        .find(|(s, _)| low.starts_with(s))
        .map(|(s, c)| (*s, *c))
}

/// Reads a currency name at `k`: optional country adjective, the word, `США`, a dot.
/// Returns one past its end and the code.
fn currency_at(cx: &Cx<'_>, k: usize) -> Option<(usize, &'static str)> {
    let (mut k, adj) = match adjective(cx.low(k)) {
        Some((_, code)) => (k + 1, code),
        None => (k, None),
    };
    let low = cx.low(k);
    let (mut code, abbr) = match currency_word(low) {
        Some(c) => c,
        None if low.starts_with("крон") && adj.is_some() => (adj.unwrap_or("SEK"), false),
        None => return None,
    };
    if let Some(a) = adj {
        if code != "EUR" {
            code = a;
        }
    }
    k += 1;
    if abbr && cx.raw(k) == "." && super::numwords::abbr_dot(cx, k) {
        k += 1;
    }
    if code == "GBP" && cx.low(k) == "стерлингов" {
        k += 1;
    }
    if code == "USD" && cx.low(k) == "сша" {
        k += 1;
    }
    Some((k, code))
}

/// Adds kopecks or cents: `124 451 рубль 50 копеек`.
fn subunit(cx: &Cx<'_>, k: usize, amount: &mut f64) -> usize {
    if let Some(c) = cx.int(k) {
        let l = cx.low(k + 1);
        if c < 100 && (l.starts_with("копе") || l.starts_with("цент")) {
            *amount += c as f64 / 100.0;
            return k + 2;
        }
    }
    k
}

/// The money rule at token `i`.
pub(crate) fn rule(cx: &Cx<'_>, i: usize, _anchor: Option<CivilDate>) -> Option<Hit> {
    let (skip, q) = qualifier(cx, i).map_or((0, None), |(n, q)| (n, Some(q)));
    let j = i + skip;
    // "$24,2 млрд", "$0,91 — $1,02 млн".
    if let Some(code) = symbol(cx.raw(j)) {
        let r = range(cx, j + 1)?;
        let mut end = r.end;
        let mut hi = r.hi;
        if hi.is_none() && cx.is_dash(end) && symbol(cx.raw(end + 1)) == Some(code) {
            if let Some(r2) = range(cx, end + 2) {
                hi = Some(r2.lo);
                end = r2.end;
            }
        }
        // Trailing currency word repeating the symbol is rare; accept "$5 млн долларов".
        if let Some((k, c)) = currency_at(cx, end) {
            if c == code {
                end = k;
            }
        }
        return Some(hit(cx, i, end, r.lo, hi, code, q));
    }
    let r: NumRange = range(cx, j)?;
    if let Some((k, code)) = currency_at(cx, r.end) {
        let mut amount = r.lo;
        let end = if r.hi.is_none() {
            subunit(cx, k, &mut amount)
        } else {
            k
        };
        let q = if cx.low(i) == "от" { None } else { q };
        return Some(hit(cx, i, end, amount, r.hi, code, q));
    }
    if let Some(code) = symbol(cx.raw(r.end)).filter(|c| *c != "%") {
        return Some(hit(cx, i, r.end + 1, r.lo, r.hi, code, q));
    }
    None
}

fn hit(
    cx: &Cx<'_>,
    a: usize,
    end: usize,
    amount: f64,
    max: Option<f64>,
    code: &'static str,
    qualifier: Option<super::Qualifier>,
) -> Hit {
    let money = Money {
        amount,
        max,
        currency: Some(code),
        qualifier,
    };
    Hit::one(cx, a, end, FactValue::Money(money))
}
