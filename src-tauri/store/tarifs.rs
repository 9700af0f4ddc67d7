//! Tariff versions in SQLite: the shipped Annexe 2 tables seeded on first
//! start, the import of a new version file (validated first, then written
//! in one transaction), the list of versions and the lookup "in force on a
//! date".
//!
//! Rules of the history (checked before anything is written):
//! - a file is identified by the SHA-256 of its bytes: importing the same
//!   file again changes nothing and says so;
//! - one version per effective date: a different file with the date of a
//!   version already held is refused;
//! - versions are appended in date order: a file whose effective date is
//!   not after the newest version held is refused (the tariff of a date
//!   already estimated never changes behind the adviser's back).

use super::{Store, StoreError};
use crate::tarifs::annexe::{self, FichierLu};
use crate::tarifs::signature;
use crate::tarifs::{
    bareme_en_vigueur, offres_2018, AuDela, Bareme, Cellule, Ligne, Limite, Nature, Offre,
    OffreBareme, TarifError, Unite, FICHIERS_LIVRES,
};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::str::FromStr;

/// One version held in the database (without its lines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionBareme {
    pub id: i64,
    pub nom: String,
    pub en_vigueur_le: NaiveDate,
    pub importe_le: NaiveDateTime,
    pub sha256: String,
    pub origine: String,
    pub source: String,
    pub nb_lignes: i64,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Import {
    /// The version was written.
    Importe(VersionBareme),
    /// The same file (same SHA-256) is already held: nothing written.
    DejaPresent(VersionBareme),
}

impl Import {
    pub fn version(&self) -> &VersionBareme {
        match self {
            Import::Importe(v) | Import::DejaPresent(v) => v,
        }
    }

    /// A French sentence for the adviser.
    pub fn message(&self) -> String {
        match self {
            Import::Importe(v) => format!(
                "Barème « {} » importé : en vigueur à partir du {}, {} lignes.",
                v.nom,
                v.en_vigueur_le.format("%d/%m/%Y"),
                v.nb_lignes
            ),
            Import::DejaPresent(v) => format!(
                "Ce fichier est déjà importé (barème « {} », en vigueur le {}, importé le {}) : rien n'a changé.",
                v.nom,
                v.en_vigueur_le.format("%d/%m/%Y"),
                v.importe_le.format("%d/%m/%Y à %H:%M")
            ),
        }
    }
}

