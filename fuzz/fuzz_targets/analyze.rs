//! Fuzz target: analysis never panics and every span slices the original text.
//!
//! Run with `cargo +nightly fuzz run analyze` from the repository root.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = posol::analyze(&text);
    let mut last = 0;
    for token in doc.tokens() {
        let span = token.span;
        assert!(span.start >= last && span.start < span.end && span.end <= text.len());
        let surface = text
            .get(span.range())
            .expect("token span on char boundaries");
        assert_eq!(token.text(&text), surface);
        assert!(!surface.starts_with(char::is_whitespace));
        last = span.end;
    }
    let mut next = 0;
    for sentence in doc.sentences() {
        assert_eq!(sentence.tokens.start, next);
        assert!(text.get(sentence.span.range()).is_some());
        next = sentence.tokens.end;
    }
    assert_eq!(next, doc.tokens().len());
});
