//! Abbreviations that change how a following full stop is read.

/// What an abbreviation followed by `.` says about a sentence boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Almost always followed by more of the same sentence: «г. Астана», «им. Абая», «ул.».
    Inner,
    /// Units and multipliers: a boundary only before a capitalized ordinary word
    /// («…20 млрд долл. Италия…»), not before an acronym («долл. США»).
    Unit,
    /// Ends lists: «и т. д.», «и др.», «и пр.» — a boundary before a capital.
    Final,
}

/// Looks up a lower-cased word.
pub(super) fn lookup(word: &str) -> Option<Abbrev> {
    Some(match word {
        "г" | "гг" | "ул" | "им" | "пр" | "просп" | "пер" | "обл" | "р" | "ст" | "св" | "проф"
        | "акад" | "ген" | "тов" | "г-н" | "г-на" | "г-ну" | "г-жа" | "т" | "см" | "рис"
        | "напр" | "ок" | "стр" | "с" | "н" | "э" | "вв" | "гл" | "кн" | "пос" | "дер" | "наб"
        | "пл" | "ред" | "изд" | "англ" | "лат" | "нем" | "фр" | "итал" | "каз" | "рус"
        | "греч" | "букв" | "сокр" | "род" | "ум" | "реж" | "mr" | "mrs" | "ms" | "dr" | "vs"
        | "etc" | "no" | "нач" | "зам" | "пред" | "зав" | "мин" | "доц" | "канд" | "д-р"
        | "тел" | "факс" | "ж" | "корп" | "кв" | "каб" | "микр" | "мкр" | "р-н" | "пгт" | "ср"
        | "рр" | "оз" | "о" | "ин" => Abbrev::Inner,
        "тыс" | "млн" | "млрд" | "трлн" | "руб" | "долл" | "коп" | "км" | "кг" | "мм" | "чел"
        | "экз" | "шт" | "ед" | "сек" | "ч" | "мес" | "дол" | "тг" | "га" | "л" | "кв.м"
        | "куб" => Abbrev::Unit,
        "д" | "др" | "п" | "пр-во" | "проч" => Abbrev::Final,
        _ => return None,
    })
}
