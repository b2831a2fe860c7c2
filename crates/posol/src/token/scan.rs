//! The tokenizer's main loop: dispatch on the first character of each token.

use super::cursor::Text;
use super::word::scan_word;
use super::{RawToken, TokenKind};
use crate::text::{is_combining, is_terminal_punct, CharClass};

/// Tokenizes normalized text. Spans are byte offsets into `s`.
pub(crate) fn scan(s: &str) -> Vec<RawToken> {
    let text = Text { s };
    let mut tokens = Vec::with_capacity(s.len() / 6 + 1);
    let mut pos = 0;
    while let Some(c) = text.char_at(pos) {
        let class = CharClass::of(c);
        if class == CharClass::Space {
            pos += c.len_utf8();
            continue;
        }
        let before = tokens.len();
        let end = match class {
            CharClass::Letter | CharClass::Digit => scan_word(text, pos, &mut tokens),
            CharClass::Emoji => {
                let end = text.skip_while(pos, |c| {
                    matches!(CharClass::of(c), CharClass::Emoji | CharClass::Mark)
                });
                push(&mut tokens, pos, end, TokenKind::Emoji)
            }
            _ => scan_other(text, pos, c, &mut tokens),
        };
        debug_assert!(end > pos && tokens.len() > before);
        pos = end.max(pos + c.len_utf8());
    }
    tokens
}

pub(super) fn push(tokens: &mut Vec<RawToken>, start: usize, end: usize, kind: TokenKind) -> usize {
    tokens.push(RawToken {
        start,
        end,
        kind,
        glued: false,
    });
    end
}

/// Punctuation, symbols, hashtags, mentions, HTML entities and stray marks.
fn scan_other(text: Text<'_>, pos: usize, c: char, tokens: &mut Vec<RawToken>) -> usize {
    let next = pos + c.len_utf8();
    let with_marks = |end: usize| text.skip_while(end, is_combining);
    match c {
        '#' | '@' if text.class_at(next).is_alnum() || text.char_at(next) == Some('_') => {
            let end = text.skip_while(next, |c| {
                CharClass::of(c).is_alnum() || matches!(c, '_' | '-') || is_combining(c)
            });
            let end = trim_trailing(text, next, end, |c| c == '-');
            let kind = if c == '#' {
                TokenKind::Hashtag
            } else {
                TokenKind::Mention
            };
            push(tokens, pos, end, kind)
        }
        '&' => match html_entity_run(text, pos) {
            Some(end) => push(tokens, pos, end, TokenKind::Punct),
            None => push(tokens, pos, with_marks(next), TokenKind::Symbol),
        },
        _ if is_terminal_punct(c) => {
            let end = text.skip_while(next, is_terminal_punct);
            push(tokens, pos, with_marks(end), TokenKind::Punct)
        }
        // Runs of the same character read as one mark: `--`, `))))`, ``` `` ```, `**`.
        '(' | ')' | '-' | '–' | '`' | '*' | '=' | '_' | '~' | '/' | '\\' | '|' | '<' | '>'
        | '+' | '^' | '\'' => {
            let end = text.skip_while(next, |x| x == c);
            let kind = if is_punctuation(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(tokens, pos, with_marks(end), kind)
        }
        _ => {
            let kind = if is_punctuation(c) {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(tokens, pos, with_marks(next), kind)
        }
    }
}

/// Punctuation proper (as opposed to symbols such as `$`, `%`, `№`, `+`, `©`).
fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_punctuation() && !"$%#&@+=<>^|~".contains(c)
    } else {
        "«»–…•·¡¿§¶".contains(c)
    }
}

/// End of a run of one repeated HTML entity starting at `pos` (`&#39;&#39;`, `&quot;`).
fn html_entity_run(text: Text<'_>, pos: usize) -> Option<usize> {
    let first = html_entity(text, pos)?;
    let entity = &text.s[pos..first];
    let mut end = first;
    while text.s.get(end..end + entity.len()) == Some(entity) {
        end += entity.len();
    }
    Some(end)
}

/// End of one HTML entity at `pos`: `&name;` or `&#digits;` or `&#xhex;`.
fn html_entity(text: Text<'_>, pos: usize) -> Option<usize> {
    let body = pos + 1;
    let end = if text.char_at(body) == Some('#') {
        let digits = if matches!(text.char_at(body + 1), Some('x' | 'X')) {
            body + 2
        } else {
            body + 1
        };
        text.skip_while(digits, |c| c.is_ascii_hexdigit())
    } else {
        text.skip_while(body, |c| c.is_ascii_alphanumeric())
    };
    let len = end - body;
    ((2..=10).contains(&len) && text.char_at(end) == Some(';')).then_some(end + 1)
}

/// Moves `end` back over trailing chars matching `f`, never past `min`.
pub(super) fn trim_trailing(
    text: Text<'_>,
    min: usize,
    mut end: usize,
    f: impl Fn(char) -> bool,
) -> usize {
    while end > min {
        match text.char_before(end) {
            Some(c) if f(c) => end -= c.len_utf8(),
            _ => break,
        }
    }
    end
}
