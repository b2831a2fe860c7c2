//! A case prior from the word before a mention (prepositions govern case).

/// Prior weights of the six cases ([`CASES`] order) for a mention starting at byte
/// `start` of `text`.
pub(crate) fn case_prior(text: &str, start: usize) -> [f32; 6] {
    let Some(before) = text.get(..start) else {
        return [0.35, 0.3, 0.08, 0.1, 0.12, 0.05];
    };
    // the prepositional case needs a preposition (`о христианке Асии Биби`)
    let loct = if loct_preposition_near(before) {
        0.05
    } else {
        0.003
    };
    let default = [0.35, 0.3, 0.08, 0.1, 0.12, loct];
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '«' | '"' | '„' | '“' | '(' | '\'')
    });
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<String>()
        .to_lowercase();
    let allowed: &[usize] = match word.as_str() {
        "без"
        | "для"
        | "до"
        | "из"
        | "от"
        | "у"
        | "около"
        | "после"
        | "против"
        | "среди"
        | "вокруг"
        | "возле"
        | "кроме"
        | "из-за"
        | "из-под"
        | "вместо"
        | "ради"
        | "мимо"
        | "вдоль"
        | "напротив"
        | "вне"
        | "внутри"
        | "посредством"
        | "путём"
        | "путем"
        | "вследствие" => &[1],
        "к" | "ко" | "благодаря" | "согласно" | "вопреки" | "навстречу" => {
            &[2]
        }
        "по" => &[2, 5],
        "через" | "про" | "сквозь" => &[3],
        "в" | "во" | "на" => &[3, 5],
        "о" | "об" | "обо" | "при" => &[5],
        "с" | "со" => &[4, 1],
        "за" | "под" => &[4, 3],
        "над" | "перед" | "между" | "меж" => &[4],
        _ => return default,
    };
    let mut prior = [0.01; 6];
    for &i in allowed {
        prior[i] = default[i].max(0.1);
    }
    prior
}

/// Whether one of the few words before the end of `before` (in the same clause) is a
/// preposition that governs the prepositional case.
fn loct_preposition_near(before: &str) -> bool {
    let tail: String = before
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let clause = tail
        .rsplit(['.', ',', ';', ':', '!', '?', '(', ')', '—'])
        .next()
        .unwrap_or("");
    clause
        .split_whitespace()
        .rev()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .any(|w| {
            matches!(
                w.as_str(),
                "в" | "во" | "на" | "о" | "об" | "обо" | "при" | "по"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::case_prior;

    #[test]
    fn prepositions_set_the_case() {
        let at = |t: &str, w: &str| t.find(w).unwrap_or(0);
        let t = "Встреча с Мелони";
        let p = case_prior(t, at(t, "Мелони"));
        assert!(p[4] > p[0]);
        let t = "Визит в «Алматы»";
        let p = case_prior(t, at(t, "Алматы"));
        assert!(p[5] > p[0]);
        let p = case_prior("Мелони", 0);
        assert!(p[0] > p[5]);
        assert_eq!(case_prior("абв", 1).len(), 6); // inside a character: default
                                                   // no preposition: no prepositional case; one a few words back allows it
        let t = "Приговор христианке Асии Биби отменён";
        assert!(case_prior(t, at(t, "Асии"))[5] < 0.01);
        let t = "Речь о пакистанской христианке Асии Биби";
        assert!(case_prior(t, at(t, "Асии"))[5] > 0.01);
    }
}
