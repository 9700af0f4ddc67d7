//! The `guichet` binary: the window without arguments, the headless CLI with a
//! subcommand. All the work is in the library.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    std::process::exit(guichet::cli::main());
}
