//! A later grid taken in through the Barèmes screen (issue 19): the test
//! grid of `tests/bareme_essai/` (never shipped), unsigned, is imported from
//! its path after the adviser confirms it; « Comparer avec… » the 2018 grid,
//! chosen from the keyboard, shows exactly its changes (two cells, one added
//! row) and prints them; an estimate dated from its date of effect uses it,
//! one the day before keeps the 2018 grid. A grid with five offers under
//! other names (`tests/bareme_cinq_offres`) imports the same way, the table
//! shows its five columns in its order, and the Estimation screen compares
//! its five offers from its date of effect; an estimate saved under it
//! reopens, in a new session, with that grid's offer and name.

use crate::bareme_cinq_offres::{grille_cinq_offres, ATTENDU_2028, NOM, OFFRES};
use crate::bareme_essai::{grille_essai, CASES_MODIFIEES, NOM_ESSAI, RANGEE_AJOUTEE};
use crate::ensure;
use crate::estimation::{attendre_montants, Saisie};
use crate::harness::{fail, journey, App, Result};
use crate::impression::{chemin_garde, regler, texte_pdf};
use fantoccini::key::Key;
use serde_json::Value;
use std::time::{Duration, Instant};

/// Waits until the script `probe` returns something other than null/false.
async fn attendre(app: &App, quoi: &str, probe: &str) -> Result<Value> {
    let debut = Instant::now();
    loop {
        let v = app.js(probe).await?;
        if !(v.is_null() || v == Value::Bool(false)) {
            return Ok(v);
        }
        if debut.elapsed() > Duration::from_secs(10) {
            return Err(fail(format!("{quoi} : rien après 10 s")));
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Types the file's path and presses Entrée; the file is not signed, so the
/// screen asks first; the adviser confirms with the keyboard (Tab to the
/// confirmation, Entrée). The message names the grid `nom` (or its year).
async fn importer_non_signe(app: &App, chemin: &std::path::Path, nom: &str, annee: &str) -> Result {
    let champ = app.wait_for("#chemin-bareme").await?;
    champ
        .send_keys(chemin.to_str().ok_or("chemin non UTF-8")?)
        .await?;
    champ.send_keys(&Key::Enter.to_string()).await?;
    let refus = app
        .wait_for(".import [role=alert][data-code='unsigned_tariff']")
        .await?;
    let message = refus.text().await?;
    ensure!(
        message.contains("sign"),
        "le refus d'un fichier non signé ne le dit pas : {message}"
    );
    let confirmer = app.wait_for(".import button.confirmer").await?;
    confirmer.send_keys(&Key::Enter.to_string()).await?;
    let fait = app.wait_for(".import [data-statut='importe']").await?;
    let message = fait.text().await?;
    ensure!(
        message.contains(nom) || message.contains(annee),
        "message d'import inattendu : {message}"
    );
    Ok(())
}

/// The comparison shown: changed cells as (line, offer, before, after), the
/// added rows as (line, cells), and whether a removed-rows table is shown.
const LECTURE: &str = r#"
const t = e => e.textContent.replace(/\s+/g, ' ').trim();
const rows = sel => [...document.querySelectorAll(sel)];
return {
  modifiees: rows("[data-diff='modifiees'] tbody tr").map(r => [
    t(r.children[1]), r.dataset.case.split('-').pop(),
    t(r.querySelector('[data-avant]')), t(r.querySelector('[data-apres]'))]),
  ajoutees: rows("[data-diff='ajoutees'] tbody tr").map(r => [
    r.dataset.ligne, t(r.querySelector('.variante') || r), [...r.querySelectorAll('[data-offre]')].map(t)]),
  retirees: rows("[data-diff='retirees'] tbody tr").length,
  resume: t(document.querySelector('[data-resume]')),
};
"#;

#[tokio::test]
async fn un_bareme_importe_par_l_ecran_se_compare_et_s_applique_a_sa_date() {
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let dossier = tempfile::Builder::new()
        .prefix("guichet-bareme-")
        .tempdir()
        .unwrap();
    let fichier = dossier.path().join("bareme-essai-2027.toml");
    std::fs::write(&fichier, grille_essai()).unwrap();
    let copies = dossier.path().join("copies");
    journey("baremes-comparer", async |app| {
        app.open_screen("baremes").await?;
        app.wait_for("[data-choix-version]").await?;
        importer_non_signe(app, &fichier, NOM_ESSAI, "2027").await?;
        // The version shown is the one just imported.
        attendre(
            app,
            "version importée affichée",
            &format!(
                "const s = document.querySelector('[data-choix-version]'); return s && s.selectedOptions[0] && s.selectedOptions[0].text.includes({:?}) && !!document.querySelector('[data-comparer]:not([disabled])');",
                NOM_ESSAI
            ),
        )
        .await?;

        // « Comparer avec… »: the list takes the focus with the 2018 grid
        // chosen (the one in force before); Entrée compares.
        let bouton = app.wait_for("[data-comparer]").await?;
        bouton.send_keys(&Key::Enter.to_string()).await?;
        let liste = app.wait_for("select[data-comparer-avec]").await?;
        let choisie = attendre(
            app,
            "liste des versions au focus",
            "const s = document.activeElement; return s && s.matches('[data-comparer-avec]') ? s.selectedOptions[0].text : null;",
        )
        .await?;
        ensure!(
            choisie.as_str().is_some_and(|t| t.contains("MGEN Annexe 2 — 2018")),
            "version proposée : {choisie}"
        );
        liste.send_keys(&Key::Enter.to_string()).await?;
        app.wait_for("[data-resultat-comparaison]").await?;

        let vu = app.js(LECTURE).await?;
        let modifiees: Vec<(String, String, String, String)> =
            serde_json::from_value(vu["modifiees"].clone())?;
        let attendues: Vec<(String, String, String, String)> = CASES_MODIFIEES
            .iter()
            .map(|(l, o, a, b)| (l.to_string(), o.to_string(), a.to_string(), b.to_string()))
            .collect();
        ensure!(
            modifiees == attendues,
            "cases modifiées : {modifiees:?}, attendu {attendues:?}"
        );
        let ajoutees: Vec<(String, String, Vec<String>)> =
            serde_json::from_value(vu["ajoutees"].clone())?;
        let (ligne, panier, cases) = RANGEE_AJOUTEE;
        ensure!(
            ajoutees.len() == 1
                && ajoutees[0].0 == ligne
                && ajoutees[0].1.contains(&format!("panier {panier}"))
                && ajoutees[0].2.iter().map(String::as_str).eq(cases),
            "lignes ajoutées : {ajoutees:?}"
        );
        ensure!(vu["retirees"] == 0, "lignes retirées : {}", vu["retirees"]);
        ensure!(
            vu["resume"]
                .as_str()
                .is_some_and(|r| r.starts_with("2 cases modifiées, 1 ligne ajoutée, 0 ligne retirée")),
            "résumé : {}",
            vu["resume"]
        );
        app.assert_healthy("comparaison des barèmes").await?;
        app.screenshot("comparaison").await?;
        app.assert_accessible("barèmes, comparaison").await?;

        // Printed with Ctrl+P: the PDF kept says the same changes.
        regler(app, "imprimer-comparaison", "Section MGEN du Rhône", &copies).await?;
        app.client()
            .active_element()
            .await?
            .send_keys(&format!("{}p{}", Key::Control, Key::Null))
            .await?;
        let pdf = chemin_garde(app, "imprimer-comparaison").await?;
        let t = texte_pdf(&pdf)?;
        for attendu in [
            "Section MGEN du Rhône",
            "Comparaison de deux versions du barème MGEN",
            "2 cases modifiées, 1 ligne ajoutée, 0 ligne retirée.",
            "30 %",
            "35 %",
            "100 €",
            "120 €",
        ] {
            ensure!(t.contains(attendu), "« {attendu} » absent du PDF :\n{t}");
        }

        // Échap goes back to the table, the focus on « Comparer avec… ».
        app.client()
            .active_element()
            .await?
            .send_keys(&Key::Escape.to_string())
            .await?;
        attendre(
            app,
            "retour au tableau",
            "return !document.querySelector('[data-comparaison]') && document.activeElement && document.activeElement.matches('[data-comparer]') && !!document.querySelector('.section table');",
        )
        .await?;

        // A GP consultation billed 40 € (base G 30 €) under Référence: line 1
        // pays 30 % × 30 = 9,00 € on 31/12/2026 (2018 grid), 35 % × 30 =
        // 10,50 € from 01/01/2027 (test grid); both below 40 − AMO 19 = 21 €.
        for (date, mgen) in [("31/12/2026", "9,00 €"), ("01/01/2027", "10,50 €")] {
            app.open_screen("estimation").await?;
            let mut s = Saisie::ouvrir(app, date, "01/01/1980").await?;
            if app
                .js("return document.querySelector(\"fieldset[data-code='consultation_generaliste']\") === null;")
                .await?
                == Value::Bool(true)
            {
                s.ajouter_soin("generaliste", "consultation_generaliste")
                    .await?;
            }
            s.taper("actes[0].frais_reels", "40").await?;
            attendre_montants(app, &[("mgen-reference-0".to_string(), mgen)]).await?;
        }
        app.screenshot("estimation-2027").await?;
        Ok(())
    })
    .await;
}

/// The headers of the Barèmes table's first section, after « Ligne » and
/// « Prestation »; and of the Estimation screen's result, per offer
/// (code, label).
const ENTETES: &str = r#"
const t = e => e.textContent.replace(/\s+/g, ' ').trim();
return {
  bareme: [...document.querySelectorAll(".section table thead th[scope=col]")].slice(2).map(t),
  estimation: [...document.querySelectorAll(".resultats thead th[data-offre]")].map(e => [e.dataset.offre, t(e)]),
  choix: [...document.querySelectorAll("select[data-chemin='offre'] option")].map(t),
};
"#;

#[tokio::test]
async fn un_bareme_a_cinq_offres_s_importe_et_compare_ses_cinq_offres() {
    std::env::set_var("GUICHET_NE_PAS_OUVRIR", "1");
    let dossier = tempfile::Builder::new()
        .prefix("guichet-cinq-offres-")
        .tempdir()
        .unwrap();
    let fichier = dossier.path().join("bareme-cinq-offres-2028.toml");
    std::fs::write(&fichier, grille_cinq_offres()).unwrap();
    journey("baremes-cinq-offres", async |app| {
        app.open_screen("baremes").await?;
        app.wait_for("[data-choix-version]").await?;
        importer_non_signe(app, &fichier, NOM, "2028").await?;
        attendre(
            app,
            "grille à cinq offres affichée",
            &format!(
                "const s = document.querySelector('[data-choix-version]'); return s && s.selectedOptions[0] && s.selectedOptions[0].text.includes({NOM:?}) && document.querySelectorAll('.section table thead th[scope=col]').length === 7;"
            ),
        )
        .await?;
        let vu = app.js(ENTETES).await?;
        let libelles: Vec<&str> = OFFRES.iter().map(|(_, l, _)| *l).collect();
        ensure!(
            vu["bareme"] == serde_json::json!(libelles),
            "colonnes du barème : {}",
            vu["bareme"]
        );
        app.assert_healthy("barème à cinq offres").await?;
        app.screenshot("bareme-cinq-offres").await?;

        // The Estimation screen from its date of effect: a GP consultation
        // billed 40 € (amounts worked out in tests/bareme_cinq_offres).
        app.open_screen("estimation").await?;
        let mut s = Saisie::ouvrir(app, "15/03/2028", "01/01/1980").await?;
        s.ajouter_soin("generaliste", "consultation_generaliste")
            .await?;
        s.taper("actes[0].frais_reels", "40").await?;
        let francais = |x: &str| format!("{} €", x.replace('.', ","));
        let attendus: Vec<(String, String)> = ATTENDU_2028
            .iter()
            .flat_map(|(code, mgen, reste)| {
                [
                    (format!("mgen-{code}-0"), francais(mgen)),
                    (format!("rac-{code}-0"), francais(reste)),
                ]
            })
            .collect();
        let attendus: Vec<(String, &str)> =
            attendus.iter().map(|(k, v)| (k.clone(), v.as_str())).collect();
        attendre_montants(app, &attendus).await?;
        let vu = app.js(ENTETES).await?;
        let colonnes: Vec<(String, String)> = serde_json::from_value(vu["estimation"].clone())?;
        let attendues: Vec<(String, String)> = OFFRES
            .iter()
            .map(|(c, l, _)| (c.to_string(), l.to_string()))
            .collect();
        ensure!(colonnes == attendues, "colonnes de l'estimation : {colonnes:?}");
        let mut choix = vec!["Comparer les cinq".to_string()];
        choix.extend(libelles.iter().map(|l| l.to_string()));
        ensure!(
            vu["choix"] == serde_json::json!(choix),
            "offres proposées : {}",
            vu["choix"]
        );
        ensure!(
            app.js("return document.querySelector('.resultats .entete').textContent;")
                .await?
                .as_str()
                .is_some_and(|t| t.contains("comparaison des cinq offres")),
            "l'entête ne dit pas « comparaison des cinq offres »"
        );
        app.assert_healthy("estimation à cinq offres").await?;
        app.screenshot("estimation-cinq-offres").await?;
        Ok(())
    })
    .await;
}

/// The CLI on the journey's database (prepared before the window starts).
fn guichet(db: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("GUICHET_DB")
        .output()
        .expect("lancement de guichet")
}

/// A database holding the five-offer grid and one estimate saved under
/// it for the member's offer Renfort (the consultation of
/// `CONSULTATION_2028`: MGEN 15,00 €, reste 6,00 €); returns its number.
fn base_enregistree(dossier: &std::path::Path, db: &std::path::Path) -> String {
    let grille = dossier.join("cinq-offres.toml");
    std::fs::write(&grille, grille_cinq_offres()).unwrap();
    let import = guichet(
        db,
        &[
            "bareme",
            "importer",
            grille.to_str().unwrap(),
            "--accepter-non-signe",
        ],
    );
    assert!(import.status.success(), "{import:?}");
    let doc = dossier.join("renfort.json");
    std::fs::write(
        &doc,
        // As the window saves it: the quantity written out (the screen's
        // reopening reads it).
        crate::bareme_cinq_offres::CONSULTATION_2028
            .replace(
                "\"date\": \"2028-03-15\",",
                "\"date\": \"2028-03-15\", \"offre\": \"renfort\",",
            )
            .replace(
                "\"frais_reels\": \"40.00\"",
                "\"frais_reels\": \"40.00\", \"quantite\": 1",
            ),
    )
    .unwrap();
    let enr = guichet(db, &["historique", "enregistrer", doc.to_str().unwrap()]);
    assert!(enr.status.success(), "{enr:?}");
    String::from_utf8(enr.stdout).unwrap().trim().to_string()
}

#[tokio::test]
async fn une_estimation_a_cinq_offres_se_rouvre_avec_l_offre_de_son_bareme() {
    let dossier = tempfile::Builder::new()
        .prefix("guichet-cinq-offres-rouvrir-")
        .tempdir()
        .unwrap();
    let db = dossier.path().join("guichet.db");
    let numero = base_enregistree(dossier.path(), &db);
    let app = match App::start_on("baremes-cinq-offres-rouvrir", Some(&db), true).await {
        Ok(a) => a,
        Err(e) => panic!("baremes-cinq-offres-rouvrir : démarrage impossible : {e}"),
    };
    let r: Result = async {
        app.wait_for(".ecran[data-pret='oui']").await?;
        // "Rouvrir", as the Historique screen sends it.
        let script = format!(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke('historique_afficher', {{ numero: '{numero}' }})
               .then(d => {{ window.dispatchEvent(new CustomEvent('guichet:rouvrir-estimation', {{ detail: d }})); done('ok'); }})
               .catch(e => done('erreur : ' + JSON.stringify(e)));"
        );
        let rep = app.client().execute_async(&script, vec![]).await?;
        ensure!(rep == Value::String("ok".into()), "rouvrir {numero} : {rep}");
        app.wait_for(&format!("[data-rouvert='{numero}']")).await?;
        attendre_montants(
            &app,
            &[
                ("mgen-renfort-0".to_string(), "15,00 €"),
                ("rac-renfort-0".to_string(), "6,00 €"),
            ],
        )
        .await?;
        // The member's offer under its grid's name, and the five offers of
        // its grid side by side (the member's marked), in the grid's order.
        let choisie = app
            .js("const s = document.querySelector(\"select[data-chemin='offre']\"); return [s.value, s.selectedOptions[0].textContent.trim()];")
            .await?;
        ensure!(
            choisie == serde_json::json!(["renfort", "Essai Renfort"]),
            "offre affichée : {choisie}"
        );
        let vu = app.js(ENTETES).await?;
        let colonnes: Vec<(String, String)> = serde_json::from_value(vu["estimation"].clone())?;
        let codes: Vec<&str> = colonnes.iter().map(|(c, _)| c.as_str()).collect();
        let attendus: Vec<&str> = OFFRES.iter().map(|(c, _, _)| *c).collect();
        ensure!(codes == attendus, "colonnes : {colonnes:?}");
        ensure!(
            colonnes[2].1.starts_with("Essai Renfort") && colonnes[2].1.contains("adhérent"),
            "colonne de l'adhérent : {colonnes:?}"
        );
        attendre_montants(
            &app,
            &[
                ("mgen-sommet-0".to_string(), "19,00 €"),
                ("rac-essentielle-0".to_string(), "21,00 €"),
            ],
        )
        .await?;
        let mut choix = vec!["Comparer les cinq".to_string()];
        choix.extend(OFFRES.iter().map(|(_, l, _)| l.to_string()));
        ensure!(
            vu["choix"] == serde_json::json!(choix),
            "offres proposées : {}",
            vu["choix"]
        );
        app.screenshot("rouverte").await?;
        Ok(())
    }
    .await;
    if r.is_err() {
        let _ = app.screenshot("echec").await;
    }
    app.close().await;
    if let Err(e) = r {
        panic!("baremes-cinq-offres-rouvrir : {e}");
    }
}
