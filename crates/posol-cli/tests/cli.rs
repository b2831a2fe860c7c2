//! Runs the built `posol` binary on stdin and files and checks its output and exit codes.

mod common;

use common::{lines, posol, stderr};
use std::io::Write;
use std::path::PathBuf;

use serde_json::Value;

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("posol-cli-tests");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("write temp file");
    path
}

/// Slices `text` by code-point offsets, as Python would.
fn slice(text: &str, start: &Value, stop: &Value) -> String {
    let start = start.as_u64().expect("start") as usize;
    let stop = stop.as_u64().expect("stop") as usize;
    text.chars().skip(start).take(stop - start).collect()
}

fn corpus(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = format!("Документ номер {i}. Делегации обсудили {i} вопросов.");
            format!("{}\n", serde_json::json!({"id": i, "text": text}))
        })
        .collect()
}

#[test]
fn threads_keep_input_order() {
    let input = corpus(1000);
    let sequential = posol(&["segment"], input.as_bytes());
    let parallel = posol(&["segment", "--threads", "4"], input.as_bytes());
    let all_cores = posol(&["segment", "--threads", "0"], input.as_bytes());
    assert!(parallel.status.success(), "{}", stderr(&parallel));
    let ids: Vec<u64> = lines(&parallel)
        .iter()
        .map(|v| v["id"].as_u64().expect("numeric id"))
        .collect();
    assert_eq!(ids, (0..1000).collect::<Vec<u64>>());
    assert_eq!(parallel.stdout, sequential.stdout);
    assert_eq!(all_cores.stdout, sequential.stdout);
}

#[test]
fn bad_line_in_the_middle_is_reported_and_skipped() {
    let input = concat!(
        "{\"id\": \"a\", \"text\": \"Первый.\"}\n",
        "\n",
        "{\"id\": \"b\", \"text\": \"Второй.\"}\n",
        "{\"id\": \"c\"}\n",
        "{\"id\": \"d\", \"text\": 42}\n",
        "{oops\n",
        "{\"id\": \"e\", \"text\": \"Третий.\", \"date\": \"2024-05-16\", \"extra\": [1]}\n",
    );
    let path = temp_file("bad.jsonl", input.as_bytes());
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"id\": \"f\", \"text\": \"\xff\"}\n");
    let path_str = path.to_str().expect("utf-8 path");
    for threads in ["1", "3"] {
        let out = posol(&["segment", "--threads", threads, path_str], b"");
        assert_eq!(out.status.code(), Some(1));
        let ids: Vec<Value> = lines(&out).iter().map(|v| v["id"].clone()).collect();
        assert_eq!(ids, ["a", "b", "e"]);
        let err = stderr(&out);
        assert!(
            err.contains(&format!("posol: {path_str}:4: missing \"text\" field")),
            "{err}"
        );
        assert!(
            err.contains(&format!("{path_str}:5: \"text\" must be a string")),
            "{err}"
        );
        assert!(
            err.contains(&format!("{path_str}:6: invalid JSON")),
            "{err}"
        );
    }
    let out = posol(&["analyze"], &bytes);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("posol: <stdin>:8: invalid UTF-8"));
    assert_eq!(lines(&out).len(), 3);
}

#[test]
fn gzip_files_and_stdin_dash() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(corpus(300).as_bytes()).expect("compress");
    let path = temp_file("corpus.jsonl.gz", &gz.finish().expect("finish gzip"));
    let plain = posol(&["segment"], corpus(300).as_bytes());
    let from_gz = posol(&["segment", path.to_str().expect("utf-8 path")], b"");
    assert!(from_gz.status.success(), "{}", stderr(&from_gz));
    assert_eq!(from_gz.stdout, plain.stdout);
    // Files and `-` concatenate in the order given.
    let first = temp_file("first.jsonl", b"{\"id\": 0, \"text\": \"Raz.\"}\n");
    let both = posol(
        &["segment", first.to_str().expect("utf-8 path"), "-"],
        b"{\"id\": 1, \"text\": \"Dva.\"}",
    );
    let ids: Vec<Value> = lines(&both).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, [0, 1]);
}

