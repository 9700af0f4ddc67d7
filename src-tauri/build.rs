//! Build script: declares the app's own Tauri commands so that the generated
//! permissions cover them and nothing else (see `src-tauri/capabilities/`).

/// Every `#[tauri::command]` of `commands/`; one permission `allow-<name>` each.
const COMMANDS: &[&str] = &[
    "app_info",
    "ui_ready",
    "baremes_etat",
    "bareme_table",
    "bareme_importer",
    "bareme_comparer",
    "imprimer_comparaison_baremes",
    "list_fiches",
    "build_fiche",
    "simuler_caution",
    "simuler_corem",
    "assistance_prime",
    "assistance_evenement",
    "assistance_enveloppe",
    "imprimer_simulation",
    "historique_enregistrer",
    "historique_lister",
    "historique_afficher",
    "historique_dupliquer",
    "historique_supprimer",
    "historique_reglages",
    "historique_definir_conservation",
    "base_etat",
    "base_restaurer",
    "imprimer_estimation",
    "imprimer_fiche",
    "catalogue",
    "estimer",
    "estimer_foyer",
    "brouillon_lire",
    "brouillon_ecrire",
    "brouillon_effacer",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    // The window embeds the built UI: without it the Tauri macro fails with
    // a message that does not say what to do. Say it here.
    println!("cargo:rerun-if-changed=ui/dist/index.html");
    if !std::path::Path::new("ui/dist/index.html").exists() {
        panic!(
            "ui/dist/index.html manque : construisez l'interface d'abord \
             (scripts/run-app.sh ou scripts/test-all.sh le font ; à la main : \
             cd ui && npm ci && npm run build)"
        );
    }
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("échec de tauri-build");
}
