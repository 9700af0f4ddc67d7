//! Journeys of issue 15, "nothing typed is lost": the estimate in progress
//! (and the other screens' forms) survives screen changes; the draft kept
//! in the database is offered back after the app was killed (SIGKILL) and
//! restored exactly; coming back to Estimation replays no shortcut.
//!
//! Amounts: a specialist consultation, non-OPTAM, out of the parcours de
//! soins, 15/06/2018, frais réels 50 € (worked out on journey (2) of
//! `estimation.rs`): base 30 € (CS + MPC + MCS); AMO 30 % × 30 = 9,00 minus
//! the 1 € participation forfaitaire = 8,00 €; MGEN line 2.2, 30 % of the
//! base = 9,00 € for the four offers; reste à charge 50 − 8 − 9 = 33,00 €.

use crate::ensure;
use crate::estimation::{attendre_montants, champs_saisis, montants, par_offre, valeur, Saisie};
use crate::harness::{fail, journey, App, Result};
use fantoccini::key::Key;
use serde_json::Value;
use std::time::{Duration, Instant};

/// The specialist consultation above, typed from a fresh form; `naissance`
/// as the adviser types it.
async fn specialiste_hors_parcours(app: &App, naissance: &str, frais: &str) -> Result {
    let mut s = Saisie::ouvrir(app, "15/06/2018", naissance).await?;
    s.cocher("assure.parcours_soins").await?;
    s.ajouter_soin("specialiste", "consultation_specialiste")
        .await?;
    s.taper("actes[0].frais_reels", frais).await?;
    s.choisir("actes[0].optam", "non").await?;
    attendre_montants(app, &montants_specialiste()).await
}

fn montants_specialiste() -> Vec<(String, &'static str)> {
    let mut attendus = vec![("amo-0".to_string(), "8,00 €")];
    attendus.extend(par_offre("mgen", "0", ["9,00 €"; 4]));
    attendus.extend(par_offre("rac", "0", ["33,00 €"; 4]));
    attendus
}

/// Presses a shortcut (modifier + key) where the focus is, as the adviser would.
pub(crate) async fn raccourci_avec(app: &App, modificateur: Key, touche: &str) -> Result {
    app.client()
        .active_element()
        .await?
        .send_keys(&format!("{}{touche}{}", modificateur, Key::Null))
        .await?;
    Ok(())
}

/// Alt+digit, then waits for that screen to be the current one.
pub(crate) async fn ecran_par_clavier(app: &App, chiffre: &str, id: &str) -> Result {
    raccourci_avec(app, Key::Alt, chiffre).await?;
    app.wait_for(&format!("nav [data-ecran='{id}'][aria-current='page']"))
        .await?;
    app.wait_for("main h1").await?;
    Ok(())
}

/// Calls one of the app's commands from the page and returns its answer.
pub(crate) async fn commande(app: &App, nom: &str, args: &str) -> Result<Value> {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('{nom}', {args})
           .then(r => done({{ ok: r === undefined ? null : r }}))
           .catch(e => done({{ erreur: e }}));"
    );
    let r = app.client().execute_async(&script, vec![]).await?;
    match r.get("ok") {
        Some(v) => Ok(v.clone()),
        None => Err(fail(format!("{nom} : {r}"))),
    }
}

