//! Unit tests of decoding, nesting and the end-to-end tagger.

use super::tags::{
    encode, nested_slots, spans, viterbi, well_formed, Scratch, Slot, Trans, N_TAGS,
};
use super::*;

/// Deterministic pseudo-random scores.
fn noise(n: usize, seed: u64) -> Vec<f32> {
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % 2000) as f32 / 100.0 - 10.0
        })
        .collect()
}

#[test]
fn viterbi_is_always_well_formed() {
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for seed in 1..200u64 {
        let n = (seed % 9) as usize;
        let emit = noise(n * N_TAGS, seed);
        let trans = noise(N_TAGS * N_TAGS, seed * 7 + 3);
        viterbi(
            &emit,
            &Trans::new(&trans),
            &vec![Slot::FREE; n],
            &mut scratch,
            &mut out,
        );
        assert_eq!(out.len(), n);
        assert!(well_formed(&out), "{out:?}");
    }
}

#[test]
fn viterbi_prefers_strong_emissions() {
    // "U-COUNTRY" strongly preferred on token 1, O elsewhere
    let n = 3;
    let mut emit = vec![0.0; n * N_TAGS];
    emit[N_TAGS + super::tags::tag(super::tags::Part::Unit, 3)] = 5.0;
    let mut out = Vec::new();
    viterbi(
        &emit,
        &Trans::new(&[]),
        &vec![Slot::FREE; n],
        &mut Scratch::default(),
        &mut out,
    );
    assert_eq!(spans(&out), vec![(1, 2, EntityType::Country)]);
}

#[test]
fn inner_layer_stays_inside_parent() {
    // parent: PROFESSION over tokens 0..3, O at 3, PERSON U at 4
    let mut parent = Vec::new();
    encode(6, &[(0, 3, 1), (4, 5, 0)], &mut parent);
    let slots = nested_slots(&parent);
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for seed in 1..200u64 {
        let emit = noise(6 * N_TAGS, seed);
        let trans = noise(N_TAGS * N_TAGS, seed + 11);
        viterbi(&emit, &Trans::new(&trans), &slots, &mut scratch, &mut out);
        assert!(well_formed(&out));
        for (a, b, _) in spans(&out) {
            assert!(
                (0..=3).contains(&a) && b <= 3 || (a == 4 && b == 5),
                "{a}..{b}"
            );
        }
        assert_eq!(out[3], 0);
        assert_eq!(out[5], 0);
    }
}

#[test]
fn encode_round_trips() {
    let ents = [(0, 2, 1), (2, 3, 3), (5, 9, 10)];
    let mut tags = Vec::new();
    encode(10, &ents, &mut tags);
    assert!(well_formed(&tags));
    let back: Vec<_> = spans(&tags)
        .into_iter()
        .map(|(a, b, t)| (a, b, t.index()))
        .collect();
    assert_eq!(back, ents);
}

#[test]
fn malformed_sequences_are_detected() {
    assert!(!well_formed(&[2])); // I without B
    assert!(!well_formed(&[1])); // B never closed
    assert!(!well_formed(&[1, 7])); // B of one type, L of another
    assert!(well_formed(&[0, 4, 1, 2, 3]));
}

#[test]
fn parents_and_order() {
    let text = "Посол Италии в Казахстане выступил.";
    let doc = crate::analyze(text);
    let toks = doc.tokens();
    let found = vec![
        (1, 2, EntityType::Country, 1),
        (0, 4, EntityType::Profession, 0),
        (3, 4, EntityType::Country, 1),
        (0, 4, EntityType::Profession, 0),
    ];
    let ents = build_entities(toks, found);
    assert_eq!(ents.len(), 3);
    assert_eq!(ents[0].text(text), "Посол Италии в Казахстане");
    assert_eq!(ents[0].parent, None);
    assert_eq!(ents[1].text(text), "Италии");
    assert_eq!(ents[1].parent, Some(0));
    assert_eq!(ents[2].text(text), "Казахстане");
    assert_eq!(ents[2].parent, Some(0));
    let coarse = coarse_view(&ents);
    assert_eq!(coarse.len(), 2);
    assert_eq!(coarse[0].1, Coarse::Loc);
}

#[test]
fn corrupt_model_finds_nothing() {
    let t = Tagger::from_bytes(b"not a model");
    assert!(!t.is_loaded());
    let text = "Президент Франции прибыл в Берлин.";
    let doc = crate::analyze(text);
    assert!(t.extract(text, doc.tokens(), doc.sentences()).is_empty());
}

