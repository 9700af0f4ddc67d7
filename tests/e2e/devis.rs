//! Journey of issue 16, item 4: an optical devis at the counter, typed at
//! the keyboard only — the equipment the member chose (classe B progressive
//! lenses and frame) and the 100 % Santé offer the optician must make
//! (classe A lenses with the price limit printed on the devis, classe A
//! frame, added with Ctrl+Maj+K; the price limit asked by the engine next
//! to its field) — both options on screen, printed with
//! Ctrl+P and the PDF read back with pdftotext, then saved, and reopened
//! from the history with its 100 % Santé option.
//!
//! The situation is golden case 145 (tests/cases/145_devis_deux_options_optique.toml),
//! whose amounts are worked by hand there: born 07/07/1966, care on
//! 20/06/2026, MGEN Équilibre.
//! - Chosen, classe B: two progressive lenses 600 € (base 0,10 €): AMO
//!   0,06 €, MGEN 2 × 85 = 170,00 €, left 429,94 €; frame 150 € (base
//!   0,05 €): AMO 0,03 €, MGEN 30,00 €, left 119,97 €; total left 549,91 €.
//! - 100 % Santé, classe A: two lenses 170 € (base 10 €, price limit of the
//!   devis 170 €): AMO 6,00 €, MGEN 164,00 €, left 0; frame 30 € (base 9 €,
//!   price limit 30 € from the data): AMO 5,40 €, MGEN 24,60 €, left 0;
//!   total left 0,00 €.

use crate::ensure;
use crate::estimation::{attendre_montants, Saisie};
use crate::harness::{fail, journey, App, Result};
use crate::impression::{chemin_garde, mots_du_pdf, regler};
use fantoccini::key::Key;
use std::time::{Duration, Instant};

pub(crate) const ALT: &str = "alternative_100_sante";

