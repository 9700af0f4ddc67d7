//! Journey: the harness's own checks catch what they claim to catch. Faults
//! are planted in the running page (an alert, an uncaught error, a button
//! with no name, a blank page) and each check must refuse them.

use crate::ensure;
use crate::harness::journey;

#[tokio::test]
async fn the_checks_refuse_planted_faults() {
    journey("garde-fous", async |app| {
        app.open_screen("estimation").await?;
        app.assert_healthy("page saine").await?;
        app.assert_accessible("page saine").await?;

        // An error message shown to the adviser.
        app.js("const d = document.createElement('div'); d.id = 'faute'; d.setAttribute('role', 'alert'); d.textContent = 'panne simulée'; document.querySelector('main').append(d); return 1;")
            .await?;
        let err = app.assert_healthy("alerte").await.err();
        ensure!(
            err.as_ref().is_some_and(|e| e.to_string().contains("panne simulée")),
            "une alerte visible n'a pas été signalée : {err:?}"
        );
        app.js("document.getElementById('faute').remove(); return 1;").await?;

        // An uncaught error thrown by the page.
        app.js("setTimeout(() => { throw new Error('exception simulée'); }, 0); return 1;")
            .await?;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        let err = app.assert_healthy("exception").await.err();
        ensure!(
            err.as_ref().is_some_and(|e| e.to_string().contains("exception simulée")),
            "une exception non rattrapée n'a pas été signalée : {err:?}"
        );
        app.js("window.__e2eErreurs.length = 0; return 1;").await?;

        // A button that a screen reader cannot name (axe: button-name, critical).
        app.js("const b = document.createElement('button'); b.id = 'muet'; document.querySelector('main').append(b); return 1;")
            .await?;
        let err = app.assert_accessible("bouton sans nom").await.err();
        ensure!(
            err.as_ref().is_some_and(|e| e.to_string().contains("button-name")),
            "un bouton sans nom n'a pas été signalé par axe : {err:?}"
        );
        app.js("document.getElementById('muet').remove(); return 1;").await?;

        // A blank page.
        app.js("document.body.replaceChildren(); document.body.style.background = '#fff'; return 1;")
            .await?;
        let err = app.assert_healthy("page vide").await.err();
        ensure!(
            err.as_ref().is_some_and(|e| e.to_string().contains("vide")),
            "une page vide n'a pas été signalée : {err:?}"
        );
        let err = app.screenshot("page-vide").await.err();
        ensure!(
            err.as_ref().is_some_and(|e| e.to_string().contains("uniforme")),
            "une capture uniforme n'a pas été signalée : {err:?}"
        );
        Ok(())
    })
    .await;
}