#[test]
fn end_to_end_example() {
    if !Tagger::global().is_loaded() {
        return;
    }
    let text = "Президент Франции Эммануэль Макрон прибыл в Берлин, сообщил МИД Германии.";
    let ents = extract_text(text);
    let has = |s: &str, t: EntityType| ents.iter().any(|e| e.text(text) == s && e.kind == t);
    assert!(has("Эммануэль Макрон", EntityType::Person), "{ents:?}");
    assert!(has("Берлин", EntityType::City), "{ents:?}");
    assert!(has("Франции", EntityType::Country), "{ents:?}");
    for e in &ents {
        if let Some(p) = e.parent {
            assert!(ents[p].span.contains(e.span));
        }
    }
}

/// The straightforward Viterbi (all predecessor pairs checked) the fast one must match.
fn viterbi_reference(emit: &[f32], trans: &[f32], slots: &[Slot]) -> Vec<u8> {
    use super::tags::{part, Part};
    let opens = |t: usize| matches!(part(t), Part::Outside | Part::Begin | Part::Unit);
    let continues = |t: usize| matches!(part(t), Part::Begin | Part::Inside);
    let allows = |s: Slot, t: usize| {
        let p = part(t);
        let needs_prev = matches!(p, Part::Inside | Part::Last);
        let needs_next = matches!(p, Part::Begin | Part::Inside);
        t == 0 || (s.open && (s.join_prev || !needs_prev) && (s.join_next || !needs_next))
    };
    let n = slots.len();
    let neg = f32::NEG_INFINITY;
    let mut delta = vec![neg; N_TAGS];
    let mut back = vec![0usize; n * N_TAGS];
    for t in 0..N_TAGS {
        if opens(t) && allows(slots[0], t) && (n > 1 || !continues(t)) {
            delta[t] = emit[t];
        }
    }
    for i in 1..n {
        let mut next = vec![neg; N_TAGS];
        for t in 0..N_TAGS {
            if !allows(slots[i], t) || (i + 1 == n && continues(t)) {
                continue;
            }
            let (mut best, mut arg) = (neg, 0);
            for p in 0..N_TAGS {
                let ok = if opens(t) {
                    !continues(p)
                } else {
                    let b = t - (t - 1) % 4;
                    p == b || p == b + 1
                };
                if !ok || delta[p] == neg {
                    continue;
                }
                let s = delta[p] + trans[p * N_TAGS + t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            if best > neg {
                next[t] = best + emit[i * N_TAGS + t];
                back[i * N_TAGS + t] = arg;
            }
        }
        delta = next;
    }
    let mut t =
        (0..N_TAGS)
            .filter(|&t| !continues(t))
            .fold(0, |a, t| if delta[t] > delta[a] { t } else { a });
    let mut out = vec![0u8; n];
    for i in (0..n).rev() {
        out[i] = t as u8;
        if i > 0 {
            t = back[i * N_TAGS + t];
        }
    }
    out
}

#[test]
fn fast_viterbi_matches_reference() {
    let mut scratch = Scratch::default();
    let mut out = Vec::new();
    for seed in 1..150u64 {
        let n = 1 + (seed as usize % 9);
        let emit = noise(n * N_TAGS, seed * 3 + 1);
        let trans = noise(N_TAGS * N_TAGS, seed * 5 + 2);
        let slots = vec![Slot::FREE; n];
        viterbi(&emit, &Trans::new(&trans), &slots, &mut scratch, &mut out);
        assert_eq!(out, viterbi_reference(&emit, &trans, &slots), "seed {seed}");
        let mut parent = Vec::new();
        encode(n, &[(0, n.div_ceil(2), 1)], &mut parent);
        let slots = nested_slots(&parent);
        viterbi(&emit, &Trans::new(&trans), &slots, &mut scratch, &mut out);
        assert_eq!(
            out,
            viterbi_reference(&emit, &trans, &slots),
            "seed {seed} nested"
        );
    }
}

#[test]
fn names_view_conventions() {
    use super::{coarse_view_names, Coarse, Entity};
    use crate::span::Span;
    let ent = |text: &str, part: &str, kind, parent| {
        let a = text.find(part).unwrap();
        Entity {
            span: Span::new(a, a + part.len()),
            kind,
            parent,
            depth: parent.map_or(0, |_| 1),
        }
    };
    let names = |text: &str, ents: &[Entity]| -> Vec<(String, Coarse)> {
        coarse_view_names(text, ents)
            .into_iter()
            .map(|(s, c)| (text[s.range()].to_string(), c))
            .collect()
    };
    // a place after a preposition or an agreeing adjective belongs to the name
    for (t, org, place) in [
        (
            "Вчера Управление по делам молодёжи в Твери сообщило.",
            "Управление по делам молодёжи в Твери",
            "Твери",
        ),
        (
            "Вчера партия Единая Россия сообщила.",
            "Единая Россия",
            "Россия",
        ),
    ] {
        let ents = [
            ent(t, org, EntityType::Organization, None),
            ent(t, place, EntityType::City, Some(0)),
        ];
        assert_eq!(names(t, &ents), vec![(org.to_string(), Coarse::Org)]);
    }
    // a place in the genitive is cut off
    let t = "Вчера Посольство Чили сообщило.";
    let ents = [
        ent(t, "Посольство Чили", EntityType::Organization, None),
        ent(t, "Чили", EntityType::Country, Some(0)),
    ];
    assert_eq!(
        names(t, &ents),
        vec![
            ("Посольство".to_string(), Coarse::Org),
            ("Чили".to_string(), Coarse::Loc)
        ]
    );
    // descriptions are not names; the nested place stays
    let t = "Заявление российского правительства и властей Чили.";
    let ents = [
        ent(
            t,
            "российского правительства",
            EntityType::Organization,
            None,
        ),
        ent(t, "российского", EntityType::Country, Some(0)),
        ent(t, "властей Чили", EntityType::Organization, None),
        ent(t, "Чили", EntityType::Country, Some(2)),
    ];
    assert_eq!(names(t, &ents), vec![("Чили".to_string(), Coarse::Loc)]);
    // company and media names under other NEREL types; quoted models are not names
    let t = "Как пишет газета «Вестник», Acme купила «Орион-5».";
    let ents = [
        ent(t, "Вестник", EntityType::WorkOfArt, None),
        ent(t, "Acme", EntityType::Product, None),
        ent(t, "Орион-5", EntityType::Product, None),
    ];
    assert_eq!(
        names(t, &ents),
        vec![
            ("Вестник".to_string(), Coarse::Org),
            ("Acme".to_string(), Coarse::Org)
        ]
    );
    // a quoted organization stays whole
    let t = "Он сказал «Радио Чили» вчера.";
    let ents = [
        ent(t, "Радио Чили", EntityType::Organization, None),
        ent(t, "Чили", EntityType::Country, Some(0)),
    ];
    assert_eq!(
        names(t, &ents),
        vec![("Радио Чили".to_string(), Coarse::Org)]
    );
    // out-of-range spans are skipped, never a panic
    let bad = Entity {
        span: Span::new(3, 999),
        kind: EntityType::Person,
        parent: None,
        depth: 0,
    };
    assert!(coarse_view_names("abc", &[bad]).is_empty());
}

#[test]
fn stack_info_is_robust() {
    use super::features::describe;
    use super::stack::stack_info;
    let text = "Посол Италии встретился с послом Италии в Астане.";
    let doc = crate::analyze(text);
    let toks = doc.tokens();
    let starts = super::tagger::sentence_starts(toks.len(), doc.sentences());
    let infos = describe(text, toks, &starts, &|_: &str| 0);
    let n = infos.len();
    // malformed and short tag sequences, overlapping and out-of-range sentences
    for tags in [vec![0u8; n], vec![3u8; n], vec![1u8; n / 2], Vec::new()] {
        let whole: Vec<_> = std::iter::once(0..n).collect();
        #[allow(clippy::reversed_empty_ranges)]
        let odd = vec![0..n / 2, n / 3..n + 5, 7..2];
        for ranges in [whole, odd, Vec::new()] {
            let st = stack_info(&infos, &ranges, &tags);
            assert_eq!(st.len(), n);
        }
    }
}

#[test]
fn cues_of_quoted_names_and_capitalized_runs() {
    use super::features::describe;
    let text = "Фильмы идут в кинотеатрах «Звезда», «Космос» и «Юность». \
                Их видел Сергей Лавров у дома. «Звезда» закрыта.";
    let doc = crate::analyze(text);
    let toks = doc.tokens();
    let starts = super::tagger::sentence_starts(toks.len(), doc.sentences());
    let infos = describe(text, toks, &starts, &|_: &str| 0);
    let cue = |word: &str, nth: usize| {
        let i = toks
            .iter()
            .enumerate()
            .filter(|(_, t)| t.text(text) == word)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap();
        infos[i].cue
    };
    // an enumeration of quoted names keeps the cue of its first name
    assert_ne!(cue("Звезда", 0), 0);
    assert_eq!(cue("Звезда", 0), cue("Космос", 0));
    assert_eq!(cue("Звезда", 0), cue("Юность", 0));
    // a capitalized run: the word before it, for every word of the run
    assert_ne!(cue("Сергей", 0), 0);
    assert_eq!(cue("Сергей", 0), cue("Лавров", 0));
    assert_ne!(cue("Сергей", 0), cue("Звезда", 0));
    // no cue outside quotes and runs; a quote at the sentence start has its own cue
    assert_eq!(cue("идут", 0), 0);
    assert_eq!(cue("дома", 0), 0);
    assert_ne!(cue("Звезда", 1), cue("Звезда", 0));
}
