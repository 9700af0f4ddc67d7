//! A bare Tauri 2 app: one window showing `dist/index.html`. Its only
//! command, `ui_ready`, is the one Guichet's page calls after its first
//! painted frame: with `GUICHET_MESURES=1` it prints the same line
//! ("mesure: premier affichage N ms"), so `scripts/mesures.sh` reads both
//! apps the same way.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::time::Instant;

struct Depart(Instant);

#[tauri::command]
fn ui_ready(depart: tauri::State<'_, Depart>) {
    if std::env::var_os("GUICHET_MESURES").is_some() {
        eprintln!(
            "mesure: premier affichage {} ms après le démarrage",
            depart.0.elapsed().as_millis()
        );
    }
}

fn main() {
    let depart = Depart(Instant::now());
    tauri::Builder::default()
        .manage(depart)
        .invoke_handler(tauri::generate_handler![ui_ready])
        .run(tauri::generate_context!())
        .expect("la fenêtre n'a pas pu s'ouvrir");
}
