//! Normal forms and document objects through the whole pipeline ([`posol::analyze`]).

use std::sync::Arc;

use posol::ner::EntityType;
use posol::objects::{Entry, Knowledge};
use posol::{analyze, analyze_with, Document, Options};

const TEXT: &str = "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву. \
                    На переговорах Токаева поддержали представители РФ. \
                    Глава государства напомнил, что Казахстан и Россия поддерживают ООН. \
                    Организация Объединённых Наций отмечает 80-летие.";

/// The index of the first entity whose text is `s`.
fn find(doc: &Document, s: &str) -> usize {
    let text = doc.text();
    doc.entities()
        .iter()
        .position(|e| e.text(text) == s)
        .unwrap_or_else(|| panic!("no entity {s:?} in {:?}", names(doc)))
}

fn names(doc: &Document) -> Vec<(&str, EntityType)> {
    let text = doc.text();
    doc.entities()
        .iter()
        .map(|e| (e.text(text), e.kind))
        .collect()
}

fn object_id(doc: &Document, i: usize) -> Option<&str> {
    doc.entity_object(i).map(|k| doc.objects()[k].id.as_str())
}

#[test]
fn normals_follow_the_entities() {
    let doc = analyze(TEXT);
    assert_eq!(doc.entity_normal(find(&doc, "Токаева")), Some("Токаев"));
    assert_eq!(doc.entity_normal(find(&doc, "Москву")), Some("Москва"));
    let tokayev = doc
        .entity_name_parts(find(&doc, "Касым-Жомарт Токаев"))
        .unwrap();
    assert_eq!(tokayev.first.as_deref(), Some("Касым-Жомарт"));
    assert_eq!(tokayev.last.as_deref(), Some("Токаев"));
    assert_eq!(doc.entity_name_parts(find(&doc, "Москву")), None);
}

#[test]
fn mentions_share_objects() {
    let doc = analyze(TEXT);
    let full = find(&doc, "Касым-Жомарт Токаев");
    let short = find(&doc, "Токаева");
    assert!(doc.entity_object(full).is_some());
    assert_eq!(doc.entity_object(full), doc.entity_object(short));
    // the post, later, refers to its holder
    let head = find(&doc, "Глава государства");
    assert_eq!(doc.entity_object(head), doc.entity_object(full));
    let person = &doc.objects()[doc.entity_object(full).unwrap()];
    assert_eq!(person.kind, EntityType::Person);
    assert_eq!(person.name, "Касым-Жомарт Токаев");
    assert!(person
        .roles
        .iter()
        .any(|r| r.title == "президент" && r.of.as_deref() == Some("country:KZ")));
    assert_eq!(object_id(&doc, find(&doc, "РФ")), Some("country:RU"));
    assert_eq!(object_id(&doc, find(&doc, "Россия")), Some("country:RU"));
    assert_eq!(object_id(&doc, find(&doc, "Казахстан")), Some("country:KZ"));
    assert_eq!(object_id(&doc, find(&doc, "ООН")), Some("org:UN"));
    assert_eq!(
        object_id(&doc, find(&doc, "Организация Объединённых Наций")),
        Some("org:UN")
    );
}

#[test]
fn objects_can_be_switched_off() {
    let doc = analyze_with(TEXT, &Options::default().objects(false));
    assert!(!doc.entities().is_empty());
    assert!(doc.objects().is_empty());
    assert_eq!(doc.entity_normal(0), None);
    assert_eq!(doc.entity_object(0), None);
    // objects need entities
    let doc = analyze_with(TEXT, &Options::default().entities(false));
    assert!(doc.objects().is_empty() && doc.entity_normal(0).is_none());
    let seg = Options::segmentation();
    assert!(!seg.objects && seg.knowledge.is_none());
    assert!(Options::default().objects);
}

#[test]
fn a_user_gazetteer_wins_over_the_builtin_knowledge() {
    let mut kb = Knowledge::new();
    kb.add(Entry::new(
        "org:MY-UN",
        EntityType::Organization,
        "Объединённые Нации",
        &["ООН"],
    ));
    let options = Options::default().knowledge(Some(Arc::new(kb)));
    let doc = analyze_with(TEXT, &options);
    assert_eq!(object_id(&doc, find(&doc, "ООН")), Some("org:MY-UN"));
    assert_eq!(object_id(&doc, find(&doc, "РФ")), Some("country:RU"));
    // cloning shares the gazetteer; equal options analyse alike
    let copy = options.clone();
    assert_eq!(copy, options);
    assert_ne!(copy, Options::default());
    assert_eq!(analyze_with(TEXT, &copy), doc);
}

#[test]
fn odd_inputs_link_without_panicking() {
    for text in [
        "",
        " ",
        "ООН",
        "РФ РФ РФ",
        "Токаев.",
        "«»",
        "Глава государства.",
    ] {
        let doc = analyze(text);
        for (k, o) in doc.objects().iter().enumerate() {
            for &m in &o.mentions {
                assert_eq!(doc.entity_object(m), Some(k));
            }
        }
    }
}