/// Picks an option of a select as at the keyboard: the focus on the field,
/// then the first letters of the option's label (type-ahead) or arrows.
pub(crate) async fn choisir_au_clavier(
    app: &App,
    chemin: &str,
    lettres: &str,
    valeur: &str,
) -> Result {
    let champ = app.wait_for(&format!("[data-chemin='{chemin}']")).await?;
    app.js(&format!(
        "document.querySelector(\"[data-chemin='{chemin}']\").focus(); return 1;"
    ))
    .await?;
    champ.send_keys(lettres).await?;
    let debut = Instant::now();
    loop {
        let v = app
            .js(&format!(
                "return document.querySelector(\"[data-chemin='{chemin}']\").value;"
            ))
            .await?;
        if v.as_str() == Some(valeur) {
            return Ok(());
        }
        ensure!(
            debut.elapsed() < Duration::from_secs(5),
            "« {chemin} » : « {lettres} » tapé, valeur {v} au lieu de « {valeur} »"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Presses keys together (modifiers then a key) where the focus is.
pub(crate) async fn raccourci(app: &App, touches: &str) -> Result {
    app.client()
        .active_element()
        .await?
        .send_keys(&format!("{touches}{}", Key::Null))
        .await?;
    Ok(())
}

/// Ctrl+Maj+K, then the search of the 100 % Santé option: Enter takes the
/// first proposal; waits for its editor.
pub(crate) async fn ajouter_a_l_offre_100_sante(
    app: &App,
    requete: &str,
    code: &str,
    n: usize,
) -> Result {
    raccourci(app, &format!("{}{}k", Key::Control, Key::Shift)).await?;
    let actif = app.js("return document.activeElement.id;").await?;
    ensure!(
        actif.as_str() == Some("recherche-alternative"),
        "Ctrl+Maj+K : le focus est sur « {actif} », pas sur la recherche de l'offre 100 % Santé"
    );
    let champ = app.wait_for("#recherche-alternative").await?;
    champ.send_keys(requete).await?;
    app.wait_for(&format!(
        "#liste-alternative [role=option][aria-selected=true][data-code='{code}']"
    ))
    .await?;
    champ.send_keys(&Key::Enter.to_string()).await?;
    app.wait_for(&format!(
        "fieldset[data-liste='{ALT}'][data-acte='{n}'][data-code='{code}']"
    ))
    .await?;
    Ok(())
}

/// The two options' amounts of case 145 under Équilibre, and the acts'.
fn montants_devis() -> Vec<(String, &'static str)> {
    [
        ("rac-equilibre-0", "429,94 €"),
        ("rac-equilibre-1", "119,97 €"),
        ("mgen-equilibre-total", "200,00 €"),
        ("rac-equilibre-total", "549,91 €"),
        ("alt-amo-0", "6,00 €"),
        ("alt-mgen-equilibre-0", "164,00 €"),
        ("alt-amo-1", "5,40 €"),
        ("alt-mgen-equilibre-1", "24,60 €"),
        ("alt-rac-equilibre-total", "0,00 €"),
        ("devis-alt-equilibre", "0,00 €"),
        ("devis-choisi-equilibre", "549,91 €"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The sentence of the member's offer, as shown.
async fn phrase(app: &App) -> Result<String> {
    let v = app
        .js("const p = document.querySelector(\"[data-phrase-devis='equilibre']\"); return p ? p.textContent.replace(/[\\u202f\\u00a0]/g, ' ').replace(/\\s+/g, ' ').trim() : '';")
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

const PHRASE: &str = "Avec l'offre 100 % Santé du devis, il vous reste 0,00 € ; avec l'équipement choisi, il vous reste 549,91 €";

/// The member and the equipment chosen (classe B), then the 100 % Santé option.
async fn saisir_le_devis(app: &App) -> Result {
    let mut s = Saisie::ouvrir(app, "20/06/2026", "07/07/1966").await?;
    // Arrows from the first option: « Comparer les quatre », then Initiale,
    // then Équilibre; for a basket, « — », classe A, then classe B.
    let bas = Key::Down.to_string();
    let deux_fois_bas = format!("{bas}{bas}");
    choisir_au_clavier(app, "offre", &deux_fois_bas, "equilibre").await?;
    saisir_le_devis_optique(app, &mut s).await
}

/// The optical devis of case 145 typed for the person shown: the equipment
/// chosen (classe B progressive lenses and frame), then its 100 % Santé
/// option (classe A) with the price limit the engine asks for.
pub(crate) async fn saisir_le_devis_optique(app: &App, s: &mut Saisie<'_>) -> Result {
    let bas = Key::Down.to_string();
    let deux_fois_bas = format!("{bas}{bas}");
    s.ajouter_soin("verres progressifs", "verre_progressif")
        .await?;
    s.taper("actes[0].frais_reels", "600").await?;
    s.taper("actes[0].quantite", "2").await?;
    s.taper("actes[0].brss", "0,10").await?;
    choisir_au_clavier(app, "actes[0].reseau", "n", "non").await?;
    choisir_au_clavier(app, "actes[0].panier", &deux_fois_bas, "classe_b").await?;
    s.ajouter_soin("monture", "monture").await?;
    s.taper("actes[1].frais_reels", "150").await?;
    s.taper("actes[1].brss", "0,05").await?;
    choisir_au_clavier(app, "actes[1].panier", &deux_fois_bas, "classe_b").await?;

    ajouter_a_l_offre_100_sante(app, "verres progressifs", "verre_progressif", 0).await?;
    s.taper(&format!("{ALT}[0].frais_reels"), "170").await?;
    s.taper(&format!("{ALT}[0].quantite"), "2").await?;
    s.taper(&format!("{ALT}[0].brss"), "10").await?;
    choisir_au_clavier(app, &format!("{ALT}[0].reseau"), "n", "non").await?;
    choisir_au_clavier(app, &format!("{ALT}[0].panier"), &bas, "classe_a").await?;
    // Classe A lenses: our sources give no price limit, the engine asks for
    // the devis's (case 148), next to that field of the option's act.
    let chemin = format!("{ALT}[0].prix_limite");
    let erreur = app
        .wait_for(&format!("[data-erreur-de='{chemin}']"))
        .await?
        .text()
        .await?;
    ensure!(
        erreur.contains("prix limite du devis à saisir"),
        "message sous « {chemin} » : {erreur}"
    );
    s.taper(&chemin, "170").await?;
    ajouter_a_l_offre_100_sante(app, "monture", "monture", 1).await?;
    s.taper(&format!("{ALT}[1].frais_reels"), "30").await?;
    s.taper(&format!("{ALT}[1].brss"), "9").await?;
    choisir_au_clavier(app, &format!("{ALT}[1].panier"), &bas, "classe_a").await
}

#[tokio::test]
async fn devis_optique_deux_options_au_clavier() {
    // Read by the app started below (through tauri-driver's environment).
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let copies = tempfile::Builder::new()
        .prefix("guichet-devis-")
        .tempdir()
        .unwrap();
    journey("devis", async |app| {
        let id = "imprimer-estimation";
        app.wait_for(".ecran[data-pret='oui']").await?;
        regler(app, id, "Section MGEN de la Gironde", copies.path()).await?;
        saisir_le_devis(app).await?;
        attendre_montants(app, &montants_devis()).await?;
        let dit = phrase(app).await?;
        ensure!(dit.contains(PHRASE), "phrase des deux options : « {dit} »");
        // The member's offer is highlighted in the comparison.
        let surligne = app
            .js("return [...document.querySelectorAll('[data-deux-options] thead th.membre')].map(t => t.dataset.offre);")
            .await?;
        ensure!(
            surligne == serde_json::json!(["equilibre"]),
            "offre de l'adhérent surlignée : {surligne}"
        );
        // An amount of the option opens its explanation: the price limit.
        app.js("document.querySelector(\"[data-cellule='alt-mgen-equilibre-0']\").focus(); return 1;")
            .await?;
        app.wait_for("[data-cellule='alt-mgen-equilibre-0']")
            .await?
            .send_keys(&Key::Enter.to_string())
            .await?;
        let texte = app.wait_for("[role=dialog]").await?.text().await?;
        ensure!(
            texte.contains("Offre 100 % Santé du devis") && texte.contains("prix limite") && texte.contains("164,00"),
            "l'explication du montant MGEN de l'offre 100 % Santé : {texte}"
        );
        raccourci(app, &Key::Escape.to_string()).await?;
        app.screenshot("devis-explication-fermee").await?;
        app.js(&format!("document.querySelector(\"section[data-liste='{ALT}']\").scrollIntoView(); return 1;"))
            .await?;
        app.screenshot("devis-saisie-offre-100-sante").await?;
        app.js("document.querySelector('[data-deux-options]').scrollIntoView(); return 1;")
            .await?;
        app.assert_healthy("devis à deux options").await?;
        app.screenshot("devis-deux-options").await?;
        app.assert_accessible("devis à deux options").await?;

        imprimer_et_relire(app, id, copies.path()).await?;
        enregistrer_vider_rouvrir(app).await?;
        Ok(())
    })
    .await;
}

/// Ctrl+P, then the PDF kept in the copies folder, read back with
/// pdftotext, its words joined by single spaces; the PDF is kept with the
/// screenshots as `nom` (to look at with pdftoppm).
pub(crate) async fn imprimer_et_lire(
    app: &App,
    id: &str,
    copies: &std::path::Path,
    nom: &str,
) -> Result<String> {
    raccourci(app, &format!("{}p", Key::Control)).await?;
    let chemin = chemin_garde(app, id).await?;
    ensure!(
        chemin.parent() == Some(copies),
        "copie gardée dans {}",
        chemin.display()
    );
    std::fs::copy(&chemin, app.artifacts.join(nom))?;
    mots_du_pdf(&chemin)
}

/// Every phrase of `attendus` is in the PDF's text `t` (as read by
/// [`imprimer_et_lire`]).
pub(crate) fn pdf_contient(t: &str, attendus: &[&str]) -> Result {
    for attendu in attendus {
        ensure!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
    }
    Ok(())
}

/// Ctrl+P, then the PDF kept in the copies folder, read back.
async fn imprimer_et_relire(app: &App, id: &str, copies: &std::path::Path) -> Result {
    let t = imprimer_et_lire(app, id, copies, "devis.pdf").await?;
    pdf_contient(
        &t,
        &[
            "Section MGEN de la Gironde",
            "Offre 100 % Santé du devis — MGEN Équilibre (votre offre)",
            &format!("{PHRASE}."),
        ],
    )
}

/// Ctrl+S, Ctrl+N, then « Rouvrir » in the history: the option comes back.
async fn enregistrer_vider_rouvrir(app: &App) -> Result {
    raccourci(app, &format!("{}s", Key::Control)).await?;
    let initiales = app.wait_for("#enr-initiales").await?;
    initiales.send_keys("EF").await?;
    initiales.send_keys(&Key::Enter.to_string()).await?;
    let numero = app
        .wait_for("[data-numero]")
        .await?
        .attr("data-numero")
        .await?
        .ok_or("numéro absent")?;
    raccourci(app, &format!("{}n", Key::Control)).await?;
    let debut = Instant::now();
    while app
        .js("return document.querySelectorAll('fieldset[data-code]').length;")
        .await?
        .as_u64()
        != Some(0)
    {
        ensure!(
            debut.elapsed() < Duration::from_secs(10),
            "Ctrl+N n'a pas vidé le devis enregistré"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    raccourci(app, &format!("{}5", Key::Alt)).await?;
    let rouvrir = app.wait_for(&format!("[data-rouvrir='{numero}']")).await?;
    app.js(&format!(
        "document.querySelector(\"[data-rouvrir='{numero}']\").focus(); return 1;"
    ))
    .await?;
    rouvrir.send_keys(&Key::Enter.to_string()).await?;
    app.wait_for(&format!("[data-rouvert='{numero}']")).await?;
    let rouverte = app
        .js(&format!(
            "return [...document.querySelectorAll(\"fieldset[data-liste='{ALT}']\")].map(f => f.dataset.code + ' ' + f.querySelector(\"[data-chemin$='.panier']\").value + ' ' + f.querySelector(\"[data-chemin$='.prix_limite']\").value);"
        ))
        .await?;
    ensure!(
        rouverte == serde_json::json!(["verre_progressif classe_a 170", "monture classe_a "]),
        "offre 100 % Santé rouverte : {rouverte}"
    );
    attendre_montants(app, &montants_devis()).await?;
    app.assert_healthy("devis rouvert").await?;
    app.screenshot("devis-rouvert")
        .await
        .map_err(|e| fail(format!("capture : {e}")))?;
    Ok(())
}
