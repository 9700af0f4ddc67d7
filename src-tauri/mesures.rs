//! Start-up marks: with `GUICHET_MESURES=1` the app prints on stderr
//! "mesure: QUOI N ms après le démarrage" at each step of the way to the
//! first usable form (read by `scripts/mesures.sh`); without it, nothing.

use std::sync::OnceLock;
use std::time::Instant;

/// Whether `GUICHET_MESURES` is set (read once).
pub fn actives() -> bool {
    static ACTIVES: OnceLock<bool> = OnceLock::new();
    *ACTIVES.get_or_init(|| std::env::var_os("GUICHET_MESURES").is_some())
}

/// Prints one mark, the time elapsed since `depart` (the process start).
pub fn marque(depart: Instant, quoi: &str) {
    if actives() {
        eprintln!(
            "mesure: {quoi} {} ms après le démarrage",
            depart.elapsed().as_millis()
        );
    }
}
