//! Golden segmentation cases shared with the Python tests (`tests/golden/*.txt`).

use std::path::PathBuf;

/// One parsed case: the text and the expected non-whitespace pieces.
struct Case {
    line: usize,
    text: String,
    pieces: Vec<String>,
}

fn load(name: &str) -> Vec<Case> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/golden")
        .join(name);
    let content =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| {
            let l = l.replace("\\n", "\n");
            let parts: Vec<&str> = l.split('|').collect();
            Case {
                line: i + 1,
                text: parts.concat(),
                pieces: parts
                    .iter()
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| p.to_string())
                    .collect(),
            }
        })
        .collect()
}

#[test]
fn tokens_match_golden_partitions() {
    let cases = load("tokens.txt");
    assert!(cases.len() >= 10);
    for case in cases {
        let got: Vec<&str> = posol::tokenize(&case.text)
            .iter()
            .map(|t| t.text(&case.text))
            .collect();
        assert_eq!(got, case.pieces, "tokens.txt line {}", case.line);
    }
}

#[test]
fn sentences_match_golden_partitions() {
    let cases = load("sentences.txt");
    assert!(cases.len() >= 10);
    for case in cases {
        let got: Vec<&str> = posol::sentenize(&case.text)
            .iter()
            .map(|s| s.text(&case.text))
            .collect();
        assert_eq!(got, case.pieces, "sentences.txt line {}", case.line);
    }
}
