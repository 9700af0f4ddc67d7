//! The section's cotisation grids as kept (tables `grilles_cotisations`
//! and `grilles_cotisations_montants`, migration 8): listed most recent
//! first, created or replaced whole in one transaction, deleted. What a
//! grid is and its checks are [`crate::cotisations`]'s; here, only the
//! refusal of a second grid with the same libellé and date.

use super::{Store, StoreError};
use crate::cotisations::{ErreurGrille, GrilleCotisations, GrilleEnregistree, MontantsOffre};
use crate::tarifs::Offre;
use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};
use rust_decimal::Decimal;

/// Why a grid was not kept or not deleted.
#[derive(Debug, thiserror::Error)]
pub enum ErreurGrilleStore {
    #[error(transparent)]
    Saisie(#[from] ErreurGrille),
    #[error("grille de cotisations n° {0} : introuvable (supprimée entre-temps ?)")]
    Introuvable(i64),
    #[error(transparent)]
    Base(#[from] StoreError),
}

impl From<rusqlite::Error> for ErreurGrilleStore {
    fn from(e: rusqlite::Error) -> Self {
        ErreurGrilleStore::Base(StoreError::Sql(e))
    }
}

/// A kept amount read back: NULL is « non renseigné »; a text that does
/// not read as a decimal is a damaged row.
fn montant(texte: Option<String>, colonne: usize) -> rusqlite::Result<Option<Decimal>> {
    texte
        .map(|t| {
            t.parse::<Decimal>().map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    colonne,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })
        })
        .transpose()
}

fn texte_date(texte: &str, colonne: usize) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(texte, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(colonne, rusqlite::types::Type::Text, Box::new(e))
    })
}

