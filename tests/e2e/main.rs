//! End-to-end journeys through the real `guichet` binary and its WebKitGTK
//! window, driven by WebDriver (tauri-driver + WebKitWebDriver) under Xvfb.
//!
//! Run with `cargo test --features e2e --test e2e -- --test-threads=1`
//! (scripts/test-all.sh does). Screenshots land in `artifacts/e2e/`.
//! One module per journey; the harness is in `harness/`.

mod harness;

#[path = "../bareme_cinq_offres/mod.rs"]
mod bareme_cinq_offres;
#[path = "../bareme_essai/mod.rs"]
mod bareme_essai;

mod affichage;
mod baremes;
mod brouillon;
mod clavier;
mod demarrage;
mod devis;
mod devis_soins;
mod ecrans;
mod estimation;
mod foyer;
mod frappe;
mod garde_fous;
mod grilles;
mod impression;
mod xss;
