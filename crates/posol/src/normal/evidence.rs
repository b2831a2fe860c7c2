//! Gender and case of a person mention from the words around it: agreement with a
//! feminine noun or an adjective before the name (`христианке Асии Биби`,
//! `известная Асия Биби`), with a participle after it (`Асии Биби, обвинённой в …`), and
//! with the past-tense verb of a name that starts a clause (`Асия Биби была оправдана`,
//! a cue for the gender only).

use super::cands::{case_of, tag_has};
use crate::morph::Analyzer;
use crate::token::{Token, TokenKind};

/// Agreement cues for one mention: per gender (masculine, feminine), the cases the
/// agreeing words allow (bit `1 << case`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cues {
    /// Case bits per gender; 0 where no word agrees in that gender.
    pub(crate) cases: [u8; 2],
}

impl Cues {
    /// Whether some cue allows gender `g` (0 masculine, 1 feminine) in `case`.
    pub(crate) fn allows(&self, g: usize, case: usize) -> bool {
        self.cases[g] & (1 << case) != 0
    }
}

/// All six case bits.
const ALL_CASES: u8 = 0b11_1111;

/// Words that may stand between a subject and its verb without breaking agreement.
const SKIP: &[&str] = &[
    "не",
    "уже",
    "также",
    "тоже",
    "еще",
    "ещё",
    "вновь",
    "снова",
    "же",
    "лишь",
    "только",
    "ранее",
    "вчера",
    "сегодня",
    "тогда",
    "всё",
    "все",
];

/// Conjunctions after which a name starts a clause.
const CLAUSE: &[&str] = &["и", "а", "но", "однако", "что", "когда", "если", "хотя"];

/// The word tokens of `text[from..to]` (byte offsets moved to character boundaries).
fn window(text: &str, mut from: usize, mut to: usize) -> (&str, Vec<Token>) {
    to = to.min(text.len());
    from = from.min(to);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    while to < text.len() && !text.is_char_boundary(to) {
        to += 1;
    }
    let w = text.get(from..to).unwrap_or("");
    (w, crate::tokenize(w))
}

/// Per gender (masculine, feminine) the case bits of the singular dictionary parses of
/// `word` with a part of speech in `pos` and, if given, the grammeme `extra`.
fn agreeing(word: &str, pos: &[&str], extra: Option<&str>, min_score: f32) -> [u8; 2] {
    let mut out = [0u8; 2];
    for p in Analyzer::global().parse(word) {
        // guessed parses (unknown or misspelt words) are no evidence
        if p.score < min_score
            || !p.is_known()
            || !pos.contains(&p.pos())
            || !tag_has(p.tag, "sing")
            || extra.is_some_and(|g| !tag_has(p.tag, g))
            || ["ms-f", "Name", "Surn", "Patr", "Geox", "Orgn", "Abbr"]
                .iter()
                .any(|g| tag_has(p.tag, g))
        {
            continue;
        }
        let case = if tag_has(p.tag, "past") || matches!(p.pos(), "ADJS" | "PRTS") {
            Some(0)
        } else {
            case_of(p.tag)
        };
        let Some(case) = case else { continue };
        if tag_has(p.tag, "masc") {
            out[0] |= 1 << case;
        }
        if tag_has(p.tag, "femn") {
            out[1] |= 1 << case;
        }
    }
    out
}

/// The case bits of the noun parses of `word` (any gender and number).
fn noun_cases(word: &str) -> u8 {
    Analyzer::global()
        .parse(word)
        .iter()
        .filter(|p| p.pos() == "NOUN" && p.score >= 0.05)
        .filter_map(|p| case_of(p.tag))
        .fold(0, |bits, c| bits | 1 << c)
}

fn lower_word(t: &Token, w: &str) -> bool {
    t.kind == TokenKind::Word && w.chars().next().is_some_and(char::is_lowercase)
}

/// The agreement cues of the person mention spanning bytes `start..end` of `text`.
pub(crate) fn cues(text: &str, start: usize, end: usize) -> Cues {
    let mut cues = Cues::default();
    let (bw, before) = window(text, start.saturating_sub(160), start);
    let (aw, after) = window(text, end, end.saturating_add(200));
    let prev = before
        .last()
        .filter(|t| bw.get(t.span.end..).is_some_and(|g| g.trim().is_empty()))
        .map(|t| (t, t.text(bw)));
    // a word right before the name that agrees with it
    let words: Vec<(&Token, &str)> = after.iter().map(|t| (t, t.text(aw))).collect();
    let mut title_gender = None;
    if let Some((_, w)) = prev.filter(|(t, _)| t.kind == TokenKind::Word) {
        let mut adj = agreeing(w, &["ADJF", "PRTF"], None, 0.05);
        // an adjective that agrees with the noun after the name belongs to it
        // (`предложенным Мэй планом`)
        if let Some((t, n)) = words.first().filter(|(t, _)| t.span.start > 0) {
            if lower_word(t, n) {
                let noun = noun_cases(n);
                adj = [adj[0] & !noun, adj[1] & !noun];
            }
        }
        // a feminine person noun in an oblique case (`христианке`); in the nominative it
        // may head a genitive (`жена Путина`)
        let noun = agreeing(w, &["NOUN"], Some("anim"), 0.05);
        cues.cases[0] |= adj[0];
        cues.cases[1] |= adj[1] | (noun[1] & !1);
        if noun[0] & 1 != 0 && noun[1] == 0 {
            title_gender = Some(0);
        }
    }
    // a participle after a comma (`Асии Биби, обвиненной`)
    if let [(_, ","), (t, w), ..] = words.as_slice() {
        if lower_word(t, w) {
            let prt = agreeing(w, &["PRTF"], None, 0.05);
            cues.cases[0] |= prt[0];
            cues.cases[1] |= prt[1];
        }
    }
    // the verb of a name that starts a clause (`Мэй заявила`); after a masculine title
    // only a feminine verb shows the name is the subject (`премьер-министр Тереза Мэй
    // заявила`)
    let clause_start = match prev {
        None => true,
        Some((t, w)) => t.kind == TokenKind::Punct || CLAUSE.contains(&w.to_lowercase().as_str()),
    };
    if clause_start || title_gender.is_some() {
        let first_gap = words.first().is_some_and(|(t, _)| t.span.start > 0);
        let verb = words
            .iter()
            .filter(|_| first_gap)
            .take(3)
            .take_while(|(t, _)| t.kind == TokenKind::Word)
            .find(|(_, w)| !SKIP.contains(&w.to_lowercase().as_str()));
        if let Some((_, w)) = verb.filter(|(t, w)| lower_word(t, w)) {
            let v = agreeing(w, &["VERB", "PRTS", "ADJS"], None, 0.1);
            for (g, bits) in v.iter().enumerate() {
                let ok = match title_gender {
                    Some(tg) if !clause_start => g != tg,
                    _ => true,
                };
                // the name may also be the object (`Дэвиса сменил Рааб`): the verb tells
                // the gender of a subject only, not the case of the name
                if ok && bits & 1 != 0 {
                    cues.cases[g] |= ALL_CASES;
                }
            }
        }
    }
    cues
}
