//! A bare Tauri 2 app: one window showing `dist/index.html`. Its only
//! command, `ui_ready`, is the one Guichet's page calls once its first frame
//! is painted, with the same argument (`quand`: when, in ms since the epoch
//! on the system clock, from the browser's Paint Timing): with
//! `GUICHET_MESURES=1` it prints the same line ("mesure: premier affichage
//! N ms", N from the process start), so `scripts/mesures.sh` reads both
//! apps the same way. It also prints, as Guichet does, when the window is
//! being made (`setup`) and when the page was asked for and loaded, so the
//! two start-ups can be compared step by step.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::{Instant, SystemTime, UNIX_EPOCH};

struct Depart {
    instant: Instant,
    epoch_ms: f64,
}

#[tauri::command]
fn ui_ready(depart: tauri::State<'_, Depart>, quand: Option<f64>) {
    if std::env::var_os("GUICHET_MESURES").is_some() {
        let recu = depart.instant.elapsed().as_millis();
        let n = quand.map_or(recu as i64, |q| (q - depart.epoch_ms).round() as i64);
        eprintln!("mesure: premier affichage {n} ms après le démarrage (reçu à {recu} ms)");
    }
}

/// Prints "mesure: WHAT N ms après le démarrage" with `GUICHET_MESURES=1`.
fn marque(depart: Instant, quoi: &str) {
    if std::env::var_os("GUICHET_MESURES").is_some() {
        let n = depart.elapsed().as_millis();
        eprintln!("mesure: {quoi} {n} ms après le démarrage");
    }
}

fn main() {
    let depart = Depart {
        instant: Instant::now(),
        epoch_ms: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0),
    };
    let debut = depart.instant;
    tauri::Builder::default()
        .manage(depart)
        .setup(move |_| {
            marque(debut, "fenêtre en préparation");
            Ok(())
        })
        .on_page_load(move |_, charge| {
            marque(
                debut,
                match charge.event() {
                    tauri::webview::PageLoadEvent::Started => "page demandée",
                    tauri::webview::PageLoadEvent::Finished => "page chargée",
                },
            );
        })
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("la fenêtre n'a pas pu s'ouvrir");
}
