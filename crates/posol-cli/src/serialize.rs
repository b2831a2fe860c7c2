//! The one place where an analysed document becomes a JSON output line.
//!
//! Later stages (lemmas, parts of speech, entities, facts) add their fields here.

use posol::{CharOffsets, Document};
use serde::ser::{SerializeMap, SerializeSeq, Serializer as _};

use crate::record::Record;

/// How much to write for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `id`, `tokens` (`start`, `stop`, `text`) and `sentences` (`start`, `stop`).
    Segment,
    /// Everything in `Segment`, plus the document `text` and each token's `kind`.
    Analyze,
}

/// Writes `doc` (analysed from `record`) as one JSON object, followed by `\n`, to `out`.
pub(crate) fn write_document(out: &mut Vec<u8>, record: &Record, doc: &Document, mode: Mode) {
    let mut ser = serde_json::Serializer::new(&mut *out);
    // Serializing into a Vec cannot fail: every value is a string, a number or raw JSON
    // that serde_json itself validated, so the results below are ignored safely.
    let _ = document(&mut ser, record, doc, mode);
    out.push(b'\n');
}

type Ser<'w> = serde_json::Serializer<&'w mut Vec<u8>>;

fn document(
    ser: &mut Ser<'_>,
    record: &Record,
    doc: &Document,
    mode: Mode,
) -> serde_json::Result<()> {
    let text = doc.text();
    let offsets = doc.char_offsets();
    let mut map = ser.serialize_map(None)?;
    map.serialize_entry("id", &record.id)?;
    if mode == Mode::Analyze {
        map.serialize_entry("text", text)?;
    }
    map.serialize_entry(
        "tokens",
        &Tokens {
            doc,
            offsets: &offsets,
            mode,
        },
    )?;
    map.serialize_entry(
        "sentences",
        &Sentences {
            doc,
            offsets: &offsets,
        },
    )?;
    SerializeMap::end(map)
}

struct Tokens<'a> {
    doc: &'a Document,
    offsets: &'a CharOffsets,
    mode: Mode,
}

impl serde::Serialize for Tokens<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.doc.text();
        let mut seq = s.serialize_seq(Some(self.doc.tokens().len()))?;
        for token in self.doc.tokens() {
            let (start, stop) = self.offsets.char_span(token.span);
            seq.serialize_element(&TokenOut {
                start,
                stop,
                text: token.text(text),
                kind: (self.mode == Mode::Analyze).then(|| token.kind.as_str()),
            })?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct TokenOut<'a> {
    start: usize,
    stop: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
}

struct Sentences<'a> {
    doc: &'a Document,
    offsets: &'a CharOffsets,
}

impl serde::Serialize for Sentences<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.doc.sentences().len()))?;
        for sentence in self.doc.sentences() {
            let (start, stop) = self.offsets.char_span(sentence.span);
            seq.serialize_element(&SentenceOut { start, stop })?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct SentenceOut {
    start: usize,
    stop: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse_line;

    fn render(line: &str, mode: Mode) -> String {
        let record = parse_line(line.as_bytes()).expect("valid line");
        let doc = posol::analyze(&record.text);
        let mut out = Vec::new();
        write_document(&mut out, &record, &doc, mode);
        String::from_utf8(out).expect("utf-8 output")
    }

    #[test]
    fn segment_and_analyze_shapes() {
        let line = r#"{"id": 7, "text": "Мир!"}"#;
        assert_eq!(
            render(line, Mode::Segment),
            r#"{"id":7,"tokens":[{"start":0,"stop":3,"text":"Мир"},{"start":3,"stop":4,"text":"!"}],"sentences":[{"start":0,"stop":4}]}"#
                .to_owned()
                + "\n"
        );
        assert_eq!(
            render(r#"{"text": "Да"}"#, Mode::Analyze),
            r#"{"id":null,"text":"Да","tokens":[{"start":0,"stop":2,"text":"Да","kind":"word"}],"sentences":[{"start":0,"stop":2}]}"#
                .to_owned()
                + "\n"
        );
    }
}
