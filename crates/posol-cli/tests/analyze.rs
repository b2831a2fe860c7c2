//! `posol analyze`: morphology on tokens, facts with code-point offsets, and dates.

mod common;

use common::{lines, posol, stderr};
use serde_json::{json, Value};

/// Slices `text` by code-point offsets, as Python would.
fn slice(text: &str, start: &Value, stop: &Value) -> String {
    let start = start.as_u64().expect("start") as usize;
    let stop = stop.as_u64().expect("stop") as usize;
    text.chars().skip(start).take(stop - start).collect()
}

fn record(id: usize, text: &str, date: Option<&str>) -> String {
    let mut r = json!({"id": id, "text": text});
    if let Some(d) = date {
        r["date"] = json!(d);
    }
    format!("{r}\n")
}

#[test]
fn tokens_carry_morphology_words_and_numbers_only() {
    let out = posol(
        &[
            "analyze",
            "--text",
            "Послы встретились в 2024 году, см. #МИД 🙂",
        ],
        b"",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &lines(&out)[0];
    let tokens = doc["tokens"].as_array().expect("tokens");
    assert_eq!(
        (&tokens[0]["lemma"], &tokens[0]["pos"]),
        (&json!("посол"), &json!("NOUN"))
    );
    assert!(tokens[0]["feats"]
        .as_str()
        .expect("feats")
        .contains("Number=Plur"));
    assert_eq!(tokens[1]["lemma"], "встретиться");
    assert_eq!(tokens[3]["pos"], "NUM");
    for token in tokens {
        let with_morph = matches!(token["kind"].as_str(), Some("word" | "number"));
        for field in ["lemma", "pos", "feats"] {
            assert_eq!(token.get(field).is_some(), with_morph, "{token}");
        }
    }
}

#[test]
fn facts_use_code_points_and_the_record_date() {
    let text = "🇷🇺 Вчера в Минске подписали контракт на 3,5 млн евро — второй за год.";
    let input = record(1, text, Some("2025-05-16")) + &record(2, text, None);
    let out = posol(&["analyze"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    let facts = docs[0]["facts"].as_array().expect("facts");
    let kinds: Vec<&str> = facts.iter().filter_map(|f| f["kind"].as_str()).collect();
    // the facts are the values of the entities: which mentions are found is the
    // entity model's business, so only the first two are pinned down
    assert_eq!(kinds[..2], ["date", "money"]);
    for fact in facts {
        assert_eq!(slice(text, &fact["start"], &fact["stop"]), fact["text"]);
    }
    assert_eq!(facts[0]["text"], "Вчера");
    assert_eq!(facts[0]["value"], "2025-05-15");
    assert_eq!(facts[0]["resolved"], true);
    assert_eq!(facts[1]["amount"], 3_500_000);
    assert_eq!(facts[1]["currency"], "EUR");
    // Without a date (and no dateline) "вчера" stays unresolved.
    let undated = &docs[1]["facts"][0];
    assert_eq!(undated["relative"], true);
    assert!(undated.get("value").is_none(), "{undated}");
}

#[test]
fn bad_date_fails_its_line_only() {
    let input = record(0, "Сегодня.", Some("2025-05-16"))
        + &record(1, "Завтра.", Some("16.05.2025"))
        + &record(2, "Вчера.", Some("2025-02-29"))
        + &record(3, "Позавчера.", None);
    for threads in ["1", "2"] {
        let out = posol(&["analyze", "--threads", threads], input.as_bytes());
        assert_eq!(out.status.code(), Some(1));
        let ids: Vec<Value> = lines(&out).iter().map(|v| v["id"].clone()).collect();
        assert_eq!(ids, [0, 3]);
        let err = stderr(&out);
        assert!(
            err.contains(
                "posol: <stdin>:2: \"date\" must be a YYYY-MM-DD date, not \"16.05.2025\""
            ),
            "{err}"
        );
        assert!(err.contains("<stdin>:3: \"date\""), "{err}");
    }
    // `segment` does not read the date.
    let out = posol(&["segment"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &lines(&out)[1];
    assert!(doc.get("facts").is_none() && doc["tokens"][0].get("lemma").is_none());
}

#[test]
fn entities_use_code_points_nest_and_link_their_facts() {
    let text = "🙂 Посол Италии в Казахстане 16 мая 2025 года в 10:30 вручил грамоты.";
    let out = posol(&["analyze"], record(1, text, None).as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &lines(&out)[0];
    let ents = doc["entities"].as_array().expect("entities");
    assert!(!ents.is_empty());
    for (i, e) in ents.iter().enumerate() {
        assert_eq!(slice(text, &e["start"], &e["stop"]), e["text"]);
        assert!(e["type"]
            .as_str()
            .is_some_and(|t| t.chars().all(|c| c.is_ascii_uppercase() || c == '_')));
        if let Some(p) = e.get("parent") {
            let p = &ents[p.as_u64().expect("parent index") as usize];
            assert!(p["start"].as_u64() <= e["start"].as_u64());
            assert!(e["stop"].as_u64() <= p["stop"].as_u64());
            assert!(p != e, "entity {i} is its own parent");
        }
    }
    let italy = ents.iter().find(|e| e["text"] == "Италии").expect("Италии");
    assert_eq!(
        (&italy["type"], &italy["coarse"]),
        (&json!("COUNTRY"), &json!("LOC"))
    );
    let facts = doc["facts"].as_array().expect("facts");
    assert!(!facts.is_empty());
    for f in facts {
        let e = &ents[f["entity"].as_u64().expect("linked") as usize];
        assert_eq!(
            (&e["start"], &e["stop"], &e["type"]),
            (&f["start"], &f["stop"], &f["type"])
        );
    }
    let time = facts.iter().find(|f| f["kind"] == "time").expect("a time");
    assert_eq!(time["time"], "10:30");
    // segment writes no entities
    let out = posol(&["segment"], record(1, text, None).as_bytes());
    assert!(!lines(&out)[0]
        .as_object()
        .expect("object")
        .contains_key("entities"));
}

#[test]
fn entities_have_normal_forms_and_objects() {
    let text = "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву. \
                На переговорах Токаева поддержали представители РФ. \
                Глава государства напомнил, что Казахстан и Россия поддерживают ООН.";
    let out = posol(&["analyze", "--text", text], b"");
    assert!(out.status.success(), "{}", stderr(&out));
    let doc = &lines(&out)[0];
    let ents = doc["entities"].as_array().expect("entities");
    let objects = doc["objects"].as_array().expect("objects");
    let find = |s: &str| {
        ents.iter()
            .position(|e| e["text"] == s)
            .unwrap_or_else(|| panic!("no entity {s}: {ents:?}"))
    };
    let object = |i: usize| &objects[ents[i]["object"].as_u64().expect("object") as usize];
    let tokayev = find("Токаева");
    assert_eq!(ents[tokayev]["normal"], "Токаев");
    assert_eq!(ents[tokayev]["name_parts"], json!({"last": "Токаев"}));
    assert_eq!(
        ents[find("Касым-Жомарт Токаев")]["name_parts"],
        json!({"first": "Касым-Жомарт", "last": "Токаев"})
    );
    assert_eq!(object(tokayev), object(find("Касым-Жомарт Токаев")));
    assert_eq!(object(tokayev), object(find("Глава государства")));
    assert_eq!(object(find("РФ"))["id"], "country:RU");
    assert_eq!(object(find("Россия"))["id"], "country:RU");
    let person = object(tokayev);
    assert_eq!(person["type"], "PERSON");
    assert_eq!(person["name"], "Касым-Жомарт Токаев");
    assert!(person["roles"]
        .as_array()
        .expect("roles")
        .contains(&json!({"title": "президент", "of": "country:KZ"})));
    // every object's mentions point back at it; values have no object
    for (k, o) in objects.iter().enumerate() {
        for m in o["mentions"].as_array().expect("mentions") {
            let e = &ents[m.as_u64().expect("index") as usize];
            assert_eq!(e["object"], json!(k));
        }
    }
    for e in ents {
        assert!(e["normal"].is_string(), "{e}");
        assert!(
            e.get("name_parts").is_none() || e["type"] == "PERSON",
            "{e}"
        );
    }
    let help = posol(&["analyze", "--help"], b"");
    let help = String::from_utf8_lossy(&help.stdout);
    for field in [
        "\"normal\"",
        "\"object\"",
        "\"name_parts\"",
        "\"objects\"",
        "\"roles\"",
    ] {
        assert!(help.contains(field), "--help documents {field}");
    }
}