/// Why an import or a lookup failed. French messages.
#[derive(Debug, thiserror::Error)]
pub enum BaremeStoreError {
    #[error("{0}")]
    Tarif(#[from] TarifError),
    #[error(
        "{fichier} : un autre barème commence déjà le {} (« {nom} ») : un barème par date d'entrée en vigueur ; rien n'a été importé",
        .date.format("%d/%m/%Y")
    )]
    MemeDate {
        fichier: String,
        date: NaiveDate,
        nom: String,
    },
    #[error(
        "{fichier} : ce barème entre en vigueur le {}, avant le barème le plus récent (« {nom} », en vigueur le {}) : les versions s'ajoutent dans l'ordre des dates ; rien n'a été importé",
        .date.format("%d/%m/%Y"),
        .plus_recent.format("%d/%m/%Y")
    )]
    DateAnterieure {
        fichier: String,
        date: NaiveDate,
        nom: String,
        plus_recent: NaiveDate,
    },
    #[error(
        "{fichier} : {raison} ; rien n'a été importé. Pour l'importer quand même, confirmez \
         (option --accepter-non-signe) : chaque estimation faite avec ce barème portera la \
         mention « barème non signé »"
    )]
    NonSigne { fichier: String, raison: String },
    #[error("barème n° {0} introuvable")]
    Introuvable(i64),
    #[error("données de barème illisibles dans la base ({0})")]
    Donnees(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<rusqlite::Error> for BaremeStoreError {
    fn from(e: rusqlite::Error) -> Self {
        BaremeStoreError::Store(StoreError::Sql(e))
    }
}

/// Hex SHA-256 of bytes.
pub fn sha256_hex(octets: &[u8]) -> String {
    Sha256::digest(octets)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Store {
    /// Writes the shipped tables not yet held (same checksum: no-op). Run at
    /// every start; `maintenant` is the import time recorded.
    pub fn seed_baremes_livres(
        &mut self,
        maintenant: NaiveDateTime,
    ) -> Result<Vec<Import>, BaremeStoreError> {
        let mut faits = Vec::new();
        for (origine, texte) in FICHIERS_LIVRES {
            let sha = sha256_hex(texte.as_bytes());
            if let Some(v) = self.version_par_sha(&sha)? {
                faits.push(Import::DejaPresent(v));
                continue;
            }
            // A shipped version whose date is already held under another
            // checksum (an imported copy) is left as is.
            let lu = annexe::lire_texte(origine, texte)?;
            if self.version_par_date(lu.bareme.en_vigueur_le)?.is_some() {
                continue;
            }
            let id = self.with_tx(|tx| {
                ecrire(
                    tx,
                    &lu,
                    &format!("livré avec Guichet ({origine})"),
                    &sha,
                    texte,
                    maintenant,
                )
            })?;
            faits.push(Import::Importe(self.version(id)?));
        }
        Ok(faits)
    }

    /// Imports a version file: size, encoding, syntax and content are
    /// checked, then the history rules (see the module doc), and only then
    /// is it written, in one transaction.
    ///
    /// The file must carry the national office's signature
    /// ([`crate::tarifs::signature`]); an unsigned or wrongly signed file is
    /// refused unless `accepter_non_signe` is true, and is then stored with
    /// "barème non signé" in its name, so every estimate and PDF made with it
    /// says so.
    pub fn importer_bareme(
        &mut self,
        origine: &str,
        octets: &[u8],
        maintenant: NaiveDateTime,
        accepter_non_signe: bool,
    ) -> Result<Import, BaremeStoreError> {
        self.importer_bareme_avec_cle(
            origine,
            octets,
            maintenant,
            accepter_non_signe,
            &signature::cle_office(),
        )
    }

    /// [`Store::importer_bareme`] with the public key to check against (tests
    /// sign with their own key).
    pub fn importer_bareme_avec_cle(
        &mut self,
        origine: &str,
        octets: &[u8],
        maintenant: NaiveDateTime,
        accepter_non_signe: bool,
        cle: &signature::VerifyingKey,
    ) -> Result<Import, BaremeStoreError> {
        let mut lu = annexe::lire_octets(origine, octets)?;
        let texte = annexe::decoder(origine, octets)?;
        let sha = sha256_hex(octets);
        if let Some(v) = self.version_par_sha(&sha)? {
            return Ok(Import::DejaPresent(v));
        }
        match signature::verifier(octets, cle) {
            signature::EtatSignature::Valide => {}
            etat => {
                let raison = match etat {
                    signature::EtatSignature::Invalide(r) => format!("signature invalide ({r})"),
                    _ => "fichier non signé par l'office national".to_string(),
                };
                if !accepter_non_signe {
                    return Err(BaremeStoreError::NonSigne {
                        fichier: origine.to_string(),
                        raison,
                    });
                }
                lu.bareme.nom = format!("{} — {}", lu.bareme.nom, signature::MENTION_NON_SIGNE);
            }
        }
        let date = lu.bareme.en_vigueur_le;
        if let Some(v) = self.version_par_date(date)? {
            return Err(BaremeStoreError::MemeDate {
                fichier: origine.to_string(),
                date,
                nom: v.nom,
            });
        }
        if let Some(v) = self.versions_baremes()?.pop() {
            if v.en_vigueur_le > date {
                return Err(BaremeStoreError::DateAnterieure {
                    fichier: origine.to_string(),
                    date,
                    nom: v.nom,
                    plus_recent: v.en_vigueur_le,
                });
            }
        }
        let id = self.with_tx(|tx| ecrire(tx, &lu, origine, &sha, texte, maintenant))?;
        Ok(Import::Importe(self.version(id)?))
    }

    /// What names the versions held (ids and checksums): it changes when a
    /// version is imported, or the database replaced by a backup, and only
    /// then. One small query, for those who keep the versions read.
    pub fn cle_baremes(&self) -> Result<String, BaremeStoreError> {
        Ok(self.conn.query_row(
            "SELECT coalesce(group_concat(id || ':' || sha256, ','), '')
             FROM (SELECT id, sha256 FROM bareme_versions ORDER BY id)",
            [],
            |r| r.get(0),
        )?)
    }

    /// Every version held, oldest first.
    pub fn versions_baremes(&self) -> Result<Vec<VersionBareme>, BaremeStoreError> {
        let mut st = self
            .conn
            .prepare(&format!("{SELECT_VERSION} ORDER BY v.en_vigueur_le"))?;
        let lignes = st.query_map([], ligne_version)?;
        let mut out = Vec::new();
        for l in lignes {
            out.push(l??);
        }
        Ok(out)
    }

    /// One version's metadata.
    pub fn version(&self, id: i64) -> Result<VersionBareme, BaremeStoreError> {
        self.conn
            .query_row(
                &format!("{SELECT_VERSION} WHERE v.id = ?1"),
                [id],
                ligne_version,
            )
            .optional()?
            .ok_or(BaremeStoreError::Introuvable(id))?
    }

    fn version_par_sha(&self, sha: &str) -> Result<Option<VersionBareme>, BaremeStoreError> {
        self.conn
            .query_row(
                &format!("{SELECT_VERSION} WHERE v.sha256 = ?1"),
                [sha],
                ligne_version,
            )
            .optional()?
            .transpose()
    }

    fn version_par_date(&self, date: NaiveDate) -> Result<Option<VersionBareme>, BaremeStoreError> {
        self.conn
            .query_row(
                &format!("{SELECT_VERSION} WHERE v.en_vigueur_le = ?1"),
                [date.to_string()],
                ligne_version,
            )
            .optional()?
            .transpose()
    }

    /// One version, lines and cells, as read back from the database.
    pub fn bareme(&self, id: i64) -> Result<Bareme, BaremeStoreError> {
        let v = self.version(id)?;
        let mut st = self.conn.prepare(
            "SELECT l.id, l.ligne, l.section, l.libelle, l.variante, l.source, l.codes_lpp
             FROM bareme_lignes l WHERE l.version_id = ?1 ORDER BY l.rang",
        )?;
        let rangs = st.query_map([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
            ))
        })?;
        let offres = self.offres_de(id)?;
        let mut cellules = self.cellules_de(id)?;
        let mut lignes = Vec::new();
        for r in rangs {
            let (lid, ligne, section, libelle, variante, source, codes) = r?;
            let mut cases = cellules.remove(&lid).unwrap_or_default();
            lignes.push(Ligne {
                ligne,
                section,
                libelle,
                variante: json(&variante)?,
                // In the grid's column order.
                cellules: offres
                    .iter()
                    .filter_map(|o| cases.remove(&o.code).map(|c| (o.code, c)))
                    .collect(),
                source,
                codes_lpp: json(&codes)?,
                ligne_partagee: Default::default(),
            });
        }
        Ok(Bareme::new(v.nom, v.en_vigueur_le, v.source, lignes).avec_offres(offres))
    }

    /// A version's offers in column order; the four of 2018 for a version
    /// recorded before the offers were (migration 7).
    fn offres_de(&self, version_id: i64) -> Result<Vec<OffreBareme>, BaremeStoreError> {
        let mut st = self.conn.prepare(
            "SELECT code, libelle FROM bareme_offres WHERE version_id = ?1 ORDER BY rang",
        )?;
        let rangs = st.query_map([version_id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut offres = Vec::new();
        for r in rangs {
            let (code, libelle) = r?;
            offres.push(OffreBareme::new(offre_de(&code)?, libelle));
        }
        if offres.is_empty() {
            return Ok(offres_2018());
        }
        Ok(offres)
    }

    fn cellules_de(
        &self,
        version_id: i64,
    ) -> Result<BTreeMap<i64, HashMap<Offre, Cellule>>, BaremeStoreError> {
        let mut st = self.conn.prepare(
            "SELECT c.ligne_id, c.offre, c.nature, c.valeur, c.unite, c.limites, c.enveloppe,
                    c.ou_ticket_moderateur_si_superieur, c.au_dela, c.texte, c.note
             FROM bareme_cellules c JOIN bareme_lignes l ON l.id = c.ligne_id
             WHERE l.version_id = ?1",
        )?;
        let rangs = st.query_map([version_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, bool>(7)?,
                r.get::<_, Option<String>>(8)?,
                r.get::<_, String>(9)?,
                r.get::<_, Option<String>>(10)?,
            ))
        })?;
        let mut out: BTreeMap<i64, HashMap<Offre, Cellule>> = BTreeMap::new();
        for r in rangs {
            let (
                lid,
                offre,
                nature,
                valeur,
                unite,
                limites,
                enveloppe,
                ou_tm,
                au_dela,
                texte,
                note,
            ) = r?;
            let valeur = valeur
                .map(|v| {
                    rust_decimal::Decimal::from_str(&v)
                        .map_err(|_| BaremeStoreError::Donnees(format!("valeur « {v} »")))
                })
                .transpose()?;
            let cellule = Cellule {
                nature: enum_de::<Nature>(&nature)?,
                valeur,
                unite: unite.map(|u| enum_de::<Unite>(&u)).transpose()?,
                limites: json::<Vec<Limite>>(&limites)?,
                enveloppe,
                ou_ticket_moderateur_si_superieur: ou_tm,
                au_dela: au_dela.map(|a| json::<AuDela>(&a)).transpose()?,
                texte,
                note,
            };
            out.entry(lid)
                .or_default()
                .insert(offre_de(&offre)?, cellule);
        }
        Ok(out)
    }

    /// The offers of every version held, oldest version first, each in its
    /// column order (a version recorded before migration 7: the four of
    /// 2018). Repeats are left to the caller.
    pub fn offres_des_baremes(&self) -> Result<Vec<Offre>, BaremeStoreError> {
        let mut offres = Vec::new();
        for v in self.versions_baremes()? {
            offres.extend(self.offres_de(v.id)?.into_iter().map(|o| o.code));
        }
        Ok(offres)
    }

    /// Every version held, with its lines, oldest first.
    pub fn baremes(&self) -> Result<Vec<(VersionBareme, Bareme)>, BaremeStoreError> {
        self.versions_baremes()?
            .into_iter()
            .map(|v| {
                let b = self.bareme(v.id)?;
                Ok((v, b))
            })
            .collect()
    }

    /// The version in force on `date`, or "aucun barème en vigueur au …".
    pub fn bareme_au(&self, date: NaiveDate) -> Result<(VersionBareme, Bareme), BaremeStoreError> {
        let versions = self.versions_baremes()?;
        let entetes: Vec<Bareme> = versions
            .iter()
            .map(|v| Bareme::new(v.nom.clone(), v.en_vigueur_le, v.source.clone(), Vec::new()))
            .collect();
        let choisi = bareme_en_vigueur(&entetes, date)?;
        let v = versions
            .iter()
            .find(|v| v.en_vigueur_le == choisi.en_vigueur_le)
            .cloned()
            .ok_or(BaremeStoreError::Introuvable(0))?;
        let b = self.bareme(v.id)?;
        Ok((v, b))
    }
}

