//! The `posol` command line, as a library.
//!
//! [`run`] is the whole program: the `posol` binary calls it with its arguments, and the
//! Python package's console script calls it through the native module, so both behave
//! identically.
//!
//! ```text
//! $ echo '{"id": 1, "text": "Визит начался. Переговоры идут."}' | posol segment
//! {"id":1,"tokens":[{"start":0,"stop":5,"text":"Визит"},...],"sentences":[{"start":0,"stop":14},{"start":15,"stop":31}]}
//! ```
//!
//! See `posol --help` for the input and output format and the error policy: a malformed
//! input line is reported on stderr as `posol: FILE:LINE: message`, produces no output
//! line, and makes the exit status 1; the other lines are still processed.

#![deny(missing_docs)]

mod args;
mod input;
mod pipeline;
mod progress;
mod record;
mod serialize;

use std::ffi::OsString;
use std::io::{self, BufWriter, Write};

use clap::Parser;

use crate::args::{Cli, Command, RunArgs};
use crate::input::Source;
use crate::pipeline::{render, run_sources, Options};
use crate::record::Record;
use crate::serialize::Mode;

/// Exit status: everything was processed.
pub const EXIT_OK: i32 = 0;
/// Exit status: some input could not be read or processed, or output failed.
pub const EXIT_FAILURE: i32 = 1;
/// Exit status: the command line was invalid (clap's convention).
pub const EXIT_USAGE: i32 = 2;

/// Runs the `posol` command with `args` (the first item is the program name, as in
/// [`std::env::args_os`]) and returns the process exit status.
///
/// Writes results to standard output and diagnostics to standard error; never calls
/// [`std::process::exit`] and never panics on any input.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version requests are "errors" that exit with 0.
            let _ = e.print();
            return e.exit_code();
        }
    };
    let (mode, run_args) = match cli.command {
        Command::Segment(a) => (Mode::Segment, a),
        Command::Analyze(a) => (Mode::Analyze, a),
    };
    execute(mode, run_args)
}

fn execute(mode: Mode, args: RunArgs) -> i32 {
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = match args.text {
        Some(text) => match render(&Record::plain(text), mode) {
            Ok(json) => out
                .write_all(&json)
                .and_then(|()| out.flush())
                .map(|()| true),
            Err(e) => {
                eprintln!("posol: --text: {e}");
                Ok(false)
            }
        },
        None => {
            let options = Options {
                mode,
                threads: args.threads,
                progress: args.progress,
            };
            run_sources(&Source::from_args(&args.files), options, &mut out)
        }
    };
    match result {
        Ok(true) => EXIT_OK,
        Ok(false) => EXIT_FAILURE,
        // The reader went away (`posol segment big.jsonl | head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("posol: cannot write output: {e}");
            EXIT_FAILURE
        }
    }
}
