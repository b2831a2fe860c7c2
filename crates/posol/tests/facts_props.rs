//! Property tests: fact extraction never panics and every span slices the text.

use posol::facts::{extract_text, CivilDate};
use proptest::prelude::*;

fn check(text: &str, date: Option<CivilDate>) {
    for f in extract_text(text, date) {
        assert!(
            text.get(f.span.range()).is_some(),
            "bad span {:?} in {text:?}",
            f.span
        );
        assert!(!f.span.is_empty(), "empty span in {text:?}");
        let offsets = posol::CharOffsets::new(text);
        let _ = f.to_json(text, &offsets);
    }
}

proptest! {
    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,80}") {
        check(&text, None);
    }

    #[test]
    fn never_panics_on_number_soup(
        parts in prop::collection::vec(prop::sample::select(vec![
            "в", "с", "по", "до", "от", "около", "более", "1", "000", "12,5", "%", "$", "€", "₸",
            "млн", "млрд", "тыс.", "рублей", "долл.", "США", "года", "году", "мая", "16",
            "27.11.2024", "14:25", "2021-2025", "—", "-", ",", ".", "прошлом", "текущего",
            "вчера", "назад", "лет", "XVI", "62-я", "двести", "полтора", "копеек", "утром",
            "99999999999999999999", "31.02.2024", "25:99", "0", "9999", "в течение", "(", ")",
        ]), 0..14),
        y in 1i32..9999, m in 1u8..13, d in 1u8..29,
    ) {
        let text = parts.join(" ");
        check(&text, CivilDate::new(y, m, d));
        check(&parts.concat(), None);
    }
}

#[test]
fn extreme_dates_do_not_panic() {
    for d in [CivilDate::new(1, 1, 1), CivilDate::new(9999, 12, 31)] {
        check(
            "вчера, завтра, в прошлом году, 9999 лет назад, в следующем месяце, на этой неделе",
            d,
        );
    }
}
