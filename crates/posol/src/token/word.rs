//! Words, numbers, site names, URLs and e-mails: tokens that start with a letter or digit.

use super::cursor::Text;
use super::scan::{push, trim_trailing};
use super::{RawToken, TokenKind};
use crate::text::{CharClass, CharInfo, CharTable};

/// Cyrillic top-level domains and pseudo-domains seen in Russian news site names.
const CYRILLIC_TLDS: &[&str] = &[
    "рф",
    "ру",
    "ком",
    "орг",
    "рус",
    "укр",
    "бел",
    "қаз",
    "москва",
    "онлайн",
];

/// Scans the token(s) starting with a letter or digit at `pos`; returns the end.
///
/// Usually one token; a careless-scraping glue («сотрудничестваАким») or a number glued to
/// a Cyrillic word («5млн») yields several.
pub(super) fn scan_word(text: Text<'_>, pos: usize, tokens: &mut Vec<RawToken>) -> usize {
    if let Some(end) = url(text, pos) {
        return push(tokens, pos, end, TokenKind::Url);
    }
    let mut splits: Vec<(usize, bool)> = Vec::new();
    let mut is_site = false;
    let mut end = pos;
    loop {
        end = alnum_run(text, end, &mut splits);
        let (Some(prev), Some(joiner)) = (text.char_before(end), text.char_at(end)) else {
            break;
        };
        let after = end + joiner.len_utf8();
        let next = text.class_at(after);
        let prev_digit = CharClass::of(prev) == CharClass::Digit;
        let joins = match joiner {
            '-' | '_' => next.is_alnum(),
            ',' | ':' | '/' => prev_digit && next == CharClass::Digit,
            '.' if prev_digit && next == CharClass::Digit => true,
            '.' => {
                let site = domain_label(text, pos, end, after);
                is_site |= site;
                site
            }
            '\'' => CharClass::of(prev) == CharClass::Letter && next == CharClass::Letter,
            '@' if splits.is_empty() => {
                if let Some(email_end) = email_domain(text, after) {
                    return push(tokens, pos, email_end, TokenKind::Email);
                }
                false
            }
            _ => false,
        };
        if !joins {
            break;
        }
        end = after;
    }
    let mut start = pos;
    let mut glued = false;
    for (split, next_glued) in splits.into_iter().chain(std::iter::once((end, false))) {
        let kind = if is_site {
            TokenKind::Url
        } else if text.class_at(start) == CharClass::Digit {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(RawToken {
            start,
            end: split,
            kind,
            glued,
        });
        start = split;
        glued = next_glued;
    }
    end
}

/// Scans letters, digits and marks from `pos`, recording split points inside the run:
/// `(position, glued)` where glued means a lost space between two words.
fn alnum_run(text: Text<'_>, pos: usize, splits: &mut Vec<(usize, bool)>) -> usize {
    let mut end = pos;
    let mut prev: Option<CharInfo> = None;
    // Letters since the start of this run and how many of them are lower-case.
    let (mut letters, mut lower) = (0usize, 0usize);
    let table = CharTable::get();
    for c in text.s[pos..].chars() {
        let info = table.info(c);
        let class = info.class();
        match class {
            CharClass::Letter | CharClass::Digit | CharClass::Mark => {}
            _ => break,
        }
        if let (Some(p), CharClass::Letter) = (prev, class) {
            if info.is_upper() && p.is_cyrillic() && p.is_lower() && is_glue(letters, lower) {
                splits.push((end, true));
                (letters, lower) = (0, 0);
            } else if info.is_cyrillic() && p.class() == CharClass::Digit {
                splits.push((end, false));
                (letters, lower) = (0, 0);
            }
        }
        if class == CharClass::Letter {
            letters += 1;
            lower += usize::from(info.is_lower());
        }
        if class != CharClass::Mark {
            prev = Some(info);
        }
        end += c.len_utf8();
    }
    end
}

/// Whether a word of `letters` letters (`lower` of them lower-case) followed directly by an
/// upper-case letter is two words glued together rather than a CamelCase name («АвтоВАЗ»).
fn is_glue(letters: usize, lower: usize) -> bool {
    (letters >= 3 && lower == letters) || (letters >= 7 && lower + 1 == letters)
}

/// After `word_start..dot`, is the label at `after` the next part of a site name
/// (`Kazpravda.kz`, `BAQ.KZ`, `Лента.ру`, `news.gov.kz`)?
fn domain_label(text: Text<'_>, word_start: usize, dot: usize, after: usize) -> bool {
    if text.s[word_start..dot]
        .chars()
        .filter(|c| c.is_alphanumeric())
        .nth(1)
        .is_none()
    {
        return false;
    }
    let label_end = text.skip_while(after, |c| c.is_alphanumeric() || c == '-');
    let label = &text.s[after..label_end];
    if text.class_at(label_end).is_alnum() {
        return false;
    }
    let n = label.chars().count();
    let all_lower = label.chars().all(|c| c.is_lowercase());
    let all_upper = label.chars().all(|c| c.is_uppercase());
    if !(2..=6).contains(&n) || !(all_lower || all_upper) {
        return false;
    }
    if label.is_ascii() {
        // A further dot continues the host name; otherwise the label must end the word.
        return true;
    }
    let lower = label.to_lowercase();
    CYRILLIC_TLDS.contains(&lower.as_str())
}

/// End of a `domain.tld` e-mail domain starting at `pos`, if there is one.
fn email_domain(text: Text<'_>, pos: usize) -> Option<usize> {
    let mut end = pos;
    let mut labels = 0;
    loop {
        let label_end = text.skip_while(end, |c| c.is_alphanumeric() || c == '-');
        if label_end == end {
            return None;
        }
        labels += 1;
        end = label_end;
        if text.char_at(end) == Some('.') && text.class_at(end + 1) == CharClass::Letter {
            end += 1;
        } else {
            break;
        }
    }
    (labels >= 2).then_some(end)
}

/// End of a URL starting at `pos` (`http://`, `https://`, `ftp://`, `www.`), if there is one.
fn url(text: Text<'_>, pos: usize) -> Option<usize> {
    if !matches!(
        text.s.as_bytes().get(pos),
        Some(b'h' | b'H' | b'w' | b'W' | b'f' | b'F')
    ) {
        return None;
    }
    let scheme = ["http://", "https://", "ftp://", "www."]
        .iter()
        .find(|p| text.starts_with_ignore_case(pos, p))?;
    let body = pos + scheme.len();
    if !text.class_at(body).is_alnum() {
        return None;
    }
    let end = text.skip_while(body, |c| {
        !c.is_whitespace() && !matches!(c, '«' | '»' | '"' | '<' | '>')
    });
    let mut end = trim_trailing(text, body, end, |c| {
        matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'')
    });
    // A closing bracket belongs to the URL only if the URL opened one.
    let url = &text.s[pos..end];
    if url.ends_with(')') && url.matches('(').count() < url.matches(')').count() {
        end -= 1;
    }
    Some(end)
}
