//! Journeys of issue 15 at the keyboard: a shortcut acts once (item 2), the
//! focus comes back to the amount whose explanation Escape closed (4), a
//! date typed over the prefilled date of care replaces it (5), a crown typed
//! « céramo-métallique » on an incisor is accepted and priced (6). Keys go through WebDriver to the real
//! WebKitGTK window, as an adviser's would.

use crate::ensure;
use crate::estimation::{attendre_montants, par_offre, Saisie};
use crate::harness::{journey, App, Result};
use fantoccini::key::Key;
use serde_json::Value;

/// The label shown for the field `chemin` of the act editor.
async fn libelle(app: &App, chemin: &str) -> Result<String> {
    let v = app
        .js(&format!(
            "const c = document.querySelector(\"[data-chemin='{chemin}']\"); return document.querySelector(`label[for='${{c.id}}']`).textContent.trim();"
        ))
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// The `data-cellule` of the focused element (empty when it has none).
async fn cellule_active(app: &App) -> Result<String> {
    let v = app
        .js("const a = document.activeElement; return a && a.dataset && a.dataset.cellule ? a.dataset.cellule : (a ? a.tagName + (a.getAttribute('role') ? '[' + a.getAttribute('role') + ']' : '') : 'aucun');")
        .await?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// Journey (4): Escape on an explanation gives the focus back to the amount
/// that opened it (issue 15, item 3); on the way, the OPTAM field of a
/// specialist says it is required in the parcours de soins and optional out
/// of it (item 4: line 2.1 of the Annexe, in the parcours, has one row per
/// OPTAM status; line 2.2, out of it, none).
///
/// Specialist in the parcours, OPTAM, 15/06/2018, 30 € (no fee beyond the
/// base): the amounts only need to be there; their values are the
/// engine's golden cases' business.
#[tokio::test]
async fn echap_sur_une_explication_rend_le_focus_au_montant() {
    journey("clavier-explication", async |app| {
        let mut s = Saisie::ouvrir(app, "15/06/2018", "01/01/1980").await?;
        s.ajouter_soin("specialiste", "consultation_specialiste")
            .await?;
        let dans = libelle(app, "actes[0].optam").await?;
        ensure!(
            dans == "Médecin OPTAM",
            "dans le parcours, le champ OPTAM est nécessaire : libellé « {dans} »"
        );
        app.wait_for("[data-chemin='assure.parcours_soins']")
            .await?
            .send_keys(" ")
            .await?;
        let hors = libelle(app, "actes[0].optam").await?;
        ensure!(
            hors == "Médecin OPTAM (facultatif)",
            "hors parcours, le champ OPTAM est facultatif : libellé « {hors} »"
        );
        app.wait_for("[data-chemin='assure.parcours_soins']")
            .await?
            .send_keys(" ")
            .await?;
        s.taper("actes[0].frais_reels", "30").await?;
        s.choisir("actes[0].optam", "oui").await?;
        let montant = app.wait_for("[data-cellule='mgen-reference-0']").await?;
        // Enter on the amount (focused as Tab would leave it) opens its
        // explanation, which takes the focus.
        app.js("document.querySelector(\"[data-cellule='mgen-reference-0']\").focus(); return 1;")
            .await?;
        montant.send_keys(&Key::Enter.to_string()).await?;
        app.wait_for("[role=dialog]").await?;
        let dans_dialogue = app
            .js("return !!document.activeElement.closest('[role=dialog]');")
            .await?;
        ensure!(
            dans_dialogue == Value::Bool(true),
            "l'explication ouverte n'a pas le focus : {}",
            cellule_active(app).await?
        );
        app.client()
            .active_element()
            .await?
            .send_keys(&Key::Escape.to_string())
            .await?;
        let ferme = app
            .js("return document.querySelector('[role=dialog]') === null;")
            .await?;
        ensure!(ferme == Value::Bool(true), "Échap n'a pas fermé l'explication");
        let actif = cellule_active(app).await?;
        ensure!(
            actif == "mgen-reference-0",
            "après Échap, le focus est sur « {actif} », pas sur le montant qui a ouvert l'explication"
        );
        // The same through a second amount, closed with its « Fermer » button.
        app.js("document.querySelector(\"[data-cellule='rac-initiale-0']\").focus(); return 1;")
            .await?;
        app.client()
            .active_element()
            .await?
            .send_keys(&Key::Enter.to_string())
            .await?;
        app.wait_for("[role=dialog] button").await?;
        app.js("document.querySelector('[role=dialog] button').focus(); return 1;")
            .await?;
        app.client()
            .active_element()
            .await?
            .send_keys(&Key::Enter.to_string())
            .await?;
        let actif = cellule_active(app).await?;
        ensure!(
            actif == "rac-initiale-0",
            "après « Fermer », le focus est sur « {actif} »"
        );
        app.assert_healthy("explication fermée au clavier").await?;
        Ok(())
    })
    .await;
}

/// Journey (5): the date of care is prefilled with today; a date typed into
/// it, without selecting anything first, replaces it (issue 15, item 5) —
/// the caret where WebDriver leaves it (at the end), then after a click in
/// the middle of the field.
#[tokio::test]
async fn une_date_tapee_remplace_la_date_preremplie() {
    journey("clavier-date", async |app| {
        app.wait_for(".ecran[data-pret='oui']").await?;
        let aujourdhui = app
            .js("const d = new Date(); return [d.getDate(), d.getMonth() + 1].map(n => String(n).padStart(2, '0')).join('/') + '/' + d.getFullYear();")
            .await?;
        let champ = app.wait_for("[data-chemin='date']").await?;
        let avant = champ.prop("value").await?.unwrap_or_default();
        ensure!(
            Value::String(avant.clone()) == aujourdhui,
            "date des soins préremplie : « {avant} », attendu {aujourdhui}"
        );
        champ.send_keys("15/06/2018").await?;
        let apres = champ.prop("value").await?.unwrap_or_default();
        ensure!(
            apres == "15/06/2018",
            "la date tapée s'est ajoutée à la date préremplie : « {apres} »"
        );
        // A date the adviser typed is edited as any text: one more digit
        // goes after it.
        champ.send_keys(&Key::Backspace.to_string()).await?;
        champ.send_keys("9").await?;
        let corrigee = champ.prop("value").await?.unwrap_or_default();
        ensure!(
            corrigee == "15/06/2019",
            "correction d'une date saisie : « {corrigee} »"
        );
        // « Nouvelle » prefills today again; a click then typing replaces it.
        app.wait_for("button[title^='Nouvelle']").await?.click().await?;
        let champ = app.wait_for("[data-chemin='date']").await?;
        let remise = champ.prop("value").await?.unwrap_or_default();
        ensure!(
            Value::String(remise.clone()) == aujourdhui,
            "après « Nouvelle » : « {remise} »"
        );
        champ.click().await?;
        app.client()
            .active_element()
            .await?
            .send_keys("01/02/2018")
            .await?;
        let cliquee = champ.prop("value").await?.unwrap_or_default();
        ensure!(
            cliquee == "01/02/2018",
            "après un clic, la date tapée ne remplace pas la date préremplie : « {cliquee} »"
        );
        // The engine gets the typed date.
        let mut s = Saisie::new(app);
        s.taper("assure.date_naissance", "01/01/1980").await?;
        s.ajouter_soin("generaliste", "consultation_generaliste")
            .await?;
        s.taper("actes[0].frais_reels", "25").await?;
        app.wait_for("[data-resultat-date='2018-02-01']").await?;
        app.assert_healthy("date tapée sur la date préremplie")
            .await?;
        Ok(())
    })
    .await;
}

/// Journey (6): a crown « céramo-métallique » on an incisor, at a dentist
/// conventionné MGEN, is accepted and priced (issue 15, item 6).
///
/// Seed 004, Annexe 2 line 26.3.2.1 (crowns on incisors, canines and
/// premolars, at a dentist conventionné MGEN: « céramo-métallique ou
/// céramo-céramique »): 397,95 € for each of the four offers.
/// Care on 15/06/2018: crown base 107,50 € (assets/tarifs/amo.toml,
/// base.couronne from 2018-01-01), AMO 70 % (taux.dentaire) = 75,25 €, no
/// deduction on dental prostheses. Frais réels 550 €: MGEN 397,95 € (cap
/// 550 − 75,25 = 474,75 € not reached); reste à charge 550 − 75,25 − 397,95
/// = 76,80 € for each offer.
#[tokio::test]
async fn couronne_ceramo_metallique_sur_incisive() {
    journey("clavier-couronne", async |app| {
        let mut s = Saisie::ouvrir(app, "15/06/2018", "01/01/1970").await?;
        s.ajouter_soin("couronne remboursee", "couronne").await?;
        s.taper("actes[0].frais_reels", "550").await?;
        s.choisir("actes[0].conventionne", "oui").await?;
        s.choisir("actes[0].dent", "incisive_canine_premolaire")
            .await?;
        let materiau = libelle(app, "actes[0].materiau").await?;
        ensure!(
            materiau == "Matériau",
            "chez un dentiste conventionné, le matériau est nécessaire : libellé « {materiau} »"
        );
        let options = app
            .js("return [...document.querySelector(\"[data-chemin='actes[0].materiau']\").options].map(o => o.textContent.trim());")
            .await?;
        ensure!(
            options
                .as_array()
                .is_some_and(|o| o.contains(&Value::from("Céramo-métallique"))
                    && o.contains(&Value::from("Céramo-céramique"))),
            "matériaux proposés : {options}"
        );
        s.choisir("actes[0].materiau", "ceramo_metallique").await?;
        let mut attendus = vec![
            ("frais-0".to_string(), "550,00 €"),
            ("amo-0".to_string(), "75,25 €"),
            ("amo-total".to_string(), "75,25 €"),
        ];
        attendus.extend(par_offre("mgen", "0", ["397,95 €"; 4]));
        attendus.extend(par_offre("rac", "0", ["76,80 €"; 4]));
        attendus.extend(par_offre("rac", "total", ["76,80 €"; 4]));
        attendre_montants(app, &attendus).await?;
        let ligne = app
            .js("return document.querySelector(\"[data-ligne-acte='0'] .ref\").textContent;")
            .await?;
        ensure!(
            ligne.as_str().is_some_and(|l| l.contains("26.3.2.1")),
            "ligne de l'Annexe affichée : {ligne}"
        );
        app.assert_healthy("couronne céramo-métallique").await?;
        app.screenshot("couronne-ceramo-metallique").await?;
        Ok(())
    })
    .await;
}

/// Sends a key with a modifier (Ctrl, Alt) to the focused element.
async fn raccourci(app: &App, modificateur: Key, touche: char) -> Result {
    app.client()
        .active_element()
        .await?
        .send_keys(&format!("{modificateur}{touche}{}", Key::Null))
        .await?;
    Ok(())
}

/// Waits until the navigation shows `ecran` as the current screen.
async fn ecran_courant(app: &App, ecran: &str) -> Result {
    app.wait_for(&format!("nav [data-ecran='{ecran}'][aria-current='page']"))
        .await?;
    Ok(())
}

/// Issue 15, item 2: coming back to Estimation does not replay the last
/// shortcut. Ctrl+P on an empty estimate says there is nothing to print (as
/// it should, once); after Alt+2 and Alt+1 the message is not back. Ctrl+S
/// opens the « Enregistrer » form; after Alt+5 and Alt+1 it is not open
/// again.
#[tokio::test]
async fn un_raccourci_agit_une_fois() {
    journey("clavier-raccourcis", async |app| {
        app.wait_for(".ecran[data-pret='oui']").await?;
        app.wait_for("[data-chemin='date']").await?.click().await?;
        raccourci(app, Key::Control, 'p').await?;
        let message = app.wait_for("[role=alert]").await?.text().await?;
        ensure!(
            message.contains("Ajoutez au moins un soin"),
            "Ctrl+P sans soin : « {message} »"
        );
        raccourci(app, Key::Alt, '2').await?;
        ecran_courant(app, "bons").await?;
        raccourci(app, Key::Alt, '1').await?;
        ecran_courant(app, "estimation").await?;
        app.wait_for(".ecran[data-pret='oui']").await?;
        app.assert_healthy("retour sur Estimation après Ctrl+P")
            .await?;
        // Ctrl+S opens the save form; once closed with « Annuler », a
        // screen change must not replay the shortcut. (An open form is kept
        // as the adviser left it across screens: nothing typed is lost.)
        raccourci(app, Key::Control, 's').await?;
        app.wait_for("#enr-initiales").await?;
        app.js("[...document.querySelectorAll('.enregistrement button')]\
             .find((b) => b.textContent.trim() === 'Annuler').click();")
            .await?;
        raccourci(app, Key::Alt, '5').await?;
        ecran_courant(app, "historique").await?;
        raccourci(app, Key::Alt, '1').await?;
        ecran_courant(app, "estimation").await?;
        app.wait_for(".ecran[data-pret='oui']").await?;
        let formulaire = app
            .js("return document.querySelector('#enr-initiales') !== null;")
            .await?;
        ensure!(
            formulaire == Value::Bool(false),
            "le formulaire « Enregistrer » est rouvert en revenant sur Estimation"
        );
        app.assert_healthy("retour sur Estimation après Ctrl+S")
            .await?;
        Ok(())
    })
    .await;
}
