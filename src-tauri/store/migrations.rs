//! Versioned schema migrations, compiled into the binary. Each runs once, in
//! its own transaction, and is recorded in `schema_migrations` and in
//! `PRAGMA user_version`.

use rusqlite::Connection;

/// (version, name, SQL), in increasing version order. Append only.
pub const MIGRATIONS: &[(i64, &str, &str)] = &[
    (1, "init", include_str!("migrations/0001_init.sql")),
    (
        2,
        "historique",
        include_str!("migrations/0002_historique.sql"),
    ),
    (3, "baremes", include_str!("migrations/0003_baremes.sql")),
    (
        4,
        "bareme_estimation",
        include_str!("migrations/0004_bareme_estimation.sql"),
    ),
    (
        5,
        "brouillon",
        include_str!("migrations/0005_brouillon.sql"),
    ),
    (6, "foyer", include_str!("migrations/0006_foyer.sql")),
    (7, "offres", include_str!("migrations/0007_offres.sql")),
    (
        8,
        "grilles_cotisations",
        include_str!("migrations/0008_grilles_cotisations.sql"),
    ),
];

/// The schema version this build writes.
pub fn latest_schema_version() -> i64 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

/// Applies every migration newer than the file's `user_version`.
pub(super) fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    for (version, name, sql) in MIGRATIONS.iter().filter(|m| m.0 > current) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, datetime('now'))",
            rusqlite::params![version, name],
        )?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
    }
    Ok(())
}

/// For the migration tests: a database as an older Guichet left it, at
/// schema `version`, holding one saved estimate (n° 2026-000001, care of
/// 2 November 2026).
#[cfg(test)]
pub(crate) fn base_ancienne_avec_une_estimation(path: &std::path::Path, version: i64) {
    use rusqlite::params;
    let mut conn = Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    for (v, nom, sql) in MIGRATIONS.iter().filter(|m| m.0 <= version) {
        tx.execute_batch(sql).unwrap();
        tx.execute(
            "INSERT INTO schema_migrations(version, name, applied_at) VALUES (?1, ?2, '2026-11-01 08:00:00')",
            params![v, nom],
        )
        .unwrap();
    }
    tx.execute(
        "INSERT INTO estimations (numero, annee, sequence, enregistre_le, date_soins, situation, empreinte)
         VALUES ('2026-000001', 2026, 1, '2026-11-02T09:00:00', '2026-11-02', '{}', 'sha256:x')",
        [],
    )
    .unwrap();
    tx.pragma_update(None, "user_version", version).unwrap();
    tx.commit().unwrap();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_strictly_increase() {
        for pair in MIGRATIONS.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} puis {}", pair[0].0, pair[1].0);
        }
    }
}
