//! Journeys of issue 16, item 4, for the dental and hearing devis, typed at
//! the keyboard only with the helpers of the optical one (`devis.rs`): the
//! item the member chose, then the 100 % Santé offer the practitioner must
//! make (Ctrl+Maj+K), both options on screen, printed with Ctrl+P and the
//! PDF read back with pdftotext.
//!
//! - Dental (golden case 166, MGEN Référence, care on 12/03/2026, born
//!   21/09/1968): chosen, a céramo-métallique crown on a second premolar in
//!   tarifs maîtrisés, CCAM HBLD491, 540 €: base 120 € (the crown's
//!   default), AMO 60 % = 72,00 €, MGEN 397,95 € (Annexe 26.3.2.1), left
//!   70,05 €; the 100 % Santé option, a metal crown HBLD038, 290 €: base
//!   120 € from the code, AMO 72,00 €, MGEN 290 − 72 = 218,00 € (HLF
//!   290 €), left 0,00 €.
//! - Hearing (golden case 167, Référence, 12/03/2026, born 10/04/1950):
//!   chosen, a classe II aid out of the AUDISTYA network, 1 800 €: base
//!   400 €, AMO 240,00 €, MGEN 550,00 € (Annexe 29; 790 € within the
//!   1 700 € ceiling), left 1 010,00 €; the classe I option, 950 €: AMO
//!   240,00 €, MGEN 950 − 240 = 710,00 €, left 0,00 €.

use crate::devis::{ajouter_a_l_offre_100_sante, choisir_au_clavier, imprimer_et_lire, ALT};
use crate::ensure;
use crate::estimation::{attendre_montants, Saisie};
use crate::harness::{journey, App, Result};
use crate::impression::regler;
use fantoccini::key::Key;

/// « Comparer les quatre », Initiale, Équilibre, then Référence.
fn reference() -> String {
    Key::Down.to_string().repeat(3)
}

