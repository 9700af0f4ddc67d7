//! Journey of issue 17's last item: the section's cotisation grid, kept in
//! the settings. The adviser types the adhérent alone's four cotisations,
//! keeps them as a dated grid at the keyboard (« Enregistrer comme
//! grille… »: the adhérent's amounts already there, the conjoint's and a
//! child's typed), closes the app; after a restart the grid is still there,
//! and the three-person household of the foyer journey picks it: each
//! offer's cotisation is adhérent + conjoint + enfant, summed by Rust and
//! written out under the field, the cheapest offer is shown, and the print
//! names the grid.
//!
//! The grid (figures for the journey; none ships), from 01/01/2018:
//! - Initiale 300 + 250 + 50 = 600,00 ; Équilibre 320 + 270 + 60 = 650,00 ;
//!   Référence 345,50 + 290,25 + 64,25 = 700,00 ; Intégrale 390 + 330 + 80
//!   = 800,00: the cotisations the foyer journey types by hand, so its
//!   figures hold (tests/e2e/foyer.rs: reste à charge 512,76 / 502,01 /
//!   428,51 / 403,75 → net 1 112,76 / 1 152,01 / 1 128,51 / 1 203,75,
//!   Initiale the cheapest).
//! - The adhérent alone (consultation 25 €, 1,00 € left under every offer,
//!   case 152) with 300 / 320 / 345,50 / 390: net 301,00 / 321,00 /
//!   346,50 / 391,00.

use crate::bareme_cinq_offres::grille_cinq_offres;
use crate::brouillon::{attendre_brouillon, commande};
use crate::devis::{choisir_au_clavier, raccourci};
use crate::ensure;
use crate::estimation::{attendre_montants, valeur, Saisie};
use crate::foyer::{
    entree_sur, montants_du_cout, montants_du_foyer, offres_moins_cheres, saisir_le_foyer, texte_de,
};
use crate::harness::{App, Result};
use crate::impression::{chemin_garde, mots_du_pdf, regler};
use fantoccini::key::Key;
use std::time::{Duration, Instant};

const LIBELLE: &str = "Section 33 — 2018";

/// Types `texte` where the focus is, then presses Tab.
async fn puis_tab(app: &App, texte: &str) -> Result {
    app.client()
        .active_element()
        .await?
        .send_keys(&format!("{texte}{}", Key::Tab))
        .await?;
    Ok(())
}