#[test]
fn text_option_and_output_shapes() {
    let out = posol(&["segment", "--text", "Мир, труд!"], b"");
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0],
        serde_json::json!({
            "id": null,
            "tokens": [
                {"start": 0, "stop": 3, "text": "Мир"},
                {"start": 3, "stop": 4, "text": ","},
                {"start": 5, "stop": 9, "text": "труд"},
                {"start": 9, "stop": 10, "text": "!"},
            ],
            "sentences": [{"start": 0, "stop": 10}],
        })
    );
    let out = posol(&["analyze", "--text", "Да."], b"");
    let doc = &lines(&out)[0];
    assert_eq!(doc["text"], "Да.");
    assert_eq!(doc["tokens"][0]["kind"], "word");
    assert_eq!(doc["tokens"][1]["kind"], "punct");
}

#[test]
fn ids_are_echoed_as_given() {
    let input = b"{\"id\": 1.50, \"text\": \"A.\"}\n{\"id\": \"\\u0438\\u0434\", \"text\": \"B.\"}\n{\"text\": \"C.\"}\n";
    let out = posol(&["segment"], input);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let starts: Vec<&str> = text
        .lines()
        .map(|l| &l[..l.find(",\"tokens\"").unwrap_or(0)])
        .collect();
    assert_eq!(
        starts,
        ["{\"id\":1.50", "{\"id\":\"\\u0438\\u0434\"", "{\"id\":null"]
    );
}

#[test]
fn unicode_offsets_are_code_points() {
    let texts = [
        "Делегация 🇰🇿 прибыла в Рим 👍🏽. Встреча — завтра.",
        "Cafe\u{301} «Рома» e\u{301}\u{302}x и\u{306} всё.",
        "Строка\r\nс CRLF\u{a0}и NBSP. 𝔐𝔦𝔯 🤝 дружба!",
    ];
    let input: String = texts
        .iter()
        .enumerate()
        .map(|(i, t)| format!("{}\n", serde_json::json!({"id": i, "text": t})))
        .collect();
    let out = posol(&["analyze", "--threads", "2"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs.len(), texts.len());
    for (doc, text) in docs.iter().zip(texts) {
        assert_eq!(doc["text"], text);
        for token in doc["tokens"].as_array().expect("tokens") {
            assert_eq!(slice(text, &token["start"], &token["stop"]), token["text"]);
        }
        for sentence in doc["sentences"].as_array().expect("sentences") {
            let s = slice(text, &sentence["start"], &sentence["stop"]);
            assert!(!s.is_empty() && s.trim() == s, "{s:?}");
        }
    }
}

#[test]
fn exit_codes() {
    assert_eq!(
        posol(&["segment", "--no-such-flag"], b"").status.code(),
        Some(2)
    );
    assert_eq!(posol(&["frobnicate"], b"").status.code(), Some(2));
    assert_eq!(posol(&[], b"").status.code(), Some(2));
    assert_eq!(
        posol(&["segment", "--threads", "x"], b"").status.code(),
        Some(2)
    );
    assert_eq!(posol(&["--help"], b"").status.code(), Some(0));
    assert_eq!(posol(&["--version"], b"").status.code(), Some(0));
    let missing = posol(&["segment", "/no/such/file.jsonl"], b"");
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).starts_with("posol: /no/such/file.jsonl: "));
    let empty = posol(&["segment"], b"\n  \n");
    assert_eq!(empty.status.code(), Some(0));
    assert!(empty.stdout.is_empty());
    let help = posol(&["segment", "--help"], b"");
    assert!(String::from_utf8_lossy(&help.stdout).contains("produces NO output line"));
}