/// The sentence of the member's offer (Référence), as shown.
async fn phrase(app: &App) -> Result<String> {
    let v = app
        .js("const p = document.querySelector(\"[data-phrase-devis='reference']\"); return p ? p.textContent.replace(/[\\u202f\\u00a0]/g, ' ').replace(/\\s+/g, ' ').trim() : '';")
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Both options on screen, the sentence, then Ctrl+P: the PDF holds the
/// sentence and each line with the words given.
async fn verifier_et_imprimer(
    app: &App,
    copies: &std::path::Path,
    nom: &str,
    montants: &[(&str, &str)],
    phrase_attendue: &str,
    dans_le_pdf: &[&str],
) -> Result {
    let montants: Vec<(String, &str)> = montants.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    attendre_montants(app, &montants).await?;
    let dit = phrase(app).await?;
    ensure!(
        dit.contains(phrase_attendue),
        "phrase des deux options : « {dit} »"
    );
    app.js("document.querySelector('[data-deux-options]').scrollIntoView(); return 1;")
        .await?;
    app.assert_healthy(nom).await?;
    app.screenshot(nom).await?;
    let t = imprimer_et_lire(app, "imprimer-estimation", copies, &format!("{nom}.pdf")).await?;
    let phrase_pdf = format!("{phrase_attendue}.");
    for attendu in dans_le_pdf.iter().copied().chain([
        "Offre 100 % Santé du devis — MGEN Référence (votre offre)",
        phrase_pdf.as_str(),
    ]) {
        ensure!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
    }
    Ok(())
}

/// The dental devis of case 166, typed.
async fn saisir_devis_dentaire(app: &App) -> Result {
    let mut s = Saisie::ouvrir(app, "12/03/2026", "21/09/1968").await?;
    let bas = Key::Down.to_string();
    choisir_au_clavier(app, "offre", &reference(), "reference").await?;
    s.ajouter_soin("couronne", "couronne").await?;
    s.taper("actes[0].frais_reels", "540").await?;
    s.taper("actes[0].code_ccam", "HBLD491").await?;
    choisir_au_clavier(app, "actes[0].conventionne", "o", "oui").await?;
    choisir_au_clavier(app, "actes[0].dent", "i", "incisive_canine_premolaire").await?;
    // « — », métallique, céramique, then céramo-métallique.
    choisir_au_clavier(
        app,
        "actes[0].materiau",
        &bas.repeat(3),
        "ceramo_metallique",
    )
    .await?;
    // « — », panier 100 % Santé, then tarifs maîtrisés.
    choisir_au_clavier(app, "actes[0].panier", &bas.repeat(2), "tarifs_maitrises").await?;

    ajouter_a_l_offre_100_sante(app, "couronne", "couronne", 0).await?;
    s.taper(&format!("{ALT}[0].frais_reels"), "290").await?;
    // As a devis may print it: lower case; the screen reads it in capitals.
    s.taper(&format!("{ALT}[0].code_ccam"), "hbld038").await?;
    choisir_au_clavier(app, &format!("{ALT}[0].conventionne"), "o", "oui").await?;
    choisir_au_clavier(
        app,
        &format!("{ALT}[0].dent"),
        "i",
        "incisive_canine_premolaire",
    )
    .await?;
    choisir_au_clavier(app, &format!("{ALT}[0].materiau"), "m", "metallique").await?;
    choisir_au_clavier(app, &format!("{ALT}[0].panier"), &bas, "panier_100_sante").await
}

/// The hearing devis of case 167, typed.
async fn saisir_devis_audition(app: &App) -> Result {
    let mut s = Saisie::ouvrir(app, "12/03/2026", "10/04/1950").await?;
    let bas = Key::Down.to_string();
    choisir_au_clavier(app, "offre", &reference(), "reference").await?;
    s.ajouter_soin("aide auditive", "aide_auditive").await?;
    s.taper("actes[0].frais_reels", "1800").await?;
    choisir_au_clavier(app, "actes[0].reseau", "n", "non").await?;
    // « — », classe I, then classe II.
    choisir_au_clavier(app, "actes[0].panier", &bas.repeat(2), "classe_2").await?;
    ajouter_a_l_offre_100_sante(app, "aide auditive", "aide_auditive", 0).await?;
    s.taper(&format!("{ALT}[0].frais_reels"), "950").await?;
    choisir_au_clavier(app, &format!("{ALT}[0].reseau"), "n", "non").await?;
    choisir_au_clavier(app, &format!("{ALT}[0].panier"), &bas, "classe_1").await
}

#[tokio::test]
async fn devis_dentaire_deux_options_au_clavier() {
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let copies = tempfile::Builder::new()
        .prefix("guichet-devis-dentaire-")
        .tempdir()
        .unwrap();
    journey("devis_dentaire", async |app| {
        app.wait_for(".ecran[data-pret='oui']").await?;
        regler(app, "imprimer-estimation", "Section MGEN de la Gironde", copies.path()).await?;
        saisir_devis_dentaire(app).await?;
        verifier_et_imprimer(
            app,
            copies.path(),
            "devis-dentaire",
            &[
                ("mgen-reference-0", "397,95 €"),
                ("rac-reference-0", "70,05 €"),
                ("alt-amo-0", "72,00 €"),
                ("alt-mgen-reference-0", "218,00 €"),
                ("alt-rac-reference-total", "0,00 €"),
                ("devis-alt-reference", "0,00 €"),
                ("devis-choisi-reference", "70,05 €"),
            ],
            "Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec l'équipement choisi, il vous reste 70,05 €",
            &["code CCAM HBLD491", "code CCAM HBLD038"],
        )
        .await
    })
    .await;
}

#[tokio::test]
async fn devis_audition_deux_options_au_clavier() {
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let copies = tempfile::Builder::new()
        .prefix("guichet-devis-audition-")
        .tempdir()
        .unwrap();
    journey("devis_audition", async |app| {
        app.wait_for(".ecran[data-pret='oui']").await?;
        regler(app, "imprimer-estimation", "Section MGEN de la Gironde", copies.path()).await?;
        saisir_devis_audition(app).await?;
        verifier_et_imprimer(
            app,
            copies.path(),
            "devis-audition",
            &[
                ("mgen-reference-0", "550,00 €"),
                ("rac-reference-0", "1 010,00 €"),
                ("alt-amo-0", "240,00 €"),
                ("alt-mgen-reference-0", "710,00 €"),
                ("alt-rac-reference-total", "0,00 €"),
                ("devis-alt-reference", "0,00 €"),
                ("devis-choisi-reference", "1 010,00 €"),
            ],
            "Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec l'équipement choisi, il vous reste 1 010,00 €",
            &["Aide auditive (par appareil)"],
        )
        .await
    })
    .await;
}