/// Waits until the draft in the database satisfies `condition` (its text,
/// None when there is none).
pub(crate) async fn attendre_brouillon(
    app: &App,
    quoi: &str,
    condition: impl Fn(Option<&str>) -> bool,
) -> Result<Option<String>> {
    let debut = Instant::now();
    loop {
        let b = commande(app, "brouillon_lire", "{}").await?;
        let texte = b["contenu"].as_str().map(str::to_string);
        if condition(texte.as_deref()) {
            return Ok(texte);
        }
        if debut.elapsed() > Duration::from_secs(10) {
            return Err(fail(format!("brouillon en base : attendu {quoi}, lu {b}")));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn estimations_enregistrees(app: &App) -> Result<u64> {
    let page = commande(
        app,
        "historique_lister",
        "{ recherche: null, page: 1, par_page: 50 }",
    )
    .await?;
    page["total"]
        .as_u64()
        .ok_or_else(|| fail(format!("historique_lister : {page}")))
}

async fn actes_affiches(app: &App) -> Result<u64> {
    let n = app
        .js("return document.querySelectorAll('fieldset[data-acte]').length;")
        .await?;
    Ok(n.as_u64().unwrap_or(0))
}

/// Journey (1): an estimate typed, then Bons à savoir and Simulateurs
/// opened with Alt+2 and Alt+3 (something typed in each), then Alt+1: the
/// estimate is all there, fields and amounts; the other screens' fields too.
/// Then « Nouvelle » asks before dropping it (Échap keeps it), and drops it
/// once confirmed.
#[tokio::test]
async fn changer_d_ecran_ne_perd_rien() {
    journey("brouillon-ecrans", async |app| {
        specialiste_hors_parcours(app, "01/01/1980", "50").await?;
        let champs = champs_saisis(app).await?;
        let resultat = montants(app).await?;

        ecran_par_clavier(app, "2", "bons").await?;
        let date_fiche = app.wait_for("main input[data-champ]").await?;
        let champ_fiche = date_fiche
            .attr("data-champ")
            .await?
            .ok_or("champ sans data-champ")?;
        date_fiche.send_keys("05/01/2026").await?;
        ecran_par_clavier(app, "3", "simulateurs").await?;
        app.wait_for("#caution-prets-1-montant")
            .await?
            .send_keys("110000")
            .await?;

        ecran_par_clavier(app, "1", "estimation").await?;
        app.wait_for("fieldset[data-acte='0']").await?;
        let champs_apres = champs_saisis(app).await?;
        ensure!(
            champs_apres == champs,
            "champs après Alt+2, Alt+3, Alt+1 : {champs_apres:?}, avant : {champs:?}"
        );
        // The result is there at once (the last one, kept), then recomputed the same.
        let tout_de_suite = montants(app).await?;
        ensure!(
            tout_de_suite == resultat,
            "résultat au retour : {tout_de_suite:?}, avant : {resultat:?}"
        );
        attendre_montants(app, &montants_specialiste()).await?;
        app.assert_healthy("retour sur Estimation").await?;
        app.screenshot("retour-estimation").await?;

        ecran_par_clavier(app, "2", "bons").await?;
        let v = app
            .js(&format!(
                "return document.querySelector(\"main input[data-champ='{champ_fiche}']\").value;"
            ))
            .await?;
        ensure!(v == "05/01/2026", "date de la fiche au retour : {v}");
        ecran_par_clavier(app, "3", "simulateurs").await?;
        let v = app
            .js("return document.getElementById('caution-prets-1-montant').value;")
            .await?;
        ensure!(v == "110000", "montant de la caution au retour : {v}");

        // « Nouvelle » on unsaved work asks; Échap keeps everything.
        ecran_par_clavier(app, "1", "estimation").await?;
        app.wait_for("fieldset[data-acte='0']").await?;
        raccourci_avec(app, Key::Control, "n").await?;
        app.wait_for("[data-abandon] [data-abandon='garder']:focus")
            .await?;
        app.screenshot("nouvelle-demande-confirmation").await?;
        app.assert_accessible("confirmation de « Nouvelle »")
            .await?;
        raccourci_avec(app, Key::Null, &Key::Escape.to_string()).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let reste = app
            .js("return document.querySelectorAll('[data-abandon]').length;")
            .await?;
        ensure!(reste == 0, "la confirmation reste ouverte après Échap");
        ensure!(
            champs_saisis(app).await? == champs,
            "Échap sur la confirmation a changé l'estimation"
        );
        // Confirmed: a new, empty estimate.
        raccourci_avec(app, Key::Control, "n").await?;
        app.wait_for("[data-abandon='confirmer']")
            .await?
            .click()
            .await?;
        let debut = Instant::now();
        while actes_affiches(app).await? > 0 {
            ensure!(
                debut.elapsed() < Duration::from_secs(10),
                "les soins restent après « Abandonner »"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        ensure!(
            valeur(app, "assure.date_naissance").await?.is_empty(),
            "la date de naissance reste après « Abandonner »"
        );
        // Nothing typed now: « Nouvelle » asks nothing.
        raccourci_avec(app, Key::Control, "n").await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let n = app
            .js("return document.querySelectorAll('[data-abandon]').length;")
            .await?;
        ensure!(
            n == 0,
            "« Nouvelle » demande une confirmation sur une estimation vide"
        );
        app.assert_healthy("nouvelle estimation").await?;
        Ok(())
    })
    .await;
}

/// Journey (2): an estimate typed (date of birth typed "1/1/1980", frais
/// réels "50,0": the draft keeps the text as typed, not as read), the app
/// killed with SIGKILL once the draft is in the database, then started
/// again on the same file: the draft is offered (focus on « Reprendre »),
/// the history is still empty, and « Reprendre » puts back every field as
/// it was and the same amounts. Saving it then clears the draft.
#[tokio::test]
async fn apres_kill_9_le_brouillon_est_propose_et_repris_a_l_identique() {
    let dossier = tempfile::Builder::new()
        .prefix("guichet-e2e-brouillon-")
        .tempdir()
        .expect("dossier temporaire");
    let db = dossier.path().join("guichet.db");
    let avant: Result<(Vec<String>, std::collections::BTreeMap<String, String>)> = async {
        let app = App::start_on("brouillon-crash", Some(&db), true).await?;
        let r = async {
            specialiste_hors_parcours(&app, "1/1/1980", "50,0").await?;
            let mut s = Saisie::new(&app);
            s.ajouter_soin("osteo", "osteopathie").await?;
            s.taper("actes[1].frais_reels", "60").await?;
            attendre_montants(&app, &[("amo-1".to_string(), "0,00 €")]).await?;
            let champs = champs_saisis(&app).await?;
            let resultat = montants(&app).await?;
            attendre_brouillon(&app, "les deux soins tels que saisis", |t| {
                t.is_some_and(|t| t.contains("osteopathie") && t.contains(r#""frais_reels":"60""#))
            })
            .await?;
            app.screenshot("avant-kill").await?;
            app.kill_app().await?;
            Ok((champs, resultat))
        }
        .await;
        app.close().await;
        r
    }
    .await;
    let (champs, resultat) = match avant {
        Ok(x) => x,
        Err(e) => panic!("brouillon-crash, avant le kill : {e}"),
    };
    let mut app = match App::start_on("brouillon-crash", Some(&db), false).await {
        Ok(a) => a,
        Err(e) => panic!("brouillon-crash : redémarrage impossible : {e}"),
    };
    let r: Result = async {
        let offre = app
            .wait_for("[data-brouillon-propose]")
            .await?
            .text()
            .await?;
        ensure!(
            offre.contains("2 soins") && offre.contains("naissance 1/1/1980"),
            "l'offre ne résume pas le brouillon : {offre}"
        );
        app.wait_for("[data-brouillon='reprendre']:focus").await?;
        ensure!(
            actes_affiches(&app).await? == 0,
            "le brouillon a été repris sans le demander"
        );
        ensure!(
            estimations_enregistrees(&app).await? == 0,
            "le brouillon est entré dans l'historique sans enregistrement"
        );
        app.assert_healthy("offre du brouillon").await?;
        app.screenshot("offre-brouillon").await?;
        app.assert_accessible("offre du brouillon").await?;

        raccourci_avec(&app, Key::Null, &Key::Enter.to_string()).await?;
        app.wait_for("fieldset[data-acte='1']").await?;
        let n = app
            .js("return document.querySelectorAll('[data-brouillon-propose]').length;")
            .await?;
        ensure!(n == 0, "l'offre reste affichée après « Reprendre »");
        let champs_repris = champs_saisis(&app).await?;
        ensure!(
            champs_repris == champs,
            "champs repris : {champs_repris:?}, avant le kill : {champs:?}"
        );
        let attendus: Vec<(String, &str)> = resultat
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str()))
            .collect();
        attendre_montants(&app, &attendus).await?;
        attendre_montants(&app, &montants_specialiste()).await?;
        app.screenshot("brouillon-repris").await?;

        // Saved: in the history, and no draft left.
        raccourci_avec(&app, Key::Control, "s").await?;
        let initiales = app.wait_for("#enr-initiales").await?;
        initiales.send_keys("AB").await?;
        initiales.send_keys(&Key::Enter.to_string()).await?;
        app.wait_for("[data-numero]").await?;
        ensure!(
            estimations_enregistrees(&app).await? == 1,
            "l'estimation n'est pas dans l'historique"
        );
        attendre_brouillon(&app, "aucun brouillon", |t| t.is_none()).await?;
        app.assert_healthy("brouillon repris puis enregistré")
            .await?;
        Ok(())
    }
    .await;
    if r.is_err() {
        let _ = app.screenshot("echec-2").await;
    }
    app.close().await;
    if let Err(e) = r {
        panic!("brouillon-crash, après redémarrage : {e}");
    }
}

/// Journey (3): coming back to Estimation plays no shortcut again.
/// Ctrl+P on an empty estimate says « Ajoutez au moins un soin avant
/// d'imprimer »; after Alt+2, Alt+1 that message is gone. An estimate saved
/// with Ctrl+S, then reopened from the Historique screen: the « Enregistrer »
/// form is not open again.
#[tokio::test]
async fn revenir_sur_estimation_ne_rejoue_pas_le_dernier_raccourci() {
    journey("brouillon-raccourcis", async |app| {
        app.wait_for(".ecran[data-pret='oui']").await?;
        app.wait_for("#recherche-acte").await?.click().await?;
        raccourci_avec(app, Key::Control, "p").await?;
        let message = app.wait_for("main [role=alert]").await?.text().await?;
        ensure!(
            message.contains("Ajoutez au moins un soin avant d'imprimer"),
            "Ctrl+P sur une estimation vide : {message}"
        );
        ecran_par_clavier(app, "2", "bons").await?;
        ecran_par_clavier(app, "1", "estimation").await?;
        app.wait_for(".ecran[data-pret='oui']").await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        app.assert_healthy("Ctrl+P, Alt+2, Alt+1").await?;

        specialiste_hors_parcours(app, "01/01/1980", "50").await?;
        raccourci_avec(app, Key::Control, "s").await?;
        let initiales = app.wait_for("#enr-initiales").await?;
        initiales.send_keys("CD").await?;
        initiales.send_keys(&Key::Enter.to_string()).await?;
        let numero = app
            .wait_for("[data-numero]")
            .await?
            .attr("data-numero")
            .await?
            .ok_or("numéro absent")?;
        ecran_par_clavier(app, "5", "historique").await?;
        app.wait_for(&format!("[data-rouvrir='{numero}']"))
            .await?
            .click()
            .await?;
        app.wait_for(&format!("[data-rouvert='{numero}']")).await?;
        app.wait_for("nav [data-ecran='estimation'][aria-current='page']")
            .await?;
        tokio::time::sleep(Duration::from_millis(500)).await;
        let formulaire = app
            .js("return document.querySelectorAll('#enr-initiales').length;")
            .await?;
        ensure!(
            formulaire == 0,
            "le formulaire « Enregistrer » est rouvert après « Rouvrir »"
        );
        attendre_montants(app, &montants_specialiste()).await?;
        app.assert_healthy("estimation rouverte").await?;
        app.screenshot("rouverte-sans-formulaire").await?;
        // Reopened, not changed: nothing to lose, « Nouvelle » asks nothing.
        raccourci_avec(app, Key::Control, "n").await?;
        let debut = Instant::now();
        while actes_affiches(app).await? > 0 {
            ensure!(
                debut.elapsed() < Duration::from_secs(10),
                "Ctrl+N n'a pas vidé l'estimation rouverte"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let confirmation = app
            .js("return document.querySelectorAll('[data-abandon]').length;")
            .await?;
        ensure!(
            confirmation == 0,
            "confirmation demandée sans rien à perdre"
        );
        Ok(())
    })
    .await;
}
