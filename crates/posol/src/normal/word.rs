//! Small string helpers for Russian words: letter classes and case-keeping suffix edits.

/// Whether `c` is a Russian consonant letter (lower case).
pub(crate) fn is_consonant(c: char) -> bool {
    "бвгджзклмнпрстфхцчшщ".contains(c)
}

/// Whether `c` is a Russian vowel letter (lower case).
pub(crate) fn is_vowel(c: char) -> bool {
    "аеёиоуыэюя".contains(c)
}

/// Velars and sibilants, after which Russian spells `и` for `ы` and `е` for unstressed `о`.
pub(crate) fn is_hushing(c: char) -> bool {
    "гкхжшчщц".contains(c)
}

/// The last character of `s` (lower case input expected).
pub(crate) fn last(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// `word` with its last `strip` characters replaced by `add` (lower case), keeping the
/// word's letter case: an all-capitals word stays all capitals.
pub(crate) fn replace_end(word: &str, strip: usize, add: &str) -> String {
    let n = word.chars().count();
    let keep: String = word.chars().take(n.saturating_sub(strip)).collect();
    let upper = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase());
    if upper {
        keep + &add.to_uppercase()
    } else {
        keep + add
    }
}

/// Applies the capitalization of `surface` to `target` (which may be all lower case):
/// all capitals stay all capitals; each hyphen-separated part that starts with a capital
/// in `surface` starts with one in the result.
pub(crate) fn copy_case(surface: &str, target: &str) -> String {
    crate::morph::restore_case(surface, target)
}

/// Lower case with `ё` written as `е`: the key for comparing names.
pub(crate) fn fold(s: &str) -> String {
    s.to_lowercase().replace('ё', "е")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_keep_case() {
        assert_eq!(replace_end("Маттареллы", 1, "а"), "Маттарелла");
        assert_eq!(replace_end("ООН", 0, ""), "ООН");
        assert_eq!(replace_end("", 3, "а"), "а");
        assert_eq!(copy_case("Касым-Жомарта", "касым-жомарт"), "Касым-Жомарт");
        assert_eq!(copy_case("ООН", "оон"), "ООН");
        assert_eq!(fold("Ёлкин"), "елкин");
    }
}