const SELECT_VERSION: &str =
    "SELECT v.id, v.nom, v.en_vigueur_le, v.importe_le, v.sha256, v.origine, v.source,
        (SELECT count(*) FROM bareme_lignes l WHERE l.version_id = v.id)
     FROM bareme_versions v";

type Rang = Result<VersionBareme, BaremeStoreError>;

fn ligne_version(r: &rusqlite::Row) -> rusqlite::Result<Rang> {
    let date: String = r.get(2)?;
    let importe: String = r.get(3)?;
    let id: i64 = r.get(0)?;
    let nom: String = r.get(1)?;
    let sha256: String = r.get(4)?;
    let origine: String = r.get(5)?;
    let source: String = r.get(6)?;
    let nb_lignes: i64 = r.get(7)?;
    Ok((|| {
        Ok(VersionBareme {
            id,
            nom,
            en_vigueur_le: NaiveDate::parse_from_str(&date, "%Y-%m-%d")
                .map_err(|_| BaremeStoreError::Donnees(format!("date « {date} »")))?,
            importe_le: NaiveDateTime::parse_from_str(&importe, "%Y-%m-%d %H:%M:%S")
                .map_err(|_| BaremeStoreError::Donnees(format!("date d'import « {importe} »")))?,
            sha256,
            origine,
            source,
            nb_lignes,
        })
    })())
}

