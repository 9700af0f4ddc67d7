//! Journey: the first start on a new `--db` file creates and migrates the
//! database, and the window tells which file and schema it uses.

use crate::ensure;
use crate::harness::journey;
use guichet::store::{latest_schema_version, Store};

#[tokio::test]
async fn first_start_creates_and_migrates_the_database() {
    journey("demarrage", async |app| {
        let footer = app.wait_for("footer").await?.text().await?;
        let db = app.db.display().to_string();
        ensure!(
            footer.contains(&db),
            "le pied de page ne montre pas la base {db} : « {footer} »"
        );
        let schema = format!("schéma {}", latest_schema_version());
        ensure!(
            footer.contains(&schema),
            "le pied de page ne montre pas « {schema} » : « {footer} »"
        );
        ensure!(app.db.exists(), "la base {db} n'a pas été créée");
        // The file on disk is at the latest schema (opening it again must not
        // need any migration, and must not be refused).
        let store = Store::open(&app.db)?;
        ensure!(
            store.schema_version()? == latest_schema_version(),
            "la base est au schéma {}, attendu {}",
            store.schema_version()?,
            latest_schema_version()
        );
        app.screenshot("accueil").await?;
        Ok(())
    })
    .await;
}
