//! End-to-end journeys through the real `guichet` binary and its WebKitGTK
//! window, driven by WebDriver (tauri-driver + WebKitWebDriver) under Xvfb.
//!
//! Run with `cargo test --features e2e --test e2e -- --test-threads=1`
//! (scripts/test-all.sh does). Screenshots land in `artifacts/e2e/`.
//! One module per journey; the harness is in `harness/`.

mod harness;

mod affichage;
mod brouillon;
mod clavier;
mod demarrage;
mod ecrans;
mod estimation;
mod frappe;
mod garde_fous;
mod impression;
mod xss;
