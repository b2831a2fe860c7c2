//! Behaviour tests of the analyzer, inflector and context model (own examples).

use super::Analyzer;
use proptest::prelude::*;

fn a() -> &'static Analyzer {
    Analyzer::global()
}

#[test]
fn dictionary_is_loaded() {
    assert!(a().dictionary_info().contains("OpenCorpora"));
    assert!(a().parse("министр")[0].is_known());
}

/// (word, lemma of the best parse, UD features it must have)
#[test]
fn names_and_places_best_parse() {
    let cases = [
        ("Италию", "италия", "Case=Acc"),
        ("Токаева", "токаев", "Number=Sing"),
        ("Токаеву", "токаев", "Case=Dat"),
        ("Досаевым", "досаев", "Case=Ins"),
        ("Маттарелла", "маттарелла", "Case=Nom"),
        ("Маттареллой", "маттарелла", "Case=Ins"),
        ("Маттареллы", "маттарелла", "Number="),
        ("Касым-Жомарта", "касым-жомарт", "Case="),
        (
            "торгово-экономических",
            "торгово-экономический",
            "Number=Plur",
        ),
        ("министров", "министр", "Case=Gen"),
    ];
    for (word, lemma, feat) in cases {
        let parses = a().parse(word);
        assert!(!parses.is_empty(), "{word}");
        let best = &parses[0];
        assert_eq!(best.lemma, lemma, "{word}: {best:?}");
        assert!(best.feats.contains(feat), "{word}: {}", best.feats);
        assert_eq!(best.word, word);
    }
}

#[test]
fn indeclinable_foreign_surname() {
    let p = &a().parse("Мелони")[0];
    assert_eq!(p.lemma, "мелони", "{p:?}");
    assert!(p.has("Fixd"));
}

#[test]
fn normal_forms_keep_case() {
    let cases = [
        ("Касым-Жомарта", "Касым-Жомарт"),
        ("Токаева", "Токаев"),
        ("Италию", "Италия"),
        ("ООН", "ООН"),
        ("переговорах", "переговоры"),
    ];
    for (word, want) in cases {
        assert_eq!(a().parse(word)[0].normal_form(), want, "{word}");
    }
}

#[test]
fn yo_and_ye() {
    let p = &a().parse("еще")[0];
    assert_eq!(p.lemma, "ещё");
    let p = &a().parse("ещё")[0];
    assert_eq!(p.lemma, "ещё");
    assert!(a().parse("звезды").iter().any(|p| p.lemma == "звезда"));
}

#[test]
fn shapes_are_tagged() {
    let cases = [
        ("2024", "NUMB,intg", "NUM"),
        ("3,5", "NUMB,real", "NUM"),
        (",", "PNCT", "PUNCT"),
        ("«", "PNCT", "PUNCT"),
        ("Reuters", "LATN", "X"),
        ("XXI", "ROMN", "NUM"),
    ];
    for (word, tag, upos) in cases {
        let p = &a().parse(word)[0];
        assert_eq!(p.tag, tag, "{word}");
        assert_eq!(p.upos, upos, "{word}");
        assert_eq!(p.word, word);
    }
}

#[test]
fn inflection_table() {
    // (word, grammemes, expected)
    let cases: &[(&str, &[&str], &str)] = &[
        ("Токаева", &["nomn"], "Токаев"),
        ("Касым-Жомарта", &["nomn"], "Касым-Жомарт"),
        ("Италию", &["nomn"], "Италия"),
        ("Маттареллой", &["nomn"], "Маттарелла"),
        ("министров", &["nomn", "sing"], "министр"),
        ("министр", &["datv", "plur"], "министрам"),
        ("Мелони", &["gent"], "Мелони"),
    ];
    for (word, gram, want) in cases {
        let p = &a().parse(word)[0];
        assert_eq!(p.inflect(gram).as_deref(), Some(*want), "{word} {gram:?}");
    }
    assert_eq!(a().parse("министр")[0].inflect(&["nosuchgrammeme"]), None);
}

#[test]
fn inflection_keeps_gender() {
    // a woman's surname stays feminine
    let p = a()
        .parse("Ивановой")
        .into_iter()
        .find(|p| p.has("femn") && p.has("Surn"))
        .expect("feminine surname parse");
    assert_eq!(p.inflect(&["nomn"]).as_deref(), Some("Иванова"));
}

#[test]
fn parses_are_ranked() {
    let parses = a().parse("стали");
    assert!(parses.len() > 1);
    for w in parses.windows(2) {
        assert!(w[0].score >= w[1].score);
    }
}

#[test]
fn context_choice() {
    let best = a().disambiguate(&["Делегация", "прибыла", "в", "Италию", "."]);
    assert_eq!(best.len(), 5);
    assert_eq!(best[3].normal_form(), "Италия");
    assert_eq!(best[2].upos, "ADP");
    // a surname that is also a dictionary word form (токай) gets a surname candidate
    assert!(a()
        .parse("Токаев")
        .iter()
        .any(|p| p.lemma == "токаев" && p.has("Surn")));
    let empty: Vec<&str> = Vec::new();
    assert!(a().disambiguate(&empty).is_empty());
    assert_eq!(a().disambiguate(&[""]).len(), 1);
}

#[test]
fn odd_inputs() {
    for w in [
        "", "-", "--", "-то", "по-", "а-", "-а", "ёёёё", "ЁЛКА", "a-б", "ъ", "😀", "x\u{301}",
    ] {
        let parses = a().parse(w);
        assert_eq!(parses.is_empty(), w.is_empty(), "{w:?}");
        for p in parses {
            let _ = p.normal_form();
            let _ = p.inflect(&["nomn"]);
        }
    }
}

