//! Journey: every screen of the navigation opens, with its heading, no
//! error, a painted page, and no serious accessibility violation; one
//! screenshot per screen.

use crate::ensure;
use crate::harness::journey;

/// The product's navigation, in menu order (issue 2).
const SCREENS: [&str; 5] = ["estimation", "bons", "simulateurs", "baremes", "historique"];

#[tokio::test]
async fn every_screen_opens_with_its_heading_and_no_error() {
    journey("ecrans", async |app| {
        let nav = app.nav_screens().await?;
        ensure!(
            nav == SCREENS,
            "la navigation montre {nav:?}, attendu {SCREENS:?}"
        );
        let mut headings = Vec::new();
        for (i, id) in SCREENS.iter().enumerate() {
            let heading = app.open_screen(id).await?;
            app.assert_healthy(&format!("écran « {id} »")).await?;
            app.screenshot(&format!("{:02}-{id}", i + 1)).await?;
            app.assert_accessible(&format!("écran « {id} »")).await?;
            headings.push(heading);
        }
        // Each screen has its own heading: the clicks really changed screen.
        let mut distinct = headings.clone();
        distinct.sort();
        distinct.dedup();
        ensure!(
            distinct.len() == SCREENS.len(),
            "des écrans partagent un titre : {headings:?}"
        );
        Ok(())
    })
    .await;
}
