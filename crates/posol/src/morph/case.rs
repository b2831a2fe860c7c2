//! Letter-case patterns: generated forms keep the capitalization of the input.

/// Applies the capitalization of `surface` to the lower-case `target`: all capitals stay
/// all capitals (`МИД`), and every hyphen-separated part that starts with a capital in the
/// input starts with one in the output (`Касым-Жомарта` → `Касым-Жомарт`).
pub(crate) fn restore_case(surface: &str, target: &str) -> String {
    let letters = surface.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && surface.chars().all(|c| !c.is_lowercase()) {
        return target.to_uppercase();
    }
    let caps: Vec<bool> = surface
        .split('-')
        .map(|s| s.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if !caps.iter().any(|c| *c) {
        return target.to_string();
    }
    let mut out = String::with_capacity(target.len());
    for (i, part) in target.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        let cap = caps.get(i).or(caps.last()).copied().unwrap_or(false);
        let mut chars = part.chars();
        match chars.next() {
            Some(first) if cap => {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            _ => out.push_str(part),
        }
    }
    out
}

/// Calls `f` with `word.to_lowercase()`, built in a reused per-thread buffer (a nested
/// call gets a new one).
pub(crate) fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static LOWER: std::cell::Cell<String> = const { std::cell::Cell::new(String::new()) };
    }
    let mut lower = LOWER.take();
    lower.clear();
    push_lowercase(word, &mut lower);
    let r = f(&lower);
    LOWER.set(lower);
    r
}

/// Appends `word.to_lowercase()` to `out` (same result), with a fast path for ASCII and
/// the Russian alphabet.
pub(crate) fn push_lowercase(word: &str, out: &mut String) {
    let start = out.len();
    for c in word.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            '\0'..='\u{7f}' | 'а'..='я' | 'ё' => out.push(c),
            'А'..='Я' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
            'Ё' => out.push('ё'),
            // the final sigma depends on context: leave it to the standard library
            'Σ' => {
                out.truncate(start);
                out.push_str(&word.to_lowercase());
                return;
            }
            _ => out.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::restore_case;

    #[test]
    fn lowercase_matches_std() {
        for w in [
            "",
            "Москва",
            "ЁЛКА",
            "ΣΑΣ",
            "ὈΔΥΣΣΕΎΣ",
            "İstanbul",
            "Reuters-2024",
            "ẞ",
            "Ѐ Ѝ Ѡ",
            "😀",
        ] {
            let mut s = String::from("x");
            super::push_lowercase(w, &mut s);
            assert_eq!(s, format!("x{}", w.to_lowercase()), "{w}");
        }
    }

    #[test]
    fn keeps_case_patterns() {
        let cases = [
            ("Токаева", "токаев", "Токаев"),
            ("Касым-Жомарта", "касым-жомарт", "Касым-Жомарт"),
            ("ООН", "оон", "ООН"),
            ("столицы", "столица", "столица"),
            ("Ростове-на-Дону", "ростов-на-дону", "Ростов-на-Дону"),
            ("", "", ""),
        ];
        for (surface, target, want) in cases {
            assert_eq!(restore_case(surface, target), want, "{surface}");
        }
    }
}
