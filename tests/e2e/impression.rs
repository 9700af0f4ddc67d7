//! Printing from the window: the adviser sets the section's name and the
//! copies folder in "Réglages d'impression", fills a simple estimate, presses
//! Ctrl+P, and the PDF kept in that folder (read back with pdftotext) shows
//! the amounts worked out by hand; then the same for a "bon à savoir".
//! `GUICHET_NE_PAS_OUVRIR` keeps the system viewer closed (nothing to click
//! in it under Xvfb); the app inherits it through tauri-driver.

use crate::ensure;
use crate::harness::{fail, journey, App, Result};
use fantoccini::key::Key;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

async fn taper(app: &App, css: &str, texte: &str) -> Result {
    let champ = app.wait_for(css).await?;
    champ.clear().await?;
    champ.send_keys(texte).await?;
    Ok(())
}

/// Waits until the cell `data-cellule=<id>` shows `attendu`.
async fn attendre_cellule(app: &App, id: &str, attendu: &str) -> Result {
    let debut = Instant::now();
    loop {
        let vu = app
            .js(&format!(
                "const c = document.querySelector(\"[data-cellule='{id}']\"); return c ? c.textContent.replace(/[\\u202f\\u00a0]/g, ' ').trim() : null;"
            ))
            .await?;
        if vu.as_str() == Some(attendu) {
            return Ok(());
        }
        if debut.elapsed() > Duration::from_secs(10) {
            return Err(fail(format!("{id} : attendu « {attendu} », affiché {vu}")));
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Opens "Réglages d'impression" of the button `id`, types the section and
/// the folder, and saves with Enter.
pub(crate) async fn regler(app: &App, id: &str, section: &str, dossier: &Path) -> Result {
    app.wait_for(&format!(
        "[data-impression='{id}'] button[aria-controls='{id}-reglages']"
    ))
    .await?
    .click()
    .await?;
    taper(app, &format!("#{id}-section"), section).await?;
    let d = app.wait_for(&format!("#{id}-dossier")).await?;
    d.clear().await?;
    d.send_keys(dossier.to_str().ok_or("chemin non UTF-8")?)
        .await?;
    d.send_keys(&Key::Enter.to_string()).await?;
    let debut = Instant::now();
    while app
        .js(&format!(
            "return document.getElementById('{id}-reglages') !== null;"
        ))
        .await?
        .as_bool()
        .unwrap_or(true)
    {
        ensure!(
            debut.elapsed() < Duration::from_secs(10),
            "les réglages d'impression ne se referment pas après Entrée"
        );
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Ok(())
}

/// The path shown once the copy is kept, waited for.
pub(crate) async fn chemin_garde(app: &App, id: &str) -> Result<PathBuf> {
    let el = app
        .wait_for(&format!("#{id}-etat [data-chemin]"))
        .await
        .map_err(|e| fail(format!("aucun chemin de copie affiché ({e})")))?;
    Ok(PathBuf::from(
        el.attr("data-chemin").await?.ok_or("data-chemin vide")?,
    ))
}

pub(crate) fn texte_pdf(p: &Path) -> Result<String> {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(p)
        .arg("-")
        .output()?;
    ensure!(
        out.status.success(),
        "pdftotext a échoué sur {}",
        p.display()
    );
    Ok(String::from_utf8(out.stdout)?)
}

/// The PDF's text as one line of words: every run of spaces, line breaks,
/// narrow and plain no-break spaces made one space, so that a row of a
/// table reads as the sentence a test looks for.
pub(crate) fn mots_du_pdf(p: &Path) -> Result<String> {
    Ok(texte_pdf(p)?
        .split(|c: char| c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}')
        .filter(|m| !m.is_empty())
        .collect::<Vec<_>>()
        .join(" "))
}

#[tokio::test]
async fn ctrl_p_keeps_the_estimate_pdf_in_the_chosen_folder() {
    // Read by the app started below (through tauri-driver's environment).
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let copies = tempfile::Builder::new()
        .prefix("guichet-copies-")
        .tempdir()
        .unwrap();
    journey("impression", async |app| {
        let id = "imprimer-estimation";
        app.wait_for(".ecran[data-pret='oui']").await?;
        regler(app, id, "Section MGEN du Rhône", copies.path()).await?;
        // domain.md, first worked example: GP consultation in parcours on
        // 15/06/2018, FR 30 €, BRSS 25 €: AMO 25 × 70 % − 1,00 participation
        // = 16,50 ; MGEN Référence line 1, 30 % × 25 = 7,50 ;
        // reste à charge 30 − 16,50 − 7,50 = 6,00.
        taper(app, "[data-chemin='date']", "15/06/2018").await?;
        taper(app, "[data-chemin='assure.date_naissance']", "01/02/1983").await?;
        app.js("const s = document.querySelector(\"[data-chemin='offre']\"); s.value = 'reference'; s.dispatchEvent(new Event('change', {bubbles: true})); return s.value;")
            .await?;
        let recherche = app.wait_for("#recherche-acte").await?;
        recherche.send_keys("generaliste").await?;
        app.wait_for("#liste-actes [role=option][aria-selected=true][data-code='consultation_generaliste']")
            .await?;
        recherche.send_keys(&Key::Enter.to_string()).await?;
        taper(app, "[data-chemin='actes[0].frais_reels']", "30").await?;
        taper(app, "[data-chemin='actes[0].brss']", "25").await?;
        attendre_cellule(app, "amo-0", "16,50 €").await?;
        attendre_cellule(app, "mgen-reference-0", "7,50 €").await?;
        attendre_cellule(app, "rac-reference-0", "6,00 €").await?;

        let debut = Instant::now();
        app.client()
            .active_element()
            .await?
            .send_keys(&format!("{}p{}", Key::Control, Key::Null))
            .await?;
        let chemin = chemin_garde(app, id).await?;
        let duree = debut.elapsed();
        eprintln!(
            "mesure: Ctrl+P → chemin de la copie affiché : {} ms",
            duree.as_millis()
        );
        ensure!(
            chemin.parent() == Some(copies.path()),
            "copie gardée dans {} au lieu de {}",
            chemin.display(),
            copies.path().display()
        );
        ensure!(chemin.is_file(), "{} n'existe pas", chemin.display());
        let t = texte_pdf(&chemin)?;
        for attendu in [
            "Section MGEN du Rhône",
            "MGEN Référence (votre offre)",
            "15/06/2018",
            "16,50 €",
            "7,50 €",
            "6,00 €",
            "30,00 €",
        ] {
            ensure!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
        }
        let garde = app
            .js("return localStorage.getItem('guichet.impression');")
            .await?;
        ensure!(
            garde.as_str().is_some_and(|g| g.contains("du Rhône")),
            "réglages non gardés : {garde}"
        );
        app.assert_healthy("impression de l'estimation").await?;
        app.screenshot("estimation-imprimee").await?;

        // The checklist: the same settings, printed with Ctrl+P on its screen.
        app.open_screen("bons").await?;
        app.wait_for("[data-fiche-choix='maternite']")
            .await?
            .click()
            .await?;
        taper(app, "[data-champ='debut_grossesse']", "10/03/2026").await?;
        let terme = app.wait_for("[data-champ='terme']").await?;
        terme.clear().await?;
        terme.send_keys("10/12/2026").await?;
        terme.send_keys(&Key::Enter.to_string()).await?;
        app.wait_for("[data-fiche='maternite']").await?;
        app.wait_for("[data-imprimer='imprimer-fiche']").await?;
        // Ctrl+P on this screen prints the checklist shown (App.svelte).
        app.client()
            .active_element()
            .await?
            .send_keys(&format!("{}p{}", Key::Control, Key::Null))
            .await?;
        let fiche = chemin_garde(app, "imprimer-fiche").await?;
        ensure!(
            fiche.parent() == Some(copies.path()),
            "fiche gardée dans {}",
            fiche.display()
        );
        let t = texte_pdf(&fiche)?;
        // 10/03/2026 + 3 months − 1 day = 09/06/2026 ; + 5 months = 10/08/2026.
        for attendu in ["Section MGEN du Rhône", "09/06/2026", "10/08/2026"] {
            ensure!(t.contains(attendu), "« {attendu} » absent de la fiche :\n{t}");
        }
        app.assert_healthy("impression de la fiche").await?;
        app.screenshot("fiche-imprimee").await?;
        app.assert_accessible("bons à savoir, fiche imprimée").await?;
        Ok(())
    })
    .await;
}
