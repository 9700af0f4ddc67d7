//! Start-up marks: with `GUICHET_MESURES=1` the app prints on stderr
//! "mesure: QUOI N ms après le démarrage" at each step of the way to the
//! first usable form (read by `scripts/mesures.sh`); without it, nothing.
//! A mark is the time since [`depart`], taken first thing in `main`: from
//! its `Instant` for what Rust does, and for what the page reports, from
//! the instant it gives on the system clock, so that the delay of the IPC
//! call that brings it does not count.

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// Whether `GUICHET_MESURES` is set (read once).
pub fn actives() -> bool {
    static ACTIVES: OnceLock<bool> = OnceLock::new();
    *ACTIVES.get_or_init(|| std::env::var_os("GUICHET_MESURES").is_some())
}

/// The process start on the system clock, in ms since the epoch.
static DEPART_EPOCH_MS: OnceLock<f64> = OnceLock::new();

/// Notes the process start; returns it as the `Instant` of the marks.
pub fn depart() -> Instant {
    let maintenant = Instant::now();
    let _ = DEPART_EPOCH_MS.set(epoch_ms(SystemTime::now()));
    maintenant
}

fn epoch_ms(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
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

/// Prints one mark of the page: `quand` is its instant on the system clock
/// (ms since the epoch); without it, or before [`depart`], the mark is
/// taken now, as [`marque`] does.
pub fn marque_de_la_page(depart: Instant, quoi: &str, quand: Option<f64>) {
    match (quand, DEPART_EPOCH_MS.get()) {
        (Some(quand), Some(debut)) if actives() => eprintln!(
            "mesure: {quoi} {} ms après le démarrage (reçu à {} ms)",
            (quand - debut).round() as i64,
            depart.elapsed().as_millis()
        ),
        _ => marque(depart, quoi),
    }
}