/// `analyze_into` gives, in compact form, exactly the parses of `parse_uncached`.
fn check_analyses(word: &str) {
    let mut out = vec![];
    a().analyze_into(word, &mut out);
    let parses = a().parse_uncached(word);
    assert_eq!(out.len(), parses.len(), "{word}");
    let mut lemma = String::from("x");
    for (x, p) in out.iter().zip(&parses) {
        assert_eq!(&x.to_parse(word), p, "{word}");
        assert_eq!(x.lemma(word), p.lemma, "{word}");
        lemma.truncate(1);
        x.lemma_into(word, &mut lemma);
        assert_eq!(lemma[1..], p.lemma, "{word}");
        assert_eq!(
            (x.tag(), x.upos(), x.feats(), x.pos()),
            (p.tag, p.upos, p.feats, p.pos())
        );
        assert_eq!((x.score(), x.is_known()), (p.score, p.is_known()));
        assert_eq!(x.has("NOUN"), p.has("NOUN"));
    }
    assert_eq!(a().parse(word), parses, "{word}");
}

#[test]
fn analyses_match_parses() {
    let long = format!("{}ее", "а".repeat(40));
    for w in [
        "",
        "Мелони",
        "Касым-Жомарта",
        "человек-гора",
        "торгово-экономических",
        "еще",
        "Елка",
        "ЕЛКИ",
        "кто-нибудь",
        "скажи-ка",
        "по-русски",
        "антикризисный",
        "Токаева",
        "Токаев",
        "Жапаровым",
        "быть",
        "был",
        "и",
        "однако",
        "2024",
        "3,5",
        "...",
        "OpenAI",
        "XIV",
        "Σίσυφος",
        "сверхдлинноеслововкотороместьещёибуквыеещёразипослешестидесятичетырёхбайтовеще",
        &long,
    ] {
        check_analyses(w);
    }
    // a reused vector is cleared; an empty word gives nothing
    let mut out = vec![];
    a().analyze_into("Рим", &mut out);
    assert!(!out.is_empty() && out[0].paradigm().is_some());
    a().analyze_into("", &mut out);
    assert!(out.is_empty());
}

proptest! {
    #[test]
    fn analyze_into_matches_parse(s in "\\PC{0,24}|[а-яёА-ЯЁ-]{1,40}") {
        check_analyses(&s);
    }

    #[test]
    fn parse_never_panics(s in "\\PC{0,24}") {
        for p in a().parse(&s) {
            let _ = p.normal_form();
            let _ = p.inflect(&["gent", "plur"]);
        }
    }

    #[test]
    fn cyrillic_words_never_panic(s in "[а-яёА-ЯЁ-]{1,20}") {
        let parses = a().parse(&s);
        prop_assert!(!parses.is_empty());
        for p in parses {
            let _ = p.inflect(&["nomn"]);
        }
    }
}

/// Invented unknown words (names, loanwords, coinages, ё-spellings) for the two guessing
/// paths.
const UNKNOWN_WORDS: &[&str] = &[
    "Жаксылыков",
    "Жаксылыкова",
    "Бекмуханбетовой",
    "Тулегеновым",
    "Кенжебаевич",
    "Маттарелло",
    "Пеллегрини",
    "Сантакроче",
    "Абдрахмановны",
    "криптобиржами",
    "блокчейнизации",
    "хайповых",
    "зумеров",
    "перезапустившего",
    "краудфандинговой",
    "Вестфольдом",
    "мемасиками",
    "пересчётками",
    "нейросетевыми",
    "стримерша",
    "Кызылжарского",
    "Уральскими",
    "гиперлупом",
    "ёжиковедами",
    "Йоханнесбурге",
    "Шымкенте",
];

#[test]
fn quick_guesses_equal_the_general_path() {
    let mut quick = Vec::new();
    let mut general = Vec::new();
    let mut taken = 0;
    for word in UNKNOWN_WORDS {
        let lower = word.to_lowercase();
        let capitalized = word.chars().next().is_some_and(char::is_uppercase);
        if a().parse(&lower).iter().any(|p| p.is_known()) {
            continue;
        }
        quick.clear();
        general.clear();
        if a().quick_guess(&lower, capitalized, &[], &mut quick) {
            taken += 1;
            a().general_guess(&lower, capitalized, true, &[], &mut general);
            assert_eq!(quick, general, "{word}");
        }
    }
    assert!(taken >= 15, "the quick path took only {taken} words");
    // words with a hyphen or a known prefix take the general path
    for word in ["вице-спикерами", "экс-премьерша", "антихайповый"]
    {
        assert!(!a().quick_guess(word, false, &[], &mut quick), "{word}");
    }
}

proptest! {
    /// Invented Cyrillic words (and some with other letters): whenever the quick path
    /// takes a word, it gives what the general path gives.
    #[test]
    fn quick_guesses_equal_the_general_path_on_any_word(
        s in "[а-яё]{1,30}|[А-ЯЁ][а-яё]{1,20}|[а-яёa-z0-9]{1,12}"
    ) {
        let lower = s.to_lowercase();
        let capitalized = s.chars().next().is_some_and(char::is_uppercase);
        let (mut quick, mut general) = (Vec::new(), Vec::new());
        if a().quick_guess(&lower, capitalized, &[], &mut quick) {
            a().general_guess(&lower, capitalized, true, &[], &mut general);
            prop_assert_eq!(quick, general, "{}", s);
        }
    }
}
