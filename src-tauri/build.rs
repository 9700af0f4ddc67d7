//! Build script: declares the app's own Tauri commands so that the generated
//! permissions cover them and nothing else (see `src-tauri/capabilities/`),
//! and compresses the PDF's fonts for the binary.

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
    "grilles_lister",
    "grilles_enregistrer",
    "grilles_supprimer",
    "grilles_appliquer",
];

/// The faces the PDF embeds (`src-tauri/pdf/fonts.rs`): DejaVu Sans cut by
/// `scripts/polices.sh` to the scripts and symbols it prints, stored compressed.
const POLICES_PDF: &[&str] = &["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

/// Writes `OUT_DIR/<face>.br`, each face compressed with brotli: quality 9
/// takes a fraction of a second (quality 11 would save 8 % more, in thirty
/// times the time, at each rebuild of this script).
fn compresser_polices() {
    let sortie = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    for nom in POLICES_PDF {
        let source = format!("assets/fonts/pdf/{nom}");
        println!("cargo:rerun-if-changed={source}");
        let ttf = std::fs::read(&source).unwrap_or_else(|e| panic!("{source} illisible : {e}"));
        let mut br = Vec::new();
        let parametres = brotli::enc::BrotliEncoderParams {
            quality: 9,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &ttf[..], &mut br, &parametres)
            .unwrap_or_else(|e| panic!("compression de {source} : {e}"));
        std::fs::write(sortie.join(format!("{nom}.br")), br)
            .unwrap_or_else(|e| panic!("écriture de {nom}.br : {e}"));
    }
}

fn main() {
    compresser_polices();
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
