//! One input record: a JSONL line parsed into its id, text and date.

use std::fmt;

use posol::facts::CivilDate;
use serde::Deserialize;
use serde_json::value::RawValue;

/// A parsed input line.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    /// The id exactly as written in the input (a JSON string or number), or `None`.
    pub(crate) id: Option<Box<RawValue>>,
    /// The text to analyse.
    pub(crate) text: String,
    /// The publication date as given (`YYYY-MM-DD`), when present; `posol analyze`
    /// resolves relative dates against it.
    pub(crate) date: Option<String>,
}

impl Record {
    /// A record for `--text`: no id, no date.
    pub(crate) fn plain(text: String) -> Self {
        Record {
            id: None,
            text,
            date: None,
        }
    }
}

/// Why a line could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LineError {
    /// The line is not UTF-8; holds the offset of the first bad byte.
    Utf8(usize),
    /// The line is not valid JSON.
    Json(String),
    /// Valid JSON, but not an object or with a field of the wrong shape.
    Shape(String),
    /// The object has no `"text"` field (or it is null).
    MissingText,
    /// A field has the wrong type: the field's name and what it must be.
    FieldType(&'static str, &'static str),
    /// The `"date"` string is not a valid `YYYY-MM-DD` date; holds the string.
    Date(String),
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LineError::Utf8(at) => write!(f, "invalid UTF-8 at byte {at}"),
            LineError::Json(msg) => write!(f, "invalid JSON: {msg}"),
            LineError::Shape(msg) => write!(f, "bad record: {msg}"),
            LineError::MissingText => f.write_str("missing \"text\" field"),
            LineError::FieldType(name, what) => write!(f, "\"{name}\" must be {what}"),
            LineError::Date(value) => {
                write!(f, "\"date\" must be a YYYY-MM-DD date, not {value:?}")
            }
        }
    }
}

/// The fields posol reads, still as raw JSON; every other field is ignored.
#[derive(Deserialize)]
struct Fields<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    text: Option<&'a RawValue>,
    #[serde(borrow, default)]
    date: Option<&'a RawValue>,
}

/// Parses one line (without its line terminator).
///
/// # Errors
/// A [`LineError`] naming what is wrong with the line.
pub(crate) fn parse_line(bytes: &[u8]) -> Result<Record, LineError> {
    let line = std::str::from_utf8(bytes).map_err(|e| LineError::Utf8(e.valid_up_to()))?;
    if !line.trim_start().starts_with('{') {
        // Structs also deserialize from arrays; only objects are records.
        return Err(match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Ok(_) => LineError::Shape("expected a JSON object".to_owned()),
            Err(e) => LineError::Json(strip_position(&e)),
        });
    }
    let fields: Fields<'_> = serde_json::from_str(line).map_err(|e| {
        if e.is_data() {
            LineError::Shape(strip_position(&e))
        } else {
            LineError::Json(strip_position(&e))
        }
    })?;
    let id = match fields.id {
        None => None,
        Some(raw) if is_null(raw) => None,
        Some(raw) if is_string_or_number(raw) => Some(raw.to_owned()),
        Some(_) => return Err(LineError::FieldType("id", "a string or a number")),
    };
    let text = match fields.text {
        None => return Err(LineError::MissingText),
        Some(raw) if is_null(raw) => return Err(LineError::MissingText),
        Some(raw) => string_field(raw, "text")?,
    };
    let date = match fields.date {
        None => None,
        Some(raw) if is_null(raw) => None,
        Some(raw) => Some(string_field(raw, "date")?),
    };
    Ok(Record { id, text, date })
}

impl Record {
    /// The record's date, parsed.
    ///
    /// # Errors
    /// [`LineError::Date`] when the `"date"` string is not a valid `YYYY-MM-DD` date.
    pub(crate) fn civil_date(&self) -> Result<Option<CivilDate>, LineError> {
        match &self.date {
            None => Ok(None),
            Some(s) => CivilDate::parse(s)
                .map(Some)
                .ok_or_else(|| LineError::Date(s.clone())),
        }
    }
}

/// Decodes a raw JSON value that must be a string.
fn string_field(raw: &RawValue, name: &'static str) -> Result<String, LineError> {
    if !raw.get().starts_with('"') {
        return Err(LineError::FieldType(name, "a string"));
    }
    serde_json::from_str(raw.get())
        .map_err(|e| LineError::Shape(format!("\"{name}\": {}", strip_position(&e))))
}

fn is_null(raw: &RawValue) -> bool {
    raw.get() == "null"
}

fn is_string_or_number(raw: &RawValue) -> bool {
    raw.get()
        .starts_with(|c: char| c == '"' || c == '-' || c.is_ascii_digit())
}

/// serde_json's message with its "at line 1 column N" reduced to the column.
fn strip_position(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(at) => format!("{} (column {})", &full[..at], e.column()),
        None => full,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(line: &str) -> String {
        match parse_line(line.as_bytes()) {
            Ok(r) => panic!("parsed: {r:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn parses_ids_as_given() {
        let r = parse_line(br#"{"id": 1.50, "text": "\u041c\u0438\u0440", "x": [1]}"#)
            .expect("valid line");
        assert_eq!(r.id.as_deref().map(RawValue::get), Some("1.50"));
        assert_eq!(r.text, "Мир");
        let r =
            parse_line(br#"{"text": "a", "id": null, "date": "2024-05-16"}"#).expect("valid line");
        assert!(r.id.is_none());
        assert_eq!(r.date.as_deref(), Some("2024-05-16"));
    }

    #[test]
    fn reports_bad_lines() {
        assert_eq!(err(r#"{"id": 1}"#), "missing \"text\" field");
        assert_eq!(err(r#"{"id": 1, "text": 5}"#), "\"text\" must be a string");
        assert_eq!(
            err(r#"{"id": [1], "text": ""}"#),
            "\"id\" must be a string or a number"
        );
        assert_eq!(
            err(r#"{"text": "", "date": 5}"#),
            "\"date\" must be a string"
        );
        assert!(err(r#"{"id": 1, "text": "#).starts_with("invalid JSON"));
        assert_eq!(err("[1, 2]"), "bad record: expected a JSON object");
        assert!(err("[1, 2").starts_with("invalid JSON"));
        assert!(err(r#"{"text": "\ud800"}"#).starts_with("bad record: \"text\""));
        let r = parse_line(br#"{"text": "", "date": "2024-02-30"}"#).expect("valid line");
        assert_eq!(
            r.civil_date().map_err(|e| e.to_string()),
            Err("\"date\" must be a YYYY-MM-DD date, not \"2024-02-30\"".to_owned())
        );
        let r = parse_line(br#"{"text": "", "date": "2024-02-29"}"#).expect("valid line");
        assert_eq!(r.civil_date(), Ok(CivilDate::new(2024, 2, 29)));
        assert_eq!(
            parse_line(b"{\"text\": \"\xff\"}").err(),
            Some(LineError::Utf8(10))
        );
    }
}
