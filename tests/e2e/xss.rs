//! Journey (issue 8): hostile text typed into every text field of every
//! screen runs nothing and shows as typed. `alert`, `confirm` and `prompt`
//! are replaced by recorders first; then, screen by screen (and tab by tab
//! where a screen has tabs), each visible text field gets one of the hostile
//! strings typed in through WebDriver (real key events). After each screen:
//! no recorded call, no uncaught error, no element the strings would create
//! (`img[src=x]`, an inline `<script>` with `alert`, an `on…` attribute),
//! every field still holds exactly what was typed, and `{{7*7}}` never turned
//! into 49. The Historique screen also lists estimates saved (by the CLI, in
//! the app's database) under hostile member references: the list shows them
//! as typed, as text.

use crate::ensure;
use crate::harness::{journey, App, Result};
use serde_json::Value;
use std::process::Command;

const HOSTILES: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "\"><script>alert(2)</script>",
    "javascript:alert(3)",
    "{{7*7}}",
];

/// Replaces the dialogs by recorders (idempotent).
const PIEGES: &str = r#"
if (!window.__xss) {
  window.__xss = [];
  window.alert = m => { window.__xss.push('alert:' + m); };
  window.confirm = m => { window.__xss.push('confirm:' + m); return false; };
  window.prompt = m => { window.__xss.push('prompt:' + m); return null; };
}
return 1;
"#;

/// The visible, enabled text fields of `main`, as indexes into a stable list.
const CHAMPS: &str = r#"
const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
const champs = [...document.querySelectorAll(
  "main input:not([type]), main input[type=text], main input[type=search], main textarea")]
  .filter(e => visible(e) && !e.disabled && !e.readOnly);
champs.forEach((e, i) => e.setAttribute('data-xss', String(i)));
return champs.length;
"#;

/// What the hostile strings would have done if interpreted.
const TRACES: &str = r#"
const traces = [];
for (const i of document.querySelectorAll('img')) {
  const src = i.getAttribute('src') || '';
  if (src === 'x' || src.endsWith('/x')) traces.push('img src=x');
}
for (const s of document.querySelectorAll('script:not([src])')) {
  if (s.textContent.includes('alert')) traces.push('script en ligne : ' + s.textContent);
}
for (const e of document.querySelectorAll('*')) {
  for (const a of e.attributes) {
    if (a.name.startsWith('on') && a.value.includes('alert')) traces.push(e.tagName + ' ' + a.name);
    if ((a.name === 'href' || a.name === 'src') && a.value.trim().toLowerCase().startsWith('javascript:'))
      traces.push(e.tagName + ' ' + a.name + '=' + a.value);
  }
}
return {
  appels: window.__xss || [],
  erreurs: window.__e2eErreurs || [],
  traces,
  quarante_neuf: [...document.querySelectorAll('main input, main textarea')]
    .filter(e => e.value.includes('49') && !e.value.includes('7*7')).length,
};
"#;

async fn verifier(app: &App, ou: &str) -> Result {
    let v = app.js(TRACES).await?;
    for cle in ["appels", "erreurs", "traces"] {
        let liste = v[cle].as_array().cloned().unwrap_or_default();
        ensure!(liste.is_empty(), "{ou} : {cle} : {liste:?}");
    }
    ensure!(
        v["quarante_neuf"] == 0,
        "{ou} : un modèle {{{{7*7}}}} a été évalué"
    );
    Ok(())
}

