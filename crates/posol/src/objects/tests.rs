use super::*;
use crate::span::Span;
use proptest::prelude::*;

fn ent(text: &str, s: &str, nth: usize, kind: EntityType) -> Entity {
    let start = text.match_indices(s).nth(nth).expect("in text").0;
    Entity {
        span: Span {
            start,
            end: start + s.len(),
        },
        kind,
        parent: None,
        depth: 0,
    }
}

#[test]
fn links_names_acronyms_and_posts() {
    use EntityType::*;
    let text = "Президент России Владимир Путин провёл переговоры с Касым-Жомартом Токаевым. \
                РФ и Российская Федерация — одно. Токаев отметил роль ООН. \
                Глава государства поблагодарил Организацию Объединённых Наций. \
                Президент РК вернулся в Астану.";
    let mut es = vec![
        ent(text, "Президент России", 0, Profession),
        ent(text, "России", 0, Country),
        ent(text, "Владимир Путин", 0, Person),
        ent(text, "Касым-Жомартом Токаевым", 0, Person),
        ent(text, "РФ", 0, Country),
        ent(text, "Российская Федерация", 0, Country),
        ent(text, "Токаев", 1, Person),
        ent(text, "ООН", 0, Organization),
        ent(text, "Глава государства", 0, Profession),
        ent(text, "Организацию Объединённых Наций", 0, Organization),
        ent(text, "Президент РК", 0, Profession),
        ent(text, "РК", 0, Country),
        ent(text, "Астану", 0, City),
    ];
    es.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let tokens = crate::tokenize(text);
    let l = link(text, &tokens, &es);
    let obj = |s: &str, nth: usize| {
        let e = ent(text, s, nth, EntityType::Person);
        let i = es.iter().position(|x| x.span == e.span).expect("entity");
        l.entity_object[i].map(|o| &l.objects[o])
    };
    let ru = obj("России", 0).expect("Russia");
    assert_eq!(ru.id, "country:RU");
    assert_eq!(obj("РФ", 0).expect("RF").id, "country:RU");
    assert_eq!(obj("Российская Федерация", 0).expect("RF").id, "country:RU");
    assert_eq!(obj("ООН", 0).expect("UN").id, "org:UN");
    assert_eq!(
        obj("Организацию Объединённых Наций", 0).expect("UN").id,
        "org:UN"
    );
    assert_eq!(obj("Астану", 0).expect("Astana").id, "city:KZ-ASTANA");
    let putin = obj("Владимир Путин", 0).expect("Putin");
    assert_eq!(putin.roles[0].title, "президент");
    assert_eq!(putin.roles[0].of.as_deref(), Some("country:RU"));
    assert_eq!(obj("Президент России", 0).expect("post").id, putin.id);
    let tokayev = obj("Касым-Жомартом Токаевым", 0).expect("Tokayev");
    assert_eq!(tokayev.name, "Касым-Жомарт Токаев");
    assert_eq!(tokayev.id, "person:Касым-Жомарт Токаев");
    assert_eq!(obj("Токаев", 1).expect("surname").id, tokayev.id);
}

#[test]
fn gazetteer_and_knowledge() {
    let kb = Knowledge::builtin();
    for (name, id) in [
        ("Нидерланды", "country:NL"),
        ("Королевство Нидерландов", "country:NL"),
        ("ЕАЭС", "org:EEU"),
        ("СВМДА", "org:CICA"),
        ("ОТГ", "org:OTS"),
        ("Алма-Ата", "city:KZ-ALMATY"),
        ("Туркестанская область", "region:KZ-YUZ"),
        ("Москва", "city:RU-CAPITAL"),
        ("Рим", "city:IT-CAPITAL"),
        ("Астана", "city:KZ-ASTANA"),
        ("Сингапур", "country:SG"),
        ("Кувейт", "country:KW"),
    ] {
        assert_eq!(kb.lookup(name).map(|e| e.id.as_str()), Some(id), "{name}");
    }
    assert_eq!(
        kb.lookup_adjective("казахстанский").map(|e| e.id.as_str()),
        Some("country:KZ")
    );
    assert!(kb.entries().len() > 250);
}

proptest! {
    #[test]
    fn never_panics(text in "\\PC{0,80}", cuts in proptest::collection::vec((0usize..100, 0usize..20, 0usize..29), 0..6)) {
        let tokens = crate::tokenize(&text);
        let mut es: Vec<Entity> = cuts
            .iter()
            .map(|&(s, len, k)| Entity {
                span: Span { start: s.min(text.len()), end: (s + len).min(text.len()) },
                kind: EntityType::from_index(k).unwrap_or(EntityType::Person),
                parent: None,
                depth: 0,
            })
            .collect();
        es.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
        let l = link(&text, &tokens, &es);
        prop_assert_eq!(l.normals.len(), es.len());
        for o in &l.objects {
            for &m in &o.mentions {
                prop_assert!(m < es.len());
            }
        }
    }
}

#[test]
fn agreement_settles_the_gender_of_every_mention() {
    use EntityType::*;
    // `Асию` alone reads best as the dative of a man's name; `христианке` settles it
    let text = "Суд отменил приговор христианке Асии Биби. Адвокат Асию Биби не видел. \
                Асию Биби перевезли в Исламабад.";
    let es = vec![
        ent(text, "Асии Биби", 0, Person),
        ent(text, "Асию Биби", 0, Person),
        ent(text, "Асию Биби", 1, Person),
    ];
    let linked = link(text, &crate::tokenize(text), &es);
    assert_eq!(linked.normals, ["Асия Биби"; 3]);
    assert_eq!(linked.entity_object[0], linked.entity_object[2]);
}

#[test]
fn turkey_by_its_names() {
    let kb = Knowledge::builtin();
    for name in [
        "Турция",
        "Турецкая Республика",
        "Туркийе",
        "Turkey",
        "Türkiye",
    ] {
        assert_eq!(
            kb.lookup(name).map(|e| e.id.as_str()),
            Some("country:TR"),
            "{name}"
        );
    }
    let text = "Делегация Турецкой Республики прибыла в Астану.";
    let es = vec![ent(text, "Турецкой Республики", 0, EntityType::Country)];
    let linked = link(text, &crate::tokenize(text), &es);
    assert_eq!(linked.normals[0], "Турецкая Республика");
    assert_eq!(linked.objects[0].id, "country:TR");
}

#[test]
fn lone_verb_events_are_not_objects() {
    use crate::ner::{Entity, EntityType};
    use crate::Span;
    let text = "Премьер-министр прибыл на саммит ШОС.";
    let tokens = crate::tokenize(text);
    let at = |s: &str| {
        let start = text.find(s).unwrap();
        Span {
            start,
            end: start + s.len(),
        }
    };
    let e = |span, kind| Entity {
        span,
        kind,
        parent: None,
        depth: 0,
    };
    let entities = vec![
        e(at("прибыл"), EntityType::Event),
        e(at("саммит ШОС"), EntityType::Event),
    ];
    let linked = super::link(text, &tokens, &entities);
    assert_eq!(linked.entity_object[0], None, "a verb is an event trigger");
    let summit = linked.entity_object[1].expect("a named event is an object");
    assert_eq!(linked.objects[summit].kind, EntityType::Event);
    assert_eq!(linked.objects.len(), 1);
}
