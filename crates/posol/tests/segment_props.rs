//! Property tests: analysis never panics and every span slices the original text.

use posol::{analyze, analyze_with, sentenize, tokenize, Document, Options, TokenKind};
use proptest::prelude::*;

/// Checks every structural invariant of a document.
fn check(text: &str, doc: &Document) {
    let mut last_end = 0;
    for t in doc.tokens() {
        let s = t.span;
        assert!(s.start < s.end && s.end <= text.len(), "bad span {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= last_end, "tokens overlap or go back");
        let surface = &text[s.range()];
        assert_eq!(t.text(text), surface);
        assert!(
            !surface.starts_with(char::is_whitespace) && !surface.ends_with(char::is_whitespace)
        );
        last_end = s.end;
    }
    let mut next_token = 0;
    for sentence in doc.sentences() {
        assert_eq!(
            sentence.tokens.start, next_token,
            "sentences must cover tokens in order"
        );
        assert!(sentence.tokens.end > sentence.tokens.start);
        let first = doc.tokens()[sentence.tokens.start].span;
        let last = doc.tokens()[sentence.tokens.end - 1].span;
        assert_eq!(
            (sentence.span.start, sentence.span.end),
            (first.start, last.end)
        );
        next_token = sentence.tokens.end;
    }
    assert_eq!(next_token, doc.tokens().len());
    for (i, t) in doc.tokens().iter().enumerate() {
        if let Some(m) = doc.morph(i) {
            assert!(matches!(t.kind, TokenKind::Word | TokenKind::Number));
            assert!(!m.lemma.is_empty() && !m.upos.is_empty() && !m.feats.is_empty());
        }
    }
    for f in doc.facts() {
        assert!(text.get(f.span.range()).is_some_and(|s| !s.is_empty()));
    }
    check_entities(text, doc);
    check_objects(doc);
}

/// Every entity has a normal form when objects are computed; every object's mentions
/// are valid entity indices, in increasing order, and agree with `entity_object` both
/// ways; name parts belong to persons only.
fn check_objects(doc: &Document) {
    let n = doc.entities().len();
    let linked = doc.entity_normal(0).is_some();
    for i in 0..n {
        assert_eq!(doc.entity_normal(i).is_some(), linked, "entity {i}");
        if doc.entity_name_parts(i).is_some() {
            assert_eq!(doc.entities()[i].kind, posol::ner::EntityType::Person);
        }
        if let Some(k) = doc.entity_object(i) {
            assert!(k < doc.objects().len(), "entity {i} → object {k}");
            assert!(doc.objects()[k].mentions.contains(&i));
        }
    }
    assert_eq!(doc.entity_normal(n), None);
    assert_eq!(doc.entity_object(n), None);
    for (k, o) in doc.objects().iter().enumerate() {
        assert!(!o.id.is_empty() && !o.mentions.is_empty(), "object {o:?}");
        assert!(o.mentions.windows(2).all(|w| w[0] < w[1]), "{o:?}");
        for &m in &o.mentions {
            assert!(m < n, "mention {m} of {o:?} is not an entity");
            assert_eq!(doc.entity_object(m), Some(k), "mention {m} of {o:?}");
        }
    }
}

/// Entities slice the text, come sorted (start, longest first), nest without crossing
/// (each parent contains its children and comes before them), and every fact is the
/// value of an entity of its type with the same span (facts found without entities are
/// not linked).
fn check_entities(text: &str, doc: &Document) {
    let ents = doc.entities();
    let mut open: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, e) in ents.iter().enumerate() {
        let s = e.span;
        assert!(s.start < s.end && text.get(s.range()) == Some(e.text(text)));
        match e.parent {
            Some(p) => {
                assert!(p < i && ents[p].span.contains(s), "parent {p} of {i}");
                assert_eq!(e.depth, ents[p].depth + 1);
            }
            None => assert_eq!(e.depth, 0),
        }
        for c in doc.entity_children(i) {
            assert_eq!(ents[c].parent, Some(i));
        }
        if let Some(o) = i.checked_sub(1).map(|k| ents[k].span) {
            assert!(
                (o.start, s.end) <= (s.start, o.end),
                "entities out of order"
            );
        }
        // the entities still open here form a chain, each containing the next
        open.retain(|&o| ents[o].span.end > s.start);
        if let Some(&o) = open.last() {
            assert!(
                ents[o].span.contains(s),
                "entities cross: {:?} {e:?}",
                ents[o]
            );
        }
        open.push(i);
        assert!(seen.insert((s, e.kind)), "duplicate entity {e:?}");
    }
    for (k, f) in doc.facts().iter().enumerate() {
        let Some(i) = doc.fact_entity(k) else {
            assert!(
                ents.is_empty(),
                "facts of a document with entities are linked"
            );
            continue;
        };
        assert_eq!(
            (ents[i].span, ents[i].kind.as_str()),
            (f.span, f.entity_type())
        );
        assert_eq!(doc.entity_fact(i), Some(f));
    }
}

