//! Property tests: entity tagging never panics, every span slices the text, nesting is
//! consistent.

use posol::ner::{extract, extract_text};
use proptest::prelude::*;

fn check(text: &str) {
    let ents = extract_text(text);
    for (i, e) in ents.iter().enumerate() {
        assert!(
            text.get(e.span.range()).is_some(),
            "bad span {:?} in {text:?}",
            e.span
        );
        assert!(!e.span.is_empty(), "empty span in {text:?}");
        if let Some(p) = e.parent {
            assert!(p < i, "parent after child in {text:?}");
            assert!(
                ents[p].span.contains(e.span),
                "child outside parent in {text:?}"
            );
        }
    }
    for w in ents.windows(2) {
        assert!(
            (w[0].span.start, std::cmp::Reverse(w[0].span.end))
                <= (w[1].span.start, std::cmp::Reverse(w[1].span.end)),
            "unsorted in {text:?}"
        );
    }
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,80}") {
        check(&text);
    }

    #[test]
    fn never_panics_on_word_soup(
        parts in prop::collection::vec(prop::sample::select(vec![
            "Посол", "посол", "Италии", "в", "Казахстане", "МИД", "России", "«", "»", "—",
            "Сергей", "Лавров", "заявил", ",", ".", "ООН", "2024", "года", "16", "мая",
            "Совет", "Безопасности", "\n", "Нур-Султан", "США", "министр", "(", ")",
        ]), 0..40)
    ) {
        let text = parts.join(" ");
        check(&text);
    }
}

#[test]
fn mismatched_tokens_do_not_panic() {
    // tokens and sentences of another text
    let other = posol::analyze("Министр иностранных дел Италии прибыл в Астану на переговоры.");
    let _ = extract("Мир", other.tokens(), other.sentences());
    let _ = extract("", other.tokens(), other.sentences());
}
