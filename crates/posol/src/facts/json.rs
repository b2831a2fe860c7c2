//! A serde-free view of a fact as named fields, and a small JSON writer.

use super::{Fact, FactValue};
use crate::span::CharOffsets;

/// One value of a fact field.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    /// A string (`"USD"`, `"2025-05"`).
    Str(String),
    /// A number.
    Num(f64),
    /// A boolean.
    Bool(bool),
}

impl FieldValue {
    fn write_json(&self, out: &mut String) {
        match self {
            FieldValue::Str(s) => write_str(out, s),
            FieldValue::Num(n) if n.is_finite() => out.push_str(&format_num(*n)),
            FieldValue::Num(_) => out.push_str("null"),
            FieldValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        }
    }
}

fn format_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Fact {
    /// The value's fields, absent ones left out: `amount`, `max`, `currency`,
    /// `qualifier`, `value`, `counted`, `end`, `duration`, `relative`, `resolved`,
    /// `time`, `date`.
    ///
    /// A date's start ([`super::DateValue::start`]) is named `value`, like the main value
    /// of the other kinds, so that it never collides with the `start` offset of
    /// [`Fact::to_json`].
    ///
    /// ```
    /// use posol::facts::{extract_text, FieldValue};
    /// let f = &extract_text("около 5 млн евро", None)[0];
    /// assert_eq!(f.fields()[0], ("amount", FieldValue::Num(5e6)));
    /// ```
    pub fn fields(&self) -> Vec<(&'static str, FieldValue)> {
        use FieldValue::{Bool, Num, Str};
        let mut f = Vec::new();
        let opt = |f: &mut Vec<_>, k, v: Option<FieldValue>| {
            if let Some(v) = v {
                f.push((k, v));
            }
        };
        match &self.value {
            FactValue::Money(m) => {
                f.push(("amount", Num(m.amount)));
                opt(&mut f, "max", m.max.map(Num));
                opt(&mut f, "currency", m.currency.map(|c| Str(c.into())));
                opt(
                    &mut f,
                    "qualifier",
                    m.qualifier.map(|q| Str(q.as_str().into())),
                );
            }
            FactValue::Percent(q) | FactValue::Number(q) => {
                f.push(("value", Num(q.value)));
                opt(&mut f, "max", q.max.map(Num));
                opt(
                    &mut f,
                    "qualifier",
                    q.qualifier.map(|q| Str(q.as_str().into())),
                );
                opt(&mut f, "counted", q.counted.clone().map(Str));
            }
            FactValue::Ordinal(n) => f.push(("value", Num(*n as f64))),
            FactValue::Date(d) => {
                opt(&mut f, "value", d.start.clone().map(Str));
                opt(&mut f, "end", d.end.clone().map(Str));
                opt(&mut f, "duration", d.duration.clone().map(Str));
                f.push(("relative", Bool(d.relative)));
                f.push(("resolved", Bool(d.resolved)));
            }
            FactValue::Time(t) => {
                opt(&mut f, "time", t.time.clone().map(Str));
                opt(&mut f, "date", t.date.clone().map(Str));
                opt(&mut f, "duration", t.duration.clone().map(Str));
                f.push(("relative", Bool(t.relative)));
            }
        }
        f
    }

    /// One JSON object: `{"kind","type","start","stop","text", ...fields}` with
    /// code-point offsets from `offsets` (built once per text with [`CharOffsets::new`]).
    ///
    /// ```
    /// use posol::{facts::extract_text, CharOffsets};
    /// let text = "Рост — 12,5%";
    /// let f = &extract_text(text, None)[0];
    /// let json = f.to_json(text, &CharOffsets::new(text));
    /// assert_eq!(json, r#"{"kind":"percent","type":"PERCENT","start":7,"stop":12,"text":"12,5%","value":12.5}"#);
    /// ```
    pub fn to_json(&self, text: &str, offsets: &CharOffsets) -> String {
        let (start, stop) = offsets.char_span(self.span);
        let mut out = String::from("{\"kind\":");
        write_str(&mut out, self.kind.as_str());
        out.push_str(",\"type\":");
        write_str(&mut out, self.entity_type());
        out.push_str(&format!(",\"start\":{start},\"stop\":{stop},\"text\":"));
        write_str(&mut out, self.text(text));
        for (k, v) in self.fields() {
            out.push(',');
            write_str(&mut out, k);
            out.push(':');
            v.write_json(&mut out);
        }
        out.push('}');
        out
    }
}
