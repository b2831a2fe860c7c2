//! Command-line arguments (clap derive).

use std::ffi::OsString;

use clap::{Args, Parser, Subcommand};

/// Describes the input and output format and the error policy; shown by `--help`.
const FORMAT_HELP: &str = "\
Input: JSON Lines, one object per line with \"id\" (string or number, echoed back \
exactly as given; null when absent) and \"text\" (string); an optional \"date\" string \
(YYYY-MM-DD) is the publication date `analyze` resolves relative dates against; other \
fields are ignored. Empty lines are skipped. Files ending in .gz are \
decompressed; `-` or no FILE reads standard input.

Output: one JSON line per input line, in input order, with \"id\", \"tokens\" \
([{\"start\",\"stop\",\"text\"}]) and \"sentences\" ([{\"start\",\"stop\"}]). Offsets are \
Unicode code points (Python string indices), stop exclusive. `analyze` adds the \
\"text\", each token's \"kind\" and, for words and numbers only (absent on \
punctuation, symbols, URLs, e-mails, hashtags, mentions and emoji), \"lemma\", \
\"pos\" (UD part of speech) and \"feats\" (UD features, \"_\" if none); \
\"entities\": [{\"start\",\"stop\",\"type\",\"text\"}] (NEREL types, nested; \
\"coarse\" PER/LOC/ORG and \"parent\", the index of the enclosing entity, where \
there are; \"normal\", the normal form (nominative: \"Токаева\" -> \"Токаев\"); \
\"object\", the index into \"objects\" of the thing it refers to, absent for values \
and unlinked posts; and, for PERSON, \"name_parts\" {\"first\",\"middle\",\"last\"} \
with the parts found); \"objects\": [{\"id\",\"type\",\"name\",\"mentions\",\"roles\"}], \
the real-world things mentioned, in order of first mention: \"id\" a stable id \
(\"country:RU\", \"org:UN\", or \"person:\" + name), \"mentions\" the indices of the \
entities naming them, \"roles\" [{\"title\",\"of\"}] the posts a person holds (\"of\" \
an object id or name, or null); and \"facts\": [{\"kind\",\"type\",\"start\",\"stop\",\"text\", \
...values, \"entity\"}], \"entity\" being the index of the entity the fact is the \
value of.

Errors: a malformed line (invalid JSON or UTF-8, missing or non-string \"text\", with \
`analyze` a \"date\" that is not a valid YYYY-MM-DD date) is \
reported on stderr as `posol: FILE:LINE: message` and produces NO output line; the \
other lines are still processed and the exit status is 1. Usage errors exit with 2.";

/// `posol`: tokens and sentences of Russian diplomatic news, as JSON Lines.
#[derive(Debug, Parser)]
#[command(name = "posol", bin_name = "posol", version, about, after_help = FORMAT_HELP)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Split documents into tokens and sentences.
    #[command(after_help = FORMAT_HELP)]
    Segment(RunArgs),
    /// Full analysis: like `segment`, plus the text, each token's kind and morphology
    /// (lemma, pos, feats), the named entities with their normal forms, the objects they
    /// refer to, and the facts (money, numbers, dates...) with their values.
    #[command(after_help = FORMAT_HELP)]
    Analyze(RunArgs),
}

/// Options shared by the processing subcommands.
#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    /// JSONL input files (`-` for standard input; `.gz` files are decompressed).
    /// Standard input when none is given.
    #[arg(value_name = "FILE")]
    pub(crate) files: Vec<OsString>,

    /// Analyse this plain text instead of reading JSONL (the output "id" is null).
    #[arg(long, value_name = "TEXT", conflicts_with = "files")]
    pub(crate) text: Option<String>,

    /// Worker threads: 1 (default) processes sequentially, 0 uses all cores.
    /// Output order always equals input order.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) threads: usize,

    /// Show a progress bar on stderr (only when stderr is a terminal).
    #[arg(long)]
    pub(crate) progress: bool,
}