/// Types a hostile string into every text field shown now; checks each
/// field holds it as typed. Returns how many fields were filled.
async fn remplir(app: &App, ou: &str, decalage: usize) -> Result<usize> {
    app.js(PIEGES).await?;
    let n = app.js(CHAMPS).await?.as_u64().unwrap_or(0) as usize;
    for i in 0..n {
        let h = HOSTILES[(i + decalage) % HOSTILES.len()];
        let css = format!("[data-xss='{i}']");
        let Ok(champ) = app.client().find(fantoccini::Locator::Css(&css)).await else {
            continue; // the form changed (a field appeared or went): skipped
        };
        if !champ.is_displayed().await.unwrap_or(false) {
            continue;
        }
        app.js(&format!(
            "document.querySelector(\"{css}\").scrollIntoView({{block: 'center'}}); return 1;"
        ))
        .await?;
        let _ = champ.clear().await;
        if let Err(e) = champ.send_keys(h).await {
            // A field WebKit will not focus (covered, in a closed panel) is
            // not one the adviser can type into either.
            if e.to_string().contains("not focusable") {
                continue;
            }
            return Err(e.into());
        }
        let valeur = champ.prop("value").await?.unwrap_or_default();
        // A field may limit its length (maxlength): what it holds is a prefix.
        ensure!(
            !valeur.is_empty() && h.starts_with(&valeur),
            "{ou} : champ {i} contient « {valeur} » après la saisie de « {h} »"
        );
    }
    // Leave the last field, so that blur and change handlers run.
    app.js("document.activeElement && document.activeElement.blur(); return 1;")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    verifier(app, ou).await?;
    Ok(n)
}

/// Saves an estimate with the CLI into the running app's database.
fn enregistrer(app: &App, reference: &str) -> Result<String> {
    let fichier = app.artifacts.join("situation-xss.json");
    std::fs::write(
        &fichier,
        r#"{"date": "2018-06-15", "offre": "reference",
            "assure": {"date_naissance": "1983-02-01", "parcours_soins": true, "css": false,
                       "handicap": false, "deja_utilise": {}},
            "actes": [{"code": "consultation_generaliste", "frais_reels": "30.00"}]}"#,
    )?;
    let o = Command::new(env!("CARGO_BIN_EXE_guichet"))
        .arg("--db")
        .arg(&app.db)
        .args(["historique", "enregistrer"])
        .arg(&fichier)
        .args(["--reference", reference])
        .output()?;
    ensure!(
        o.status.success(),
        "enregistrement refusé : {}",
        String::from_utf8_lossy(&o.stderr)
    );
    Ok(String::from_utf8(o.stdout)?.trim().to_string())
}

#[tokio::test]
async fn hostile_text_in_every_field_runs_nothing() {
    journey("xss", async |app| {
        for h in HOSTILES {
            enregistrer(app, h)?;
        }
        let mut total = 0;
        for (k, ecran) in app.nav_screens().await?.iter().enumerate() {
            app.open_screen(ecran).await?;
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            let onglets = app
                .js("return document.querySelectorAll('main [role=tab]').length;")
                .await?
                .as_u64()
                .unwrap_or(0) as usize;
            if onglets == 0 {
                total += remplir(app, ecran, k).await?;
            }
            for t in 0..onglets {
                app.js(&format!(
                    "document.querySelectorAll('main [role=tab]')[{t}].click(); return 1;"
                ))
                .await?;
                tokio::time::sleep(std::time::Duration::from_millis(300)).await;
                total += remplir(app, &format!("{ecran} (onglet {t})"), k + t).await?;
            }
            app.screenshot(&format!("xss-{ecran}")).await?;
        }
        eprintln!("xss : {total} champs de texte trouvés sur les écrans");
        ensure!(total >= 5, "seulement {total} champs de texte trouvés");

        // Historique: the hostile references listed as typed, as text.
        app.open_screen("historique").await?;
        app.js("const c = document.querySelector('main input[type=search], main input'); if (c) { c.value = ''; c.dispatchEvent(new Event('input', {bubbles: true})); } return 1;")
            .await?;
        tokio::time::sleep(std::time::Duration::from_millis(800)).await;
        let texte: Value = app.js("return document.querySelector('main').innerText;").await?;
        let texte = texte.as_str().unwrap_or_default().to_string();
        for h in HOSTILES {
            ensure!(
                texte.contains(h),
                "Historique : la référence « {h} » n'est pas affichée telle quelle :\n{texte}"
            );
        }
        verifier(app, "historique (liste)").await?;
        app.screenshot("xss-historique-liste").await?;
        Ok(())
    })
    .await;
}
