//! Journey: the Estimation screen stays readable on a 1366×768 laptop and
//! at 200 % zoom (issue 5), and its colours pass WCAG AA contrast.
//!
//! The form and a four-offer result are filled in, then, at each size, no
//! element of the page may stick out of the viewport on the right or the
//! left unless it sits in a container that scrolls horizontally (the result
//! table may scroll inside its box; the page itself must not). 200 % zoom:
//! the window cannot be made smaller than its minimum size (900×600), so
//! the zoom is applied to the page (`zoom: 2` on the root element, what
//! WebKitGTK does for Ctrl + « + » twice): every CSS pixel takes two screen
//! pixels and the layout has half the width, 683 CSS pixels. Screenshots:
//! artifacts/e2e/affichage/.

use crate::ensure;
use crate::estimation::{attendre_montants, par_offre, Saisie};
use crate::harness::{journey, App, Result};
use serde_json::Value;

/// Elements of `main` that stick out of the viewport horizontally outside
/// any horizontally scrolling container, and the page's own overflow.
const DEBORDEMENTS: &str = r#"
const root = document.documentElement;
const zoom = parseFloat(getComputedStyle(root).zoom || '1') || 1;
// Viewport width in the coordinates of getBoundingClientRect: under a CSS
// zoom WebKitGTK gives rectangles in the element's own CSS pixels, while the
// root's clientWidth / scrollWidth stay in window pixels.
const vw = root.clientWidth / zoom;
// `main` scrolls the whole screen: its horizontal scrolling is the page's.
const main = document.querySelector('main');
const defile = el => {
  for (let p = el.parentElement; p && p !== root && p !== main && p !== document.body; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll') return true;
  }
  return false;
};
const nom = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
  (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '') +
  (el.dataset && el.dataset.chemin ? `[data-chemin=${el.dataset.chemin}]` : '');
const hors = [];
for (const el of document.querySelectorAll('body *')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  if (getComputedStyle(el).visibility === 'hidden') continue;
  if ((r.right > vw + 1 || r.left < -1) && !defile(el)) {
    hors.push(`${nom(el)} ${Math.round(r.left)}→${Math.round(r.right)}`);
  }
}
const rect = sel => { const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect(); return [Math.round(r.left), Math.round(r.right), e.scrollWidth, e.clientWidth]; };
return {
  zoom, vw, innerWidth: window.innerWidth, innerHeight: window.innerHeight,
  largeurFenetre: root.clientWidth,
  scrollWidth: Math.max(root.scrollWidth, main ? (main.scrollWidth - main.clientWidth) * zoom + root.clientWidth : 0),
  hors: hors.slice(0, 15), nbHors: hors.length,
  saisie: rect('.colonne.saisie'), resultats: rect('.colonne.resultats'), tableau: rect('.defile'), main: rect('main'),
};
"#;

async fn verifier_largeur(app: &App, contexte: &str) -> Result<Value> {
    let m = app.js(DEBORDEMENTS).await?;
    eprintln!("mesure: affichage {contexte} : {m}");
    let vw = m["largeurFenetre"].as_f64().unwrap_or(0.0);
    let sw = m["scrollWidth"].as_f64().unwrap_or(f64::MAX);
    ensure!(
        sw <= vw + 1.0,
        "{contexte} : la page défile horizontalement (largeur {sw} pour {vw} visibles) : {}",
        m["hors"]
    );
    ensure!(
        m["nbHors"].as_u64() == Some(0),
        "{contexte} : {} élément(s) coupé(s) à droite ou à gauche : {}",
        m["nbHors"],
        m["hors"]
    );
    Ok(m)
}

/// Scrolls the result (or the form) into view, then saves a screenshot.
async fn capture(app: &App, selecteur: &str, nom: &str) -> Result {
    app.js(&format!(
        "document.querySelector(\"{selecteur}\").scrollIntoView({{block: 'start'}}); return 1;"
    ))
    .await?;
    app.screenshot(nom).await?;
    Ok(())
}