impl Store {
    /// Every grid kept, the most recent date d'effet first, then by libellé.
    pub fn grilles_cotisations(&self) -> Result<Vec<GrilleEnregistree>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, libelle, date_effet FROM grilles_cotisations
             ORDER BY date_effet DESC, libelle, id",
        )?;
        let entetes = stmt
            .query_map([], |r| {
                let date: String = r.get(2)?;
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    texte_date(&date, 2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        entetes
            .into_iter()
            .map(|(id, libelle, date_effet)| {
                Ok(GrilleEnregistree {
                    id,
                    grille: GrilleCotisations {
                        libelle,
                        date_effet,
                        offres: self.montants_de(id)?,
                    },
                })
            })
            .collect()
    }

    fn montants_de(&self, id: i64) -> Result<Vec<MontantsOffre>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT offre, adherent, conjoint, enfant FROM grilles_cotisations_montants
             WHERE grille_id = ?1 ORDER BY rang",
        )?;
        let lignes = stmt
            .query_map([id], |r| {
                let code: String = r.get(0)?;
                let offre = Offre::depuis_code(&code).ok_or_else(|| {
                    rusqlite::Error::FromSqlConversionFailure(
                        0,
                        rusqlite::types::Type::Text,
                        format!("code d'offre illisible « {code} »").into(),
                    )
                })?;
                Ok(MontantsOffre {
                    offre,
                    adherent: montant(r.get(1)?, 1)?,
                    conjoint: montant(r.get(2)?, 2)?,
                    enfant: montant(r.get(3)?, 3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(lignes)
    }

    /// Keeps `grille`: a new one (`id` None) or in place of grid `id`, whole,
    /// in one transaction. Refused when another grid has the same libellé
    /// and date d'effet. Returns the grid's id.
    pub fn enregistrer_grille(
        &mut self,
        id: Option<i64>,
        grille: &GrilleCotisations,
    ) -> Result<i64, ErreurGrilleStore> {
        self.with_tx(|tx| {
            let date = grille.date_effet.format("%Y-%m-%d").to_string();
            let autre: Option<i64> = tx
                .query_row(
                    "SELECT id FROM grilles_cotisations
                     WHERE libelle = ?1 AND date_effet = ?2 AND id IS NOT ?3",
                    params![grille.libelle, date, id],
                    |r| r.get(0),
                )
                .optional()?;
            if autre.is_some() {
                return Err(ErreurGrille::Doublon {
                    libelle: grille.libelle.clone(),
                    date: grille.date_effet.format("%d/%m/%Y").to_string(),
                }
                .into());
            }
            let id = match id {
                None => {
                    tx.execute(
                        "INSERT INTO grilles_cotisations (libelle, date_effet) VALUES (?1, ?2)",
                        params![grille.libelle, date],
                    )?;
                    tx.last_insert_rowid()
                }
                Some(id) => {
                    let n = tx.execute(
                        "UPDATE grilles_cotisations SET libelle = ?1, date_effet = ?2 WHERE id = ?3",
                        params![grille.libelle, date, id],
                    )?;
                    if n == 0 {
                        return Err(ErreurGrilleStore::Introuvable(id));
                    }
                    tx.execute(
                        "DELETE FROM grilles_cotisations_montants WHERE grille_id = ?1",
                        [id],
                    )?;
                    id
                }
            };
            ecrire_montants(tx, id, &grille.offres)?;
            Ok(id)
        })
    }

    /// Deletes grid `id` and its amounts.
    pub fn supprimer_grille(&mut self, id: i64) -> Result<(), ErreurGrilleStore> {
        self.with_tx(|tx| {
            match tx.execute("DELETE FROM grilles_cotisations WHERE id = ?1", [id])? {
                0 => Err(ErreurGrilleStore::Introuvable(id)),
                _ => Ok(()),
            }
        })
    }
}

fn ecrire_montants(
    tx: &Transaction,
    id: i64,
    offres: &[MontantsOffre],
) -> Result<(), ErreurGrilleStore> {
    let texte = |m: Option<Decimal>| m.map(|d| d.to_string());
    for (rang, o) in offres.iter().enumerate() {
        tx.execute(
            "INSERT INTO grilles_cotisations_montants
             (grille_id, rang, offre, adherent, conjoint, enfant)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                rang as i64,
                o.offre.code(),
                texte(o.adherent),
                texte(o.conjoint),
                texte(o.enfant)
            ],
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cotisations::{GrilleSaisie, MontantsSaisis};
    use crate::store::latest_schema_version;

    fn offres() -> Vec<Offre> {
        vec![
            Offre::INITIALE,
            Offre::EQUILIBRE,
            Offre::REFERENCE,
            Offre::INTEGRALE,
        ]
    }

    fn grille(libelle: &str, date: &str, reference_adherent: &str) -> GrilleCotisations {
        GrilleSaisie {
            id: None,
            libelle: libelle.into(),
            date_effet: date.into(),
            offres: vec![
                MontantsSaisis {
                    offre: "initiale".into(),
                    adherent: Some("420.00".into()),
                    conjoint: Some("400".into()),
                    enfant: None,
                },
                MontantsSaisis {
                    offre: "reference".into(),
                    adherent: Some(reference_adherent.into()),
                    conjoint: Some("580.00".into()),
                    enfant: Some("150.50".into()),
                },
            ],
        }
        .lire(&offres())
        .unwrap()
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("g.db")).unwrap();
        (dir, store)
    }

    #[test]
    fn grids_are_kept_listed_most_recent_first_replaced_and_deleted() {
        let (_d, mut store) = store();
        let a = store
            .enregistrer_grille(None, &grille("Section 75 — 2026", "2026-01-01", "600"))
            .unwrap();
        let b = store
            .enregistrer_grille(None, &grille("Section 75 — 2027", "2027-01-01", "612.40"))
            .unwrap();
        let liste = store.grilles_cotisations().unwrap();
        assert_eq!(liste.iter().map(|g| g.id).collect::<Vec<_>>(), vec![b, a]);
        let g = &liste[0].grille;
        assert_eq!(g.libelle, "Section 75 — 2027");
        assert_eq!(g.offres.len(), 2);
        assert_eq!(g.offres[0].offre, Offre::INITIALE);
        assert_eq!(g.offres[0].conjoint, Some(Decimal::new(40000, 2)));
        assert_eq!(g.offres[0].enfant, None);
        assert_eq!(g.offres[1].offre, Offre::REFERENCE);
        assert_eq!(g.offres[1].adherent, Some(Decimal::new(61240, 2)));
        assert_eq!(g.offres[1].enfant, Some(Decimal::new(15050, 2)));

        // Replaced whole: same id, the new amounts, no line left over.
        let mut nouvelle = grille("Section 75 — 2027", "2027-01-01", "615.00");
        nouvelle.offres.remove(0);
        assert_eq!(store.enregistrer_grille(Some(b), &nouvelle).unwrap(), b);
        let liste = store.grilles_cotisations().unwrap();
        assert_eq!(liste[0].grille, nouvelle);
        assert_eq!(
            liste[0].grille.offres[0].adherent,
            Some(Decimal::new(615, 0))
        );

        store.supprimer_grille(a).unwrap();
        assert_eq!(store.grilles_cotisations().unwrap().len(), 1);
        let restants: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM grilles_cotisations_montants",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            restants, 1,
            "les montants de la grille supprimée partent avec elle"
        );
        assert!(matches!(
            store.supprimer_grille(a),
            Err(ErreurGrilleStore::Introuvable(n)) if n == a
        ));
    }

    #[test]
    fn a_second_grid_with_the_same_libelle_and_date_is_refused() {
        let (_d, mut store) = store();
        let a = store
            .enregistrer_grille(None, &grille("Section 75 — 2027", "2027-01-01", "600"))
            .unwrap();
        let e = store
            .enregistrer_grille(None, &grille("Section 75 — 2027", "2027-01-01", "700"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "libellé et date d'effet : une grille « Section 75 — 2027 » en vigueur au 01/01/2027 \
             existe déjà (modifiez-la, ou changez le libellé ou la date)"
        );
        // The same libellé at another date is another grid; replacing a
        // grid by itself is not a duplicate.
        store
            .enregistrer_grille(None, &grille("Section 75 — 2027", "2027-07-01", "600"))
            .unwrap();
        store
            .enregistrer_grille(Some(a), &grille("Section 75 — 2027", "2027-01-01", "650"))
            .unwrap();
        assert!(matches!(
            store.enregistrer_grille(Some(999), &grille("Autre", "2027-01-01", "1")),
            Err(ErreurGrilleStore::Introuvable(999))
        ));
    }

    /// A database at schema 7 (before the grids), with one saved estimate,
    /// opens: it gains the empty grid tables, keeps its estimate, and takes
    /// a grid.
    #[test]
    fn a_version_7_database_gets_the_grid_tables() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v7.db");
        crate::store::migrations::base_ancienne_avec_une_estimation(&path, 7);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), 8);
        assert_eq!(latest_schema_version(), 8);
        assert_eq!(store.nombre_estimations().unwrap(), 1);
        assert!(store.grilles_cotisations().unwrap().is_empty());
        let id = store
            .enregistrer_grille(None, &grille("Section 75 — 2027", "2027-01-01", "612.40"))
            .unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        let liste = store.grilles_cotisations().unwrap();
        assert_eq!(liste.len(), 1);
        assert_eq!(liste[0].id, id);
    }
}