fn newsy() -> impl Strategy<Value = String> {
    // Pieces news text is made of, including every kind of troublesome character.
    let piece = prop::sample::select(vec![
        "Мир",
        "мир",
        "Касым-Жомарт",
        "г",
        "т",
        "е",
        ".",
        ",",
        "!",
        "?",
        "…",
        "...",
        "«",
        "»",
        "\"",
        "“",
        "”",
        "„",
        "'",
        "’",
        "-",
        "–",
        "—",
        "‑",
        " ",
        "  ",
        "\u{a0}",
        "\u{2009}",
        "\u{ad}",
        "\u{200b}",
        "\u{200d}",
        "\u{feff}",
        "\r\n",
        "\r",
        "\n",
        "\n\n",
        "12",
        "12,5",
        "%",
        "$",
        "27.11.2024",
        "14:25",
        "2021-2025",
        "млрд",
        "долл",
        "В",
        "http://",
        "www.",
        "site",
        ".kz",
        "@",
        "#",
        "&",
        "&#39;",
        ";",
        "😀",
        "👍🏻",
        "\u{301}",
        "\u{5d0}",
        "\u{627}",
        "ǅ",
        "𝔘",
        "\u{e000}",
        "\u{fffd}",
        "(",
        ")",
        "•",
        "а",
        "Сотрудничества",
        "сотрудничестваАким",
        "5млн",
        "_",
        "/",
        "\t",
    ]);
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_strings(text in any::<String>()) {
        check(&text, &analyze(&text));
    }

    #[test]
    fn news_like_strings(text in newsy()) {
        let doc = analyze(&text);
        check(&text, &doc);
        prop_assert_eq!(tokenize(&text), doc.tokens().to_vec());
        prop_assert_eq!(sentenize(&text), doc.sentences().to_vec());
    }

    #[test]
    fn lossy_bytes(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        check(&text, &analyze(&text));
    }
}

#[test]
fn edge_cases() {
    for text in [
        "",
        " ",
        "\n\n\t ",
        "\u{ad}",
        "\u{200b}\u{200b}",
        "\r",
        ".",
        "«",
        "\u{301}",
        "&;",
        "&#;",
        "@",
        "#",
    ] {
        check(text, &analyze(text));
    }
}

#[test]
fn every_unicode_scalar_alone_and_in_context() {
    // Every category: controls, marks, RTL letters, surrogates' neighbours, private use.
    // Alone with entities off (160k documents); entities (far slower in debug builds)
    // for every 16th of those characters, in chunks of 256, each in the same contexts.
    let no_entities = Options::default().entities(false);
    let chars: Vec<char> = (0..0x11_0000u32)
        .step_by(7)
        .filter_map(char::from_u32)
        .collect();
    for &c in &chars {
        let text = format!("{c}а{c}.{c} В{c}");
        check(&text, &analyze_with(&text, &no_entities));
    }
    let sample: Vec<char> = chars.iter().copied().step_by(16).collect();
    for chunk in sample.chunks(256) {
        let text: String = chunk
            .iter()
            .map(|c| format!("{c}а{c}.{c} В{c}\n"))
            .collect();
        check(&text, &analyze(&text));
    }
}

#[test]
fn huge_single_word_is_one_token() {
    let text = "ж".repeat(5_000_000); // 10 MB
    let doc = analyze(&text);
    check(&text, &doc);
    assert_eq!(doc.tokens().len(), 1);
}

#[test]
fn long_pathological_runs_stay_linear() {
    // Dotted labels, entities and punctuation runs that a careless scanner rescans.
    // Entities (slower in debug builds) on a tenth of the length.
    let no_entities = Options::default().entities(false);
    for unit in ["ab.", "a.", "&#39;", ".", "-a", "1,", "1.", "a'"] {
        let text = unit.repeat(200_000);
        check(&text, &analyze_with(&text, &no_entities));
        let text = unit.repeat(20_000);
        check(&text, &analyze(&text));
    }
}
