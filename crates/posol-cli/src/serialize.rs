//! The one place where an analysed document becomes a JSON output line.

use posol::{CharOffsets, Document};
use serde::ser::{SerializeMap, SerializeSeq, Serializer as _};
use serde_json::value::RawValue;

use crate::record::Record;

/// How much to write for each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// `id`, `tokens` (`start`, `stop`, `text`) and `sentences` (`start`, `stop`).
    Segment,
    /// Everything in `Segment`, plus the document `text`, each token's `kind` and, for
    /// words and numbers, `lemma`, `pos` and `feats`; `entities` (with normal forms and
    /// objects); `objects`; and `facts`.
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

/// Version of the document schema (docs/schema.md) that `analyze` writes as `"schema"`.
const SCHEMA_VERSION: u32 = 1;

fn document(
    ser: &mut Ser<'_>,
    record: &Record,
    doc: &Document,
    mode: Mode,
) -> serde_json::Result<()> {
    let text = doc.text();
    let offsets = doc.char_offsets();
    let mut map = ser.serialize_map(None)?;
    if mode == Mode::Analyze {
        map.serialize_entry("schema", &SCHEMA_VERSION)?;
    }
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
    if mode == Mode::Analyze {
        map.serialize_entry(
            "entities",
            &Entities {
                doc,
                offsets: &offsets,
            },
        )?;
        map.serialize_entry("objects", &Objects { doc })?;
        map.serialize_entry(
            "facts",
            &Facts {
                doc,
                offsets: &offsets,
            },
        )?;
    }
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
        let analyze = self.mode == Mode::Analyze;
        for (i, token) in self.doc.tokens().iter().enumerate() {
            let (start, stop) = self.offsets.char_span(token.span);
            let morph = self.doc.morph(i).filter(|_| analyze);
            seq.serialize_element(&TokenOut {
                start,
                stop,
                text: token.text(text),
                kind: analyze.then(|| token.kind.as_str()),
                lemma: morph.map(|m| m.lemma.as_str()),
                pos: morph.map(|m| m.upos),
                feats: morph.map(|m| m.feats),
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
    #[serde(skip_serializing_if = "Option::is_none")]
    lemma: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pos: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feats: Option<&'static str>,
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

/// The entities: `{"start","stop","type","text"}` with code-point offsets and the NEREL
/// type, plus `"coarse"` (`PER`/`LOC`/`ORG`) and `"parent"` (the index of the enclosing
/// entity) where there are; `"normal"` (the normal form), `"object"` (the index into
/// `"objects"`) and, for persons, `"name_parts"` (`{"first","middle","last"}`, parts
/// found only) when computed.
struct Entities<'a> {
    doc: &'a Document,
    offsets: &'a CharOffsets,
}

impl serde::Serialize for Entities<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.doc.text();
        let mut seq = s.serialize_seq(Some(self.doc.entities().len()))?;
        for (i, e) in self.doc.entities().iter().enumerate() {
            let (start, stop) = self.offsets.char_span(e.span);
            seq.serialize_element(&EntityOut {
                start,
                stop,
                r#type: e.kind.as_str(),
                text: e.text(text),
                coarse: e.coarse().map(|c| c.as_str()),
                parent: e.parent,
                normal: self.doc.entity_normal(i),
                object: self.doc.entity_object(i),
                name_parts: self.doc.entity_name_parts(i).map(|p| NamePartsOut {
                    first: p.first.as_deref(),
                    middle: p.middle.as_deref(),
                    last: p.last.as_deref(),
                }),
            })?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct EntityOut<'a> {
    start: usize,
    stop: usize,
    r#type: &'static str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    coarse: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    normal: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    object: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_parts: Option<NamePartsOut<'a>>,
}

#[derive(serde::Serialize)]
struct NamePartsOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    first: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    middle: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last: Option<&'a str>,
}

/// The objects: `{"id","type","name","mentions","roles"}`, `"mentions"` being entity
/// indices and `"roles"` `[{"title","of"}]` (`"of"` null when the text does not say).
struct Objects<'a> {
    doc: &'a Document,
}

impl serde::Serialize for Objects<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.doc.objects().len()))?;
        for o in self.doc.objects() {
            seq.serialize_element(&ObjectOut {
                id: &o.id,
                r#type: o.kind.as_str(),
                name: &o.name,
                mentions: &o.mentions,
                roles: o
                    .roles
                    .iter()
                    .map(|r| RoleOut {
                        title: &r.title,
                        of: r.of.as_deref(),
                    })
                    .collect(),
            })?;
        }
        seq.end()
    }
}

