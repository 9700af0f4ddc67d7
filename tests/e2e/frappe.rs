//! The keystroke latency of the Estimation screen, measured in the real
//! window (issue 15: keystroke → totals painted, median and max over ten
//! changes). Printed, never asserted: the machine running the tests is not
//! the adviser's laptop, and a timed assertion would fail at random.
//!
//! In the page, a capturing `keydown` listener notes the time of each key;
//! a `MutationObserver` on the result column sees the total of the
//! reste à charge (Initiale) show the value expected for the change, and the
//! next `requestAnimationFrame` (the frame that paints it) closes the
//! measure: time of that frame − time of the change's last keydown. Works
//! whatever the screen does between the two (debounce, recompute on every
//! key, dropped answers).

use crate::ensure;
use crate::estimation::{attendre_montants, Saisie};
use crate::harness::{fail, journey, App, Result};
use fantoccini::key::Key;
use std::time::{Duration, Instant};

/// Installs the listeners; `window.__frappe.attendu` arms one measure.
const SONDE: &str = r#"
const f = window.__frappe = { derniere: 0, attendu: null, mesures: [] };
window.addEventListener('keydown', () => { f.derniere = performance.now(); }, true);
const cellule = () => {
  const c = document.querySelector("[data-cellule='rac-initiale-total']");
  return c ? c.textContent.replace(/[\u202f\u00a0]/g, ' ').trim() : null;
};
new MutationObserver(() => {
  if (f.attendu !== null && cellule() === f.attendu) {
    const depuis = f.derniere;
    f.attendu = null;
    requestAnimationFrame(() => f.mesures.push(performance.now() - depuis));
  }
}).observe(document.querySelector('.resultats'), { subtree: true, childList: true, characterData: true });
return 1;
"#;

/// Median and max of the measures, in ms.
fn mediane_et_max(mesures: &[f64]) -> (f64, f64) {
    let mut triees = mesures.to_vec();
    triees.sort_by(f64::total_cmp);
    let n = triees.len();
    let mediane = if n % 2 == 1 {
        triees[n / 2]
    } else {
        (triees[n / 2 - 1] + triees[n / 2]) / 2.0
    };
    (mediane, triees[n - 1])
}

/// Waits until the page holds `n` measures; returns them.
async fn attendre_mesures(app: &App, n: usize) -> Result<Vec<f64>> {
    let debut = Instant::now();
    loop {
        let v = app.js("return window.__frappe.mesures;").await?;
        let mesures: Vec<f64> = serde_json::from_value(v)?;
        if mesures.len() >= n {
            return Ok(mesures);
        }
        if debut.elapsed() > Duration::from_secs(10) {
            let vu = app
                .js("const c = document.querySelector(\"[data-cellule='rac-initiale-total']\"); return [window.__frappe.attendu, c && c.textContent];")
                .await?;
            return Err(fail(format!(
                "modification {n} : total jamais affiché (attendu, affiché) = {vu}"
            )));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The glasses of journey (1) (estimation.rs: two progressive lenses in the
/// network and a frame), then ten changes of the lenses' price, one digit
/// each (Backspace + digit: 600 → 601 … 609, then 600). Reste à charge
/// total, Initiale (worked out in estimation.rs): lenses p − 8,78 − 216,
/// frame 61,71 → p − 163,07 (600 → 436,93 €; 601 → 437,93 €).
#[tokio::test]
async fn frappe_jusqu_aux_totaux_peints() {
    journey("frappe-latence", async |app| {
        let mut s = Saisie::ouvrir(app, "15/06/2018", "01/03/2008").await?;
        s.lunettes_enfant("equilibre").await?;
        attendre_montants(app, &[("rac-initiale-total".to_string(), "436,93 €")]).await?;
        app.js(SONDE).await?;
        let champ = app.wait_for("[data-chemin='actes[0].frais_reels']").await?;
        let prix: Vec<u32> = (601..=609).chain([600]).collect();
        for (i, p) in prix.iter().enumerate() {
            let reste = p * 100 - 16307;
            let attendu = format!("{},{:02} €", reste / 100, reste % 100);
            app.js(&format!("window.__frappe.attendu = '{attendu}'; return 1;"))
                .await?;
            let chiffre = p % 10;
            champ
                .send_keys(&format!("{}{chiffre}", Key::Backspace))
                .await?;
            attendre_mesures(app, i + 1).await?;
        }
        let mesures = attendre_mesures(app, prix.len()).await?;
        ensure!(mesures.len() == 10, "10 mesures attendues : {mesures:?}");
        let (mediane, max) = mediane_et_max(&mesures);
        let liste: Vec<String> = mesures.iter().map(|m| format!("{m:.0}")).collect();
        eprintln!(
            "mesure: frappe → totaux peints (10 modifications) : médiane {mediane:.0} ms, max {max:.0} ms ({} ms)",
            liste.join(" ")
        );
        Ok(())
    })
    .await;
}