/// Waits until nothing matches `css`.
async fn attendre_absence(app: &App, css: &str, quoi: &str) -> Result {
    let debut = Instant::now();
    while app
        .js(&format!(
            "return document.querySelectorAll(\"{css}\").length;"
        ))
        .await?
        != 0
    {
        ensure!(debut.elapsed() < Duration::from_secs(5), "{quoi}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// The adhérent alone, four cotisations typed.
async fn adherent_seul(app: &App) -> Result {
    let mut s = Saisie::ouvrir(app, "15/06/2018", "12/04/1980").await?;
    s.ajouter_soin("generaliste", "consultation_generaliste")
        .await?;
    s.taper("actes[0].frais_reels", "25").await?;
    app.wait_for("[data-chemin='cotisations.initiale']").await?;
    for (offre, montant) in [
        ("initiale", "300"),
        ("equilibre", "320"),
        ("reference", "345,50"),
        ("integrale", "390"),
    ] {
        s.taper(&format!("cotisations.{offre}"), montant).await?;
    }
    let attendus: Vec<(String, &str)> = [
        ("cout-net-initiale", "301,00 €"),
        ("cout-net-equilibre", "321,00 €"),
        ("cout-net-reference", "346,50 €"),
        ("cout-net-integrale", "391,00 €"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    attendre_montants(app, &attendus).await
}

/// « Enregistrer comme grille… »: the adhérent's amounts are those typed;
/// the libellé, the date, the conjoint's and the child's typed with Tab;
/// Entrée keeps it and gives the focus back to the button.
async fn enregistrer_comme_grille(app: &mut App) -> Result {
    entree_sur(app, "[data-grilles-ouvrir='nouvelle']").await?;
    app.wait_for("#grille-libelle:focus").await?;
    ensure!(
        valeur(app, "grille.reference.adherent").await? == "345,50",
        "montant de l'adhérent sous Référence non repris des cotisations saisies"
    );
    puis_tab(app, LIBELLE).await?;
    puis_tab(app, "01/01/2018").await?;
    for (conjoint, enfant) in [
        ("250", "50"),
        ("270", "60"),
        ("290,25", "64,25"),
        ("330", "80"),
    ] {
        // The adhérent's field (filled) is passed over.
        puis_tab(app, "").await?;
        puis_tab(app, conjoint).await?;
        puis_tab(app, enfant).await?;
    }
    app.screenshot("grille-saisie").await?;
    app.assert_accessible("dialogue des grilles").await?;
    app.js(
        "document.querySelector(\"[data-chemin='grille.integrale.enfant']\").focus(); return 1;",
    )
    .await?;
    raccourci(app, &Key::Enter.to_string()).await?;
    attendre_absence(
        app,
        "[data-grilles]",
        "le dialogue reste ouvert après Entrée",
    )
    .await?;
    app.wait_for("[data-grilles-ouvrir='nouvelle']:focus")
        .await?;
    let liste = commande(app, "grilles_lister", "{}").await?;
    let g = &liste[0]["grille"];
    ensure!(
        liste.as_array().map(Vec::len) == Some(1)
            && g["libelle"] == LIBELLE
            && g["date_effet"] == "2018-01-01"
            && g["offres"][2]["offre"] == "reference"
            && g["offres"][2]["adherent"] == "345.50"
            && g["offres"][2]["conjoint"] == "290.25"
            && g["offres"][2]["enfant"] == "64.25",
        "grille enregistrée : {liste}"
    );
    Ok(())
}

/// « Grilles de la section… » lists it; Échap closes and the focus returns.
async fn la_liste_et_echap(app: &App) -> Result {
    entree_sur(app, "[data-grilles-ouvrir='gerer']").await?;
    app.wait_for("[data-grilles='liste'] [data-grilles-action]:focus")
        .await?;
    let t = texte_de(app, "[data-grilles='liste'] tbody").await?;
    ensure!(
        t.contains(LIBELLE) && t.contains("01/01/2018"),
        "liste des grilles : « {t} »"
    );
    raccourci(app, &Key::Escape.to_string()).await?;
    attendre_absence(
        app,
        "[data-grilles]",
        "le dialogue reste ouvert après Échap",
    )
    .await?;
    app.wait_for("[data-grilles-ouvrir='gerer']:focus").await?;
    Ok(())
}

/// After the restart: the draft left aside, the household typed, the grid
/// chosen at the keyboard; the sums, the cheapest offer, the help text.
async fn le_foyer_choisit_la_grille(app: &App) -> Result {
    app.wait_for(".ecran[data-pret='oui']").await?;
    entree_sur(app, "[data-brouillon='abandonner']").await?;
    attendre_absence(
        app,
        "[data-brouillon-propose]",
        "l'offre du brouillon reste affichée",
    )
    .await?;
    saisir_le_foyer(app).await?;
    attendre_montants(app, &montants_du_foyer()).await?;
    let liste = commande(app, "grilles_lister", "{}").await?;
    let id = liste[0]["id"].to_string();
    ensure!(
        liste[0]["grille"]["libelle"] == LIBELLE,
        "grille après redémarrage : {liste}"
    );
    let options = texte_de(app, "[data-chemin='grille']").await?;
    ensure!(
        options.contains("Section 33 — 2018 (01/01/2018)"),
        "grilles proposées : « {options} »"
    );
    choisir_au_clavier(app, "grille", "s", &id).await?;
    // The sums are Rust's (grilles_appliquer): the fields are filled once
    // its answer is in, the help under each field writing the sum out.
    app.wait_for("[data-grille-appliquee]").await?;
    for (offre, attendu) in [
        ("initiale", "600,00"),
        ("equilibre", "650,00"),
        ("reference", "700,00"),
        ("integrale", "800,00"),
    ] {
        let vu = valeur(app, &format!("cotisations.{offre}")).await?;
        ensure!(
            vu == attendu,
            "cotisation {offre} : « {vu} » au lieu de « {attendu} »"
        );
    }
    let detail = app
        .js(
            "const c = document.querySelector(\"[data-chemin='cotisations.reference']\"); \
             return document.getElementById(c.getAttribute('aria-describedby')).textContent;",
        )
        .await?;
    ensure!(
        detail.as_str()
            == Some("adhérent 345,50 € + conjoint 290,25 € + 1 enfant × 64,25 € = 700,00 €"),
        "aide sous la cotisation Référence : {detail}"
    );
    // Through the same command, a person whose relation the grid has no
    // column for is named, not counted as nothing; an offer it lacks is said.
    let autre = commande(
        app,
        "grilles_appliquer",
        &format!(
            "{{ id: {id}, relations: ['adherent', 'autre'], offres: ['reference', 'sommet'] }}"
        ),
    )
    .await?;
    ensure!(
        autre
            == serde_json::json!([
                { "offre": "reference", "montant": null, "detail": "",
                  "manque": ["l'autre bénéficiaire"], "absente": false },
                { "offre": "sommet", "montant": null, "detail": "",
                  "manque": [], "absente": true },
            ]),
        "grille pour un adhérent et un autre bénéficiaire : {autre}"
    );
    attendre_montants(app, &montants_du_cout()).await?;
    let moins_chere = offres_moins_cheres(app).await?;
    ensure!(
        moins_chere == serde_json::json!(["initiale"]),
        "offre surlignée la moins chère : {moins_chere}"
    );
    let aide = texte_de(app, "[data-grille-appliquee]").await?;
    ensure!(
        aide.contains("grille « Section 33 — 2018 » en vigueur au 01/01/2018 (adhérent + conjoint + 1 enfant)"),
        "aide de la grille : « {aide} »"
    );
    attendre_brouillon(app, "la grille du foyer", |t| {
        t.is_some_and(|t| t.contains(LIBELLE) && t.contains("\"reference\":\"700,00\""))
    })
    .await?;
    app.screenshot("foyer-grille-choisie").await?;
    Ok(())
}

/// Ctrl+P: the cost section names the grid.
async fn imprimer(app: &App, copies: &std::path::Path) -> Result {
    let id = "imprimer-estimation";
    regler(app, id, "Section MGEN de la Gironde", copies).await?;
    raccourci(app, &format!("{}p", Key::Control)).await?;
    let t = mots_du_pdf(&chemin_garde(app, id).await?)?;
    for attendu in [
        "Cotisations : grille « Section 33 — 2018 » en vigueur au 01/01/2018",
        "Cotisations de l'année 600,00 € 650,00 € 700,00 € 800,00 €",
        "Coût net de l'année 1 112,76 € 1 152,01 € 1 128,51 € 1 203,75 €",
    ] {
        ensure!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
    }
    Ok(())
}

/// The grid edited (Référence's child 64,25 → 70,00, libellé kept), then
/// deleted after a confirmation that Échap first cancels, the focus back on
/// its button each time; the household's fields keep what was filled.
async fn modifier_puis_supprimer(app: &App) -> Result {
    entree_sur(app, "[data-grilles-ouvrir='gerer']").await?;
    app.wait_for("[data-grilles='liste']").await?;
    entree_sur(app, "[data-grille-modifier]").await?;
    app.wait_for("#grille-libelle:focus").await?;
    let mut s = Saisie::new(app);
    s.taper("grille.reference.enfant", "70").await?;
    raccourci(app, &Key::Enter.to_string()).await?;
    // Opened from the list: back to it, the focus on « Nouvelle grille ».
    app.wait_for("[data-grilles='liste'] [data-grilles-action]:focus")
        .await?;
    let liste = commande(app, "grilles_lister", "{}").await?;
    ensure!(
        liste[0]["grille"]["offres"][2]["enfant"] == "70.00"
            && liste[0]["grille"]["libelle"] == LIBELLE,
        "grille modifiée : {liste}"
    );
    let id = liste[0]["id"].to_string();
    entree_sur(app, "[data-grille-supprimer]").await?;
    app.wait_for("[data-suppression='annuler']:focus").await?;
    raccourci(app, &Key::Escape.to_string()).await?;
    app.wait_for("[data-grille-supprimer]:focus").await?;
    entree_sur(app, "[data-grille-supprimer]").await?;
    app.wait_for("[data-suppression='annuler']:focus").await?;
    raccourci(app, &Key::Tab.to_string()).await?;
    app.wait_for("[data-suppression='confirmer']:focus").await?;
    raccourci(app, &Key::Enter.to_string()).await?;
    app.wait_for("[data-grilles-vide]").await?;
    ensure!(
        commande(app, "grilles_lister", "{}").await? == serde_json::json!([]),
        "grille toujours là après sa suppression"
    );
    let refus = commande(
        app,
        "grilles_appliquer",
        &format!("{{ id: {id}, relations: ['adherent'], offres: ['initiale'] }}"),
    )
    .await
    .err()
    .map(|e| e.to_string())
    .unwrap_or_default();
    ensure!(
        refus.contains(&format!("grille de cotisations n° {id} : introuvable")),
        "grille supprimée appliquée : « {refus} »"
    );
    raccourci(app, &Key::Escape.to_string()).await?;
    app.wait_for("[data-grilles-ouvrir='gerer']:focus").await?;
    ensure!(
        valeur(app, "cotisations.reference").await? == "700,00",
        "cotisation Référence après suppression de la grille"
    );
    Ok(())
}

#[tokio::test]
async fn grille_de_la_section_gardee_et_choisie_par_le_foyer() {
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let dossier = tempfile::Builder::new()
        .prefix("guichet-e2e-grilles-")
        .tempdir()
        .expect("dossier temporaire");
    let db = dossier.path().join("guichet.db");
    let nom = "grilles";
    let etape1 = async {
        let mut app = App::start_on(nom, Some(&db), true).await?;
        let r: Result = async {
            adherent_seul(&app).await?;
            enregistrer_comme_grille(&mut app).await?;
            la_liste_et_echap(&app).await?;
            attendre_brouillon(&app, "l'adhérent seul", |t| {
                t.is_some_and(|t| t.contains("\"integrale\":\"390\""))
            })
            .await?;
            app.assert_healthy("grille enregistrée").await
        }
        .await;
        if r.is_err() {
            let _ = app.screenshot("echec-1").await;
        }
        app.close().await;
        r
    };
    if let Err(e) = etape1.await {
        panic!("{nom}, avant le redémarrage : {e}");
    }
    let app = match App::start_on(nom, Some(&db), false).await {
        Ok(a) => a,
        Err(e) => panic!("{nom} : redémarrage impossible : {e}"),
    };
    let r: Result = async {
        le_foyer_choisit_la_grille(&app).await?;
        imprimer(&app, dossier.path()).await?;
        modifier_puis_supprimer(&app).await?;
        app.assert_healthy("foyer et grille").await
    }
    .await;
    if r.is_err() {
        let _ = app.screenshot("echec-2").await;
    }
    app.close().await;
    if let Err(e) = r {
        panic!("{nom}, après le redémarrage : {e}");
    }
}

/// Under a barème of five offers (tests/bareme_cinq_offres, imported
/// through the CLI before the window starts), the adhérent alone types the
/// five cotisations and the engine gets all five: the GP consultation
/// billed 40 € leaves 2,00 / 21,00 / 6,00 / 18,00 / 12,00 (worked out in
/// tests/bareme_cinq_offres), so with 900 / 410,50 / 600 / 720,25 / 655 a
/// year the net costs are 902,00 / 431,50 / 606,00 / 738,25 / 667,00 and
/// Essentielle is the cheapest.
#[tokio::test]
async fn les_cotisations_des_cinq_offres_d_un_bareme_vont_au_moteur() {
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let dossier = tempfile::Builder::new()
        .prefix("guichet-e2e-cinq-cotisations-")
        .tempdir()
        .expect("dossier temporaire");
    let db = dossier.path().join("guichet.db");
    let grille = dossier.path().join("cinq-offres.toml");
    std::fs::write(&grille, grille_cinq_offres()).expect("grille écrite");
    let import = std::process::Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("--db")
        .arg(&db)
        .args(["bareme", "importer"])
        .arg(&grille)
        .arg("--accepter-non-signe")
        .env_remove("GUICHET_DB")
        .output()
        .expect("lancement de guichet");
    assert!(import.status.success(), "{import:?}");
    let nom = "grilles-cinq-offres";
    let app = match App::start_on(nom, Some(&db), true).await {
        Ok(a) => a,
        Err(e) => panic!("{nom} : démarrage impossible : {e}"),
    };
    let r: Result = async {
        let mut s = Saisie::ouvrir(&app, "15/03/2028", "01/01/1980").await?;
        s.ajouter_soin("generaliste", "consultation_generaliste")
            .await?;
        s.taper("actes[0].frais_reels", "40").await?;
        app.wait_for("[data-chemin='cotisations.equilibre_plus']")
            .await?;
        let offres = [
            ("sommet", "900", "902,00 €"),
            ("essentielle", "410,50", "431,50 €"),
            ("renfort", "600", "606,00 €"),
            ("confort", "720,25", "738,25 €"),
            ("equilibre_plus", "655", "667,00 €"),
        ];
        for (offre, montant, _) in offres {
            s.taper(&format!("cotisations.{offre}"), montant).await?;
        }
        let attendus: Vec<(String, &str)> = offres
            .iter()
            .map(|(o, _, net)| (format!("cout-net-{o}"), *net))
            .collect();
        attendre_montants(&app, &attendus).await?;
        let moins_chere = offres_moins_cheres(&app).await?;
        ensure!(
            moins_chere == serde_json::json!(["essentielle"]),
            "offre surlignée la moins chère : {moins_chere}"
        );
        app.screenshot("cinq-cotisations").await?;
        app.assert_healthy("cinq cotisations").await
    }
    .await;
    if r.is_err() {
        let _ = app.screenshot("echec").await;
    }
    app.close().await;
    if let Err(e) = r {
        panic!("{nom} : {e}");
    }
}
