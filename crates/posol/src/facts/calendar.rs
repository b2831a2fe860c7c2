//! Civil dates, partial dates and the Russian month and weekday names.

/// A day of the proleptic Gregorian calendar, such as a document's publication date.
///
/// ```
/// use posol::facts::CivilDate;
/// let d = CivilDate::new(2024, 11, 27).unwrap();
/// assert_eq!(d.to_string(), "2024-11-27");
/// assert_eq!(d.add_days(5).to_string(), "2024-12-02");
/// assert_eq!(CivilDate::parse("2024-02-30"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CivilDate {
    /// Year (1 to 9999).
    pub year: i32,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl CivilDate {
    /// A checked date: `None` unless the year is in 1..=9999 and the day exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(CivilDate { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        CivilDate::new(y, m, d)
    }

    /// The date `n` days later (earlier when negative); saturates at the calendar's ends.
    pub fn add_days(self, n: i64) -> Self {
        let z = days_from_civil(self).saturating_add(n);
        civil_from_days(z).unwrap_or(self)
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (days_from_civil(self) + 3).rem_euclid(7) as u8
    }
}

impl std::fmt::Display for CivilDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub(crate) fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn days_from_civil(d: CivilDate) -> i64 {
    let y = i64::from(d.year) - i64::from(d.month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(d.month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d.day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> Option<CivilDate> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    CivilDate::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
}

/// A date that may lack its year, month or day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Partial {
    pub(crate) year: Option<i32>,
    pub(crate) month: Option<u8>,
    pub(crate) day: Option<u8>,
}

impl Partial {
    pub(crate) fn ymd(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Self {
        Partial { year, month, day }
    }

    pub(crate) fn from_civil(d: CivilDate) -> Self {
        Partial::ymd(Some(d.year), Some(d.month), Some(d.day))
    }

    /// ISO 8601 text: `2025`, `2025-05`, `2025-05-16`, `--05-16` (no year), `--05`.
    pub(crate) fn iso(self) -> Option<String> {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (Some(y), None, _) => Some(format!("{y:04}")),
            (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
            (None, Some(m), None) => Some(format!("--{m:02}")),
            (None, None, _) => None,
        }
    }

    /// Fills in a missing year from `anchor`; true when it did.
    pub(crate) fn fill_year(&mut self, anchor: Option<CivilDate>) -> bool {
        match (self.year, self.month, anchor) {
            (None, Some(_), Some(a)) => {
                self.year = Some(a.year);
                true
            }
            _ => false,
        }
    }
}

/// The month named by `low` (any case form: `май`, `мая`, `мае`), 1–12.
pub(crate) fn month(low: &str) -> Option<u8> {
    const STEMS: [(&str, u8); 12] = [
        ("январ", 1),
        ("феврал", 2),
        ("март", 3),
        ("апрел", 4),
        ("ма", 5),
        ("июн", 6),
        ("июл", 7),
        ("август", 8),
        ("сентябр", 9),
        ("октябр", 10),
        ("ноябр", 11),
        ("декабр", 12),
    ];
    for (stem, m) in STEMS {
        if let Some(end) = low.strip_prefix(stem) {
            let ok = match m {
                5 => matches!(end, "й" | "я" | "е" | "ю" | "ем"),
                3 | 8 => matches!(end, "" | "а" | "е" | "у" | "ом"),
                _ => matches!(end, "ь" | "я" | "е" | "ю" | "ем"),
            };
            if ok {
                return Some(m);
            }
        }
    }
    None
}

/// The weekday named by `low` (`понедельник`, `в среду`'s `среду`), 0 = Monday.
pub(crate) fn weekday(low: &str) -> Option<u8> {
    Some(match low {
        "понедельник" | "понедельника" | "понедельнику" => 0,
        "вторник" | "вторника" => 1,
        "среда" | "среду" | "среды" => 2,
        "четверг" | "четверга" => 3,
        "пятница" | "пятницу" | "пятницы" => 4,
        "суббота" | "субботу" | "субботы" => 5,
        "воскресенье" | "воскресенья" => 6,
        _ => return None,
    })
}

/// Year words: `год`, `года`, `году`, `годы`, `годах`, `г`, `гг`.
pub(crate) fn is_year_word(low: &str) -> bool {
    matches!(
        low,
        "год"
            | "года"
            | "году"
            | "годом"
            | "годы"
            | "годов"
            | "годах"
            | "годам"
            | "г"
            | "гг"
    )
}
