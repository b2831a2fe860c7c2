//! The `posol` binary: see [`posol_cli::run`].

fn main() {
    std::process::exit(posol_cli::run(std::env::args_os()));
}