/// The snake_case name serde gives a unit enum variant.
fn nom_enum<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn enum_de<T: DeserializeOwned>(s: &str) -> Result<T, BaremeStoreError> {
    serde_json::from_value(serde_json::Value::String(s.to_string()))
        .map_err(|_| BaremeStoreError::Donnees(format!("« {s} »")))
}

fn json<T: DeserializeOwned>(s: &str) -> Result<T, BaremeStoreError> {
    serde_json::from_str(s).map_err(|e| BaremeStoreError::Donnees(format!("{e} dans « {s} »")))
}

fn offre_de(code: &str) -> Result<Offre, BaremeStoreError> {
    Offre::depuis_code(code).ok_or_else(|| BaremeStoreError::Donnees(format!("offre « {code} »")))
}

fn vers_json<T: Serialize>(t: &T) -> String {
    serde_json::to_string(t).expect("types du modèle sérialisables")
}

fn ecrire(
    tx: &Transaction,
    lu: &FichierLu,
    origine: &str,
    sha: &str,
    texte: &str,
    maintenant: NaiveDateTime,
) -> Result<i64, BaremeStoreError> {
    let b = &lu.bareme;
    tx.execute(
        "INSERT INTO bareme_versions(nom, en_vigueur_le, importe_le, sha256, origine, source, contenu)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            b.nom,
            b.en_vigueur_le.to_string(),
            maintenant.format("%Y-%m-%d %H:%M:%S").to_string(),
            sha,
            origine,
            b.source,
            texte
        ],
    )?;
    let version_id = tx.last_insert_rowid();
    let mut ins_offre = tx.prepare(
        "INSERT INTO bareme_offres(version_id, rang, code, libelle) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (rang, o) in b.offres.iter().enumerate() {
        ins_offre.execute(params![version_id, rang as i64, o.code.code(), o.libelle])?;
    }
    let mut ins_ligne = tx.prepare(
        "INSERT INTO bareme_lignes(version_id, rang, ligne, section, libelle, variante, source, codes_lpp)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut ins_cellule = tx.prepare(
        "INSERT INTO bareme_cellules(ligne_id, offre, nature, valeur, unite, limites, enveloppe,
                                     ou_ticket_moderateur_si_superieur, au_dela, texte, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for (rang, l) in b.lignes.iter().enumerate() {
        ins_ligne.execute(params![
            version_id,
            rang as i64,
            l.ligne,
            l.section,
            l.libelle,
            vers_json(&l.variante),
            l.source,
            vers_json(&l.codes_lpp)
        ])?;
        let ligne_id = tx.last_insert_rowid();
        for (offre, c) in &l.cellules {
            ins_cellule.execute(params![
                ligne_id,
                offre.code(),
                nom_enum(&c.nature),
                c.valeur.map(|v| v.to_string()),
                c.unite.map(|u| nom_enum(&u)),
                vers_json(&c.limites),
                c.enveloppe,
                c.ou_ticket_moderateur_si_superieur,
                c.au_dela.as_ref().map(vers_json),
                c.texte,
                c.note
            ])?;
        }
    }
    Ok(version_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tarifs::shipped_baremes;

    fn maintenant() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 22)
            .unwrap()
            .and_hms_opt(9, 30, 0)
            .unwrap()
    }

    #[test]
    fn the_key_of_the_versions_held_names_each_by_id_and_checksum() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("g.db")).unwrap();
        assert_eq!(store.cle_baremes().unwrap(), "");
        store.seed_baremes_livres(maintenant()).unwrap();
        let v = &store.versions_baremes().unwrap()[0];
        let cle = format!("{}:{}", v.id, v.sha256);
        assert_eq!(store.cle_baremes().unwrap(), cle);
        // Seeding again writes nothing: the key stays.
        store.seed_baremes_livres(maintenant()).unwrap();
        assert_eq!(store.cle_baremes().unwrap(), cle);
    }

    #[test]
    fn seeding_is_idempotent_and_reads_back_the_same_table() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("g.db")).unwrap();
        let faits = store.seed_baremes_livres(maintenant()).unwrap();
        assert!(matches!(faits.as_slice(), [Import::Importe(_)]));
        let faits = store.seed_baremes_livres(maintenant()).unwrap();
        assert!(matches!(faits.as_slice(), [Import::DejaPresent(_)]));
        let versions = store.versions_baremes().unwrap();
        assert_eq!(versions.len(), 1);
        let relu = store.bareme(versions[0].id).unwrap();
        assert_eq!(relu, shipped_baremes()[0]);
        assert_eq!(versions[0].nb_lignes as usize, relu.lignes.len());
        assert!(versions[0]
            .origine
            .starts_with("livré avec Guichet (assets/tarifs/"));
    }

    #[test]
    fn lookup_by_date() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("g.db")).unwrap();
        store.seed_baremes_livres(maintenant()).unwrap();
        let (v, _) = store
            .bareme_au(NaiveDate::from_ymd_opt(2024, 5, 2).unwrap())
            .unwrap();
        assert_eq!(
            v.en_vigueur_le,
            NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()
        );
        let e = store
            .bareme_au(NaiveDate::from_ymd_opt(2017, 12, 31).unwrap())
            .unwrap_err();
        assert_eq!(e.to_string(), "aucun barème en vigueur au 31/12/2017");
    }
}
