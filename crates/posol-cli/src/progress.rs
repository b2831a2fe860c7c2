//! The optional progress bar on stderr (never drawn when stderr is not a terminal).

use std::cell::Cell;
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::input::Source;

/// A progress bar over input bytes when every source has a known size, a document
/// counter otherwise; or nothing at all.
pub(crate) struct Progress {
    bar: Option<ProgressBar>,
    by_bytes: bool,
    docs: Cell<u64>,
}

impl Progress {
    /// Creates the bar if `wanted` and stderr is a terminal.
    pub(crate) fn new(wanted: bool, sources: &[Source]) -> Progress {
        if !wanted || !std::io::stderr().is_terminal() {
            return Progress {
                bar: None,
                by_bytes: false,
                docs: Cell::new(0),
            };
        }
        let sizes: Option<Vec<u64>> = sources.iter().map(Source::size).collect();
        let (bar, by_bytes) = match sizes {
            Some(sizes) => {
                let bar = ProgressBar::with_draw_target(
                    Some(sizes.iter().sum()),
                    ProgressDrawTarget::stderr(),
                );
                let style = ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:25}] {bytes}/{total_bytes} eta {eta} {msg}",
                );
                if let Ok(style) = style {
                    bar.set_style(style.progress_chars("=> "));
                }
                (bar, true)
            }
            None => {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}")
                {
                    bar.set_style(style);
                }
                (bar, false)
            }
        };
        Progress {
            bar: Some(bar),
            by_bytes,
            docs: Cell::new(0),
        }
    }

    /// Records that `bytes` input bytes have been read in total and `docs` more
    /// documents processed.
    pub(crate) fn advance(&self, bytes: u64, docs: u64) {
        if let Some(bar) = &self.bar {
            if self.by_bytes {
                bar.set_position(bytes);
            } else {
                bar.tick();
            }
            self.docs.set(self.docs.get() + docs);
            bar.set_message(format!("{} docs", self.docs.get()));
        }
    }

    /// Prints a message to stderr without garbling the bar.
    pub(crate) fn println(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| eprintln!("{message}")),
            None => eprintln!("{message}"),
        }
    }

    /// Finishes the bar, leaving its last state on screen.
    pub(crate) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish();
        }
    }
}
