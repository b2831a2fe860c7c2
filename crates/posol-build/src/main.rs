//! `posol-build`: offline tools that build posol's data artifacts and measure them.
//!
//! ```text
//! posol-build morph-dict --out crates/posol/data/morph.bin   # compile the dictionary
//! posol-build morph-tagger --out crates/posol/data/morph-tagger.bin  # train the tagger
//! posol-build morph-predict GOLD.jsonl.gz OUT.jsonl          # per-token predictions
//! posol-build bench-morph WORDS.txt                          # analysis throughput
//! posol-build morph-parse Токаева                            # print all parses
//! posol-build train-ner --out crates/posol/data/ner.bin       # train the entity tagger
//! posol-build ner-predict GOLD.jsonl.gz OUT.jsonl [--coarse]  # entity predictions
//! posol-build bench-ner                                      # entity-pipeline throughput
//! ```

mod morph_bench;
mod morph_dict;
mod morph_predict;
mod morph_tagger;
mod ner;

use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!(
        "usage: posol-build <command> [args]\n\
         commands:\n  \
         morph-dict [--out PATH] [--export-dir DIR] [--frequent-from FILES]  compile the dictionary\n  \
         morph-tagger [--out PATH] [--train GOLD.jsonl.gz]  train the context tagger\n  \
         morph-predict GOLD.jsonl.gz OUT.jsonl        write per-token predictions\n  \
         bench-morph WORDS.txt [ROUNDS]               print analysis throughput\n  \
         morph-parse WORD...                          print all parses of words\n  \
         train-ner [--out PATH] [--train GOLD.jsonl.gz]  train the entity tagger\n  \
         ner-predict GOLD.jsonl.gz OUT.jsonl [--coarse]  write entity predictions\n  \
         bench-ner [--docs GOLD.jsonl.gz]               print entity-pipeline throughput"
    );
    ExitCode::from(2)
}

/// Value of `--name VALUE` in `args`, if present.
pub(crate) fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(cmd) = args.first() else {
        return usage();
    };
    let rest = &args[1..];
    let result = match cmd.as_str() {
        "morph-dict" => morph_dict::run(rest),
        "morph-tagger" => morph_tagger::run(rest),
        "morph-predict" => morph_predict::run(rest),
        "bench-morph" => morph_bench::run(rest),
        "morph-parse" => morph_bench::show(rest),
        "train-ner" => ner::train(rest),
        "ner-predict" => ner::predict(rest),
        "bench-ner" => ner::bench(rest),
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("posol-build {cmd}: {e}");
            ExitCode::FAILURE
        }
    }
}