#[derive(serde::Serialize)]
struct ObjectOut<'a> {
    id: &'a str,
    r#type: &'static str,
    name: &'a str,
    mentions: &'a [usize],
    roles: Vec<RoleOut<'a>>,
}

#[derive(serde::Serialize)]
struct RoleOut<'a> {
    title: &'a str,
    of: Option<&'a str>,
}

/// The facts, each written by [`posol::facts::Fact::to_json`]:
/// `{"kind","type","start","stop","text", ...value fields}`, plus `"entity"` (the index
/// of the entity the fact is the value of) when linked.
struct Facts<'a> {
    doc: &'a Document,
    offsets: &'a CharOffsets,
}

impl serde::Serialize for Facts<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.doc.text();
        let mut seq = s.serialize_seq(Some(self.doc.facts().len()))?;
        for (i, fact) in self.doc.facts().iter().enumerate() {
            let mut json = fact.to_json(text, self.offsets);
            if let Some(e) = self.doc.fact_entity(i) {
                if json.ends_with('}') {
                    json.pop();
                    json.push_str(&format!(",\"entity\":{e}}}"));
                }
            }
            let json = RawValue::from_string(json).map_err(serde::ser::Error::custom)?;
            seq.serialize_element(&json)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::parse_line;

    fn render(line: &str, mode: Mode) -> String {
        let record = parse_line(line.as_bytes()).expect("valid line");
        let out = crate::pipeline::render(&record, mode).expect("renders");
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
            render(r#"{"text": "Москва"}"#, Mode::Analyze),
            r#"{"schema":1,"id":null,"text":"Москва","tokens":[{"start":0,"stop":6,"text":"Москва","kind":"word","lemma":"москва","pos":"PROPN","feats":"Animacy=Inan|Case=Nom|Gender=Fem|Number=Sing"}],"sentences":[{"start":0,"stop":6}],"entities":[{"start":0,"stop":6,"type":"CITY","text":"Москва","coarse":"LOC","normal":"Москва","object":0}],"objects":[{"id":"city:RU-CAPITAL","type":"CITY","name":"Москва","mentions":[0],"roles":[]}],"facts":[]}"#
                .to_owned()
                + "\n"
        );
    }

    #[test]
    fn analyze_writes_morphology_and_facts() {
        let line = r#"{"id": "x", "text": "Вчера — 5%!", "date": "2025-05-16"}"#;
        let out = render(line, Mode::Analyze);
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        let tokens = v["tokens"].as_array().expect("tokens");
        assert_eq!(tokens[0]["lemma"], "вчера");
        assert_eq!(tokens[0]["pos"], "ADV");
        assert!(tokens[1].get("lemma").is_none(), "dash has no morphology");
        assert_eq!(tokens[2]["pos"], "NUM");
        assert!(tokens[3].get("pos").is_none(), "% has no morphology");
        assert_eq!(
            v["facts"],
            serde_json::json!([
                {"kind": "date", "type": "DATE", "start": 0, "stop": 5, "text": "Вчера",
                 "value": "2025-05-15", "relative": true, "resolved": true, "entity": 0},
                {"kind": "percent", "type": "PERCENT", "start": 8, "stop": 10, "text": "5%",
                 "value": 5, "entity": 1}
            ])
        );
        assert_eq!(v["entities"][1]["type"], "PERCENT");
        // segment ignores the date and writes neither morphology, entities nor facts
        let out = render(line, Mode::Segment);
        assert!(!out.contains("lemma") && !out.contains("facts") && !out.contains("entities"));
    }
}