/// Runs only axe-core's colour contrast rule and fails on any violation;
/// also fails if the rule is not among axe's rules or checked nothing.
async fn verifier_contraste(app: &mut App, contexte: &str) -> Result {
    // Loads axe (and runs the full check, contrast included, as on every screen).
    app.assert_accessible(contexte).await?;
    let r = app
        .client()
        .execute_async(
            r#"
const done = arguments[arguments.length - 1];
const connue = axe.getRules().some(r => r.ruleId === 'color-contrast');
axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } })
  .then(r => done({ connue,
    violations: r.violations.flatMap(v => v.nodes.map(n => n.target.join(' ') + ' : ' + n.failureSummary)).slice(0, 10),
    verifies: r.passes.reduce((n, p) => n + p.nodes.length, 0),
    indetermines: r.incomplete.reduce((n, p) => n + p.nodes.length, 0) }))
  .catch(e => done({ erreur: String(e) }));
"#,
            vec![],
        )
        .await?;
    eprintln!(
        "mesure: contraste {contexte} : {} éléments vérifiés, {} indéterminés",
        r["verifies"], r["indetermines"]
    );
    ensure!(
        r["erreur"].is_null(),
        "{contexte} : axe a échoué : {}",
        r["erreur"]
    );
    ensure!(
        r["connue"] == Value::Bool(true),
        "{contexte} : la règle color-contrast n'est pas dans axe-core"
    );
    ensure!(
        r["verifies"].as_u64().unwrap_or(0) > 0,
        "{contexte} : color-contrast n'a vérifié aucun élément"
    );
    ensure!(
        r["violations"].as_array().is_some_and(|v| v.is_empty()),
        "{contexte} : contraste insuffisant (WCAG AA) : {}",
        r["violations"]
    );
    Ok(())
}

#[tokio::test]
async fn estimation_lisible_a_1366x768_et_a_200_pourcent() {
    journey("affichage", async |app| {
        app.client().set_window_size(1366, 768).await?;
        // The optics journey of estimation.rs, to have a four-offer result.
        let mut s = Saisie::ouvrir(app, "15/06/2018", "01/03/2008").await?;
        s.lunettes_enfant("reference").await?;
        // Hand-worked in estimation.rs, journey (1).
        attendre_montants(
            app,
            &par_offre("mgen", "total", ["236,00 €", "236,00 €", "275,00 €", "365,00 €"]),
        )
        .await?;
        // The "déjà utilisé" section open too: the longest form.
        app.js("document.querySelector(\"details[data-section='deja-utilise']\").open = true; return 1;")
            .await?;

        let pret = app
            .js("return document.querySelector('.ecran').dataset.pretMs;")
            .await?;
        eprintln!("mesure: formulaire d'estimation interactif {pret} ms après le début du chargement de la page");
        let m = verifier_largeur(app, "1366×768").await?;
        ensure!(
            m["innerWidth"].as_f64().is_some_and(|w| (1300.0..=1366.0).contains(&w)),
            "fenêtre de {} px de large au lieu de 1366",
            m["innerWidth"]
        );
        capture(app, "h1", "1366x768-formulaire").await?;
        capture(app, ".resultats", "1366x768-resultat").await?;
        verifier_contraste(app, "estimation 1366×768").await?;

        app.js("document.documentElement.style.zoom = '2'; return 1;")
            .await?;
        let m = verifier_largeur(app, "zoom 200 %").await?;
        ensure!(
            m["zoom"].as_f64() == Some(2.0),
            "le zoom de la page n'a pas pris : {}",
            m["zoom"]
        );
        capture(app, "h1", "zoom200-formulaire").await?;
        capture(app, "[data-chemin='actes[0].frais_reels']", "zoom200-soin").await?;
        capture(app, ".resultats", "zoom200-resultat").await?;
        capture(app, "[data-cellule='rac-integrale-total']", "zoom200-totaux").await?;
        verifier_contraste(app, "estimation zoom 200 %").await?;
        Ok(())
    })
    .await;
}
