//! Saved estimates in SQLite: save with a number allocated in the same
//! transaction, list and search (indexed, paginated), show (checksum
//! verified), duplicate, delete, export and delete by member reference,
//! retention setting and purge. The date of the save always comes from the
//! caller. Each save records the barème version in force on the date of
//! care (checksum, name, date); [`Store::changement_bareme`] compares it
//! with the version in force now, for the message of a reopened estimate.

use super::{Store, StoreError};
use crate::historique::{
    cle_reference, empreinte, ErreurChamp, NouvelleEstimation, NumeroEstimation, ReferenceAdherent,
};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params, OptionalExtension, Row, Transaction};

/// Default retention of saved estimates, in days.
pub const CONSERVATION_PAR_DEFAUT: u32 = 90;
/// Longest retention that can be set, in days (10 years).
pub const CONSERVATION_MAX: u32 = 3650;
/// Most rows of one page of the list.
pub const LIMITE_MAX: u32 = 500;

const CLE_CONSERVATION: &str = "historique.conservation_jours";
const FORMAT_HORODATAGE: &str = "%Y-%m-%dT%H:%M:%S";

/// Failures of the history storage; French messages for the adviser.
#[derive(Debug, thiserror::Error)]
pub enum ErreurHistorique {
    #[error("aucune estimation ne porte le numéro {0}")]
    Introuvable(NumeroEstimation),
    #[error(
        "le disque est plein : rien n'a été enregistré ni modifié, et les estimations \
         déjà enregistrées sont intactes. Libérez de la place sur le disque puis recommencez."
    )]
    DisquePlein,
    #[error(
        "écriture impossible sur le disque (plein, fichier trop grand ou support défaillant) : \
         rien n'a été enregistré ni modifié, et les estimations déjà enregistrées sont intactes. \
         [détail technique : {0}]"
    )]
    Ecriture(String),
    #[error(
        "la base est endommagée ({0}) : rien n'a été modifié. Consultez les sauvegardes \
         (guichet base sauvegardes) et restaurez-en une (guichet base restaurer)."
    )]
    Endommagee(String),
    #[error(
        "l'estimation {0} a été altérée dans la base (son empreinte ne correspond plus) : \
         restaurez une sauvegarde (guichet base sauvegardes)"
    )]
    Alteree(NumeroEstimation),
    #[error("plus de 999 999 estimations enregistrées en {0} : numérotation épuisée pour l'année")]
    NumerotationEpuisee(i32),
    #[error("{0}")]
    Champ(#[from] ErreurChamp),
    #[error(transparent)]
    Base(#[from] StoreError),
}

impl From<rusqlite::Error> for ErreurHistorique {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::DiskFull) => ErreurHistorique::DisquePlein,
            Some(C::SystemIoFailure) | Some(C::CannotOpen) | Some(C::ReadOnly) => {
                ErreurHistorique::Ecriture(e.to_string())
            }
            Some(C::DatabaseCorrupt) | Some(C::NotADatabase) => {
                ErreurHistorique::Endommagee(e.to_string())
            }
            _ => ErreurHistorique::Base(StoreError::Sql(e)),
        }
    }
}

/// What the caller learns once a save is committed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstimationEnregistree {
    pub numero: NumeroEstimation,
    pub enregistre_le: NaiveDateTime,
    pub empreinte: String,
}

/// One row of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeEstimation {
    pub numero: NumeroEstimation,
    pub enregistre_le: NaiveDateTime,
    pub date_soins: NaiveDate,
    pub initiales: Option<String>,
    pub reference: Option<String>,
    pub bareme: Option<String>,
    /// Persons of the saved document: 1 for a single member, more for a
    /// household (`moteur::foyer`).
    pub personnes: u32,
}

/// A saved estimate in full; `situation` is the canonical JSON text, already
/// checked against `empreinte`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EstimationStockee {
    pub resume: ResumeEstimation,
    pub empreinte: String,
    pub situation: String,
    /// The barème version in force on the date of care at the save (None
    /// for estimates saved before it was recorded).
    pub bareme_version: Option<BaremeEnregistre>,
}

/// One barème version as an estimate refers to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaremeEnregistre {
    pub nom: String,
    pub en_vigueur_le: NaiveDate,
    /// SHA-256 of the version file, hex (`bareme_versions.sha256`).
    pub sha256: String,
}

impl BaremeEnregistre {
    fn decrire(&self) -> String {
        format!(
            "« {} », en vigueur le {}, empreinte {}",
            self.nom,
            self.en_vigueur_le.format("%d/%m/%Y"),
            self.sha256.get(..12).unwrap_or(&self.sha256)
        )
    }
}

/// The barème of a saved estimate's date of care differs from the one it
/// was saved with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangementBareme {
    pub date_soins: NaiveDate,
    /// Recorded at the save; None for an estimate saved before it was.
    pub avant: Option<BaremeEnregistre>,
    /// In force now on the date of care; None if no version covers it.
    pub apres: Option<BaremeEnregistre>,
}

impl ChangementBareme {
    /// French sentence for the adviser, naming both versions.
    pub fn message(&self) -> String {
        let date = self.date_soins.format("%d/%m/%Y");
        match (&self.avant, &self.apres) {
            (Some(a), Some(b)) => {
                let mut ecarts = Vec::new();
                if a.nom != b.nom {
                    ecarts.push("nom");
                }
                if a.en_vigueur_le != b.en_vigueur_le {
                    ecarts.push("date d'entrée en vigueur");
                }
                ecarts.push("empreinte");
                format!(
                    "Le barème des soins du {date} a changé depuis l'enregistrement ({}) : \
                     enregistrée avec {}, recalculée avec {}.",
                    ecarts.join(", "),
                    a.decrire(),
                    b.decrire()
                )
            }
            (None, Some(b)) => format!(
                "Barème de l'enregistrement inconnu (estimation enregistrée avant le suivi \
                 des versions) : recalculée avec {}.",
                b.decrire()
            ),
            (Some(a), None) => format!(
                "Aucun barème n'est plus en vigueur au {date} dans cette base : \
                 l'estimation avait été enregistrée avec {}.",
                a.decrire()
            ),
            (None, None) => format!("Aucun barème en vigueur au {date} dans cette base."),
        }
    }
}

/// One page of the list, newest first, and how many rows match in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageEstimations {
    pub total: u64,
    pub estimations: Vec<ResumeEstimation>,
}

/// What the list asks for: an optional search text and a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recherche<'a> {
    /// Matches a number (`2026-000123`, or its rank `123`), initials (`AB`),
    /// the beginning of a member reference (case ignored), or a date
    /// (`22/11/2026` or `2026-11-22`: date of care or day of the save).
    pub texte: Option<&'a str>,
    pub limite: u32,
    pub decalage: u64,
}

impl Default for Recherche<'_> {
    fn default() -> Self {
        Recherche {
            texte: None,
            limite: 50,
            decalage: 0,
        }
    }
}

/// The SQL condition of a search and its parameters.
fn condition(texte: Option<&str>) -> (String, Vec<rusqlite::types::Value>) {
    use rusqlite::types::Value as V;
    let t = texte.map(str::trim).unwrap_or("");
    if t.is_empty() {
        return ("1".into(), vec![]);
    }
    if let Some(d) = lire_date(t) {
        let lendemain = d.succ_opt().unwrap_or(d);
        return (
            "(date_soins = ?1 OR (enregistre_le >= ?1 AND enregistre_le < ?2))".into(),
            vec![
                V::Text(d.format("%Y-%m-%d").to_string()),
                V::Text(lendemain.format("%Y-%m-%d").to_string()),
            ],
        );
    }
    let mut termes = Vec::new();
    let mut valeurs = Vec::new();
    if let Ok(n) = t.parse::<NumeroEstimation>() {
        valeurs.push(V::Text(n.to_string()));
        termes.push(format!("numero = ?{}", valeurs.len()));
    }
    if t.len() <= 6 && t.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(rang) = t.parse::<i64>() {
            valeurs.push(V::Integer(rang));
            termes.push(format!("sequence = ?{}", valeurs.len()));
        }
    }
    if let Ok(i) = t.parse::<crate::historique::Initiales>() {
        valeurs.push(V::Text(i.as_str().to_string()));
        termes.push(format!("initiales = ?{}", valeurs.len()));
    }
    // Beginning of a reference, through its index: cle <= x < cle + U+10FFFF.
    let cle = cle_reference(t);
    valeurs.push(V::Text(cle.clone()));
    valeurs.push(V::Text(format!("{cle}\u{10FFFF}")));
    termes.push(format!(
        "(reference_cle >= ?{} AND reference_cle < ?{})",
        valeurs.len() - 1,
        valeurs.len()
    ));
    (format!("({})", termes.join(" OR ")), valeurs)
}

/// `22/11/2026`, `2026-11-22`.
fn lire_date(t: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .ok()
}

fn horodatage(h: &NaiveDateTime) -> String {
    h.format(FORMAT_HORODATAGE).to_string()
}

fn lire_resume(r: &Row) -> rusqlite::Result<ResumeEstimation> {
    use rusqlite::types::Type;
    let conv = |i: usize, e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(i, Type::Text, e)
    };
    let numero: String = r.get(0)?;
    let enregistre_le: String = r.get(1)?;
    let date_soins: String = r.get(2)?;
    Ok(ResumeEstimation {
        numero: numero.parse().map_err(|e| conv(0, Box::new(e)))?,
        enregistre_le: NaiveDateTime::parse_from_str(&enregistre_le, FORMAT_HORODATAGE)
            .map_err(|e| conv(1, Box::new(e)))?,
        date_soins: NaiveDate::parse_from_str(&date_soins, "%Y-%m-%d")
            .map_err(|e| conv(2, Box::new(e)))?,
        initiales: r.get(3)?,
        reference: r.get(4)?,
        bareme: r.get(5)?,
        personnes: r.get(6)?,
    })
}

const COLONNES_RESUME: &str =
    "numero, enregistre_le, date_soins, initiales, reference, bareme, personnes";
/// [`COLONNES_RESUME`] then what [`lire_complete`] reads from index 7 on.
const COLONNES_COMPLETES: &str =
    "numero, enregistre_le, date_soins, initiales, reference, bareme, personnes, \
     empreinte, situation, bareme_sha256, bareme_nom, bareme_en_vigueur_le";

/// Gives the next number of `annee`, inside the caller's transaction.
fn allouer_numero(tx: &Transaction, annee: i32) -> Result<NumeroEstimation, ErreurHistorique> {
    let rang: i64 = tx.query_row(
        "INSERT INTO numerotation (annee, derniere) VALUES (?1, 1) \
         ON CONFLICT (annee) DO UPDATE SET derniere = derniere + 1 RETURNING derniere",
        [annee],
        |r| r.get(0),
    )?;
    let rang = u32::try_from(rang).map_err(|_| ErreurHistorique::NumerotationEpuisee(annee))?;
    if rang > NumeroEstimation::SEQUENCE_MAX {
        return Err(ErreurHistorique::NumerotationEpuisee(annee));
    }
    Ok(NumeroEstimation::new(annee, rang)?)
}

struct Ligne<'a> {
    date_soins: NaiveDate,
    bareme_version: Option<BaremeEnregistre>,
    initiales: Option<&'a str>,
    reference: Option<&'a str>,
    bareme: Option<&'a str>,
    situation: &'a str,
    empreinte: &'a str,
    personnes: u32,
}

fn inserer(
    tx: &Transaction,
    ligne: &Ligne,
    enregistre_le: NaiveDateTime,
) -> Result<EstimationEnregistree, ErreurHistorique> {
    use chrono::Datelike;
    let numero = allouer_numero(tx, enregistre_le.year())?;
    tx.execute(
        "INSERT INTO estimations (numero, annee, sequence, enregistre_le, date_soins, \
         initiales, reference, reference_cle, bareme, situation, empreinte, \
         bareme_sha256, bareme_nom, bareme_en_vigueur_le, personnes) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            numero.to_string(),
            numero.annee(),
            numero.sequence(),
            horodatage(&enregistre_le),
            ligne.date_soins.format("%Y-%m-%d").to_string(),
            ligne.initiales,
            ligne.reference,
            ligne.reference.map(cle_reference),
            ligne.bareme,
            ligne.situation,
            ligne.empreinte,
            ligne.bareme_version.as_ref().map(|b| b.sha256.as_str()),
            ligne.bareme_version.as_ref().map(|b| b.nom.as_str()),
            ligne
                .bareme_version
                .as_ref()
                .map(|b| b.en_vigueur_le.format("%Y-%m-%d").to_string()),
            ligne.personnes,
        ],
    )?;
    Ok(EstimationEnregistree {
        numero,
        enregistre_le,
        empreinte: ligne.empreinte.to_string(),
    })
}

impl Store {
    /// Saves an estimate under the next number of the year of `enregistre_le`,
    /// in one transaction. When this returns Ok the save is committed (and,
    /// with `synchronous=FULL`, on disk).
    pub fn enregistrer_estimation(
        &mut self,
        estimation: &NouvelleEstimation,
        enregistre_le: NaiveDateTime,
    ) -> Result<EstimationEnregistree, ErreurHistorique> {
        let date_soins = estimation.date_soins();
        let ligne = |bareme_version| Ligne {
            date_soins,
            bareme_version,
            initiales: estimation.initiales.as_ref().map(|i| i.as_str()),
            reference: estimation.reference.as_ref().map(|r| r.as_str()),
            bareme: estimation.bareme.as_ref().map(|b| b.as_str()),
            situation: estimation.situation(),
            empreinte: estimation.empreinte(),
            personnes: estimation.personnes(),
        };
        self.with_tx(|tx| {
            let version = bareme_en_vigueur_au(tx, date_soins)?;
            inserer(tx, &ligne(version), enregistre_le)
        })
    }

    /// Saves a copy of estimate `numero` under a new number (same content).
    pub fn dupliquer_estimation(
        &mut self,
        numero: NumeroEstimation,
        enregistre_le: NaiveDateTime,
    ) -> Result<EstimationEnregistree, ErreurHistorique> {
        self.with_tx(|tx| {
            let source = lire_estimation(tx, numero)?;
            // The copy is the same estimate: it keeps the barème it was made with.
            let ligne = Ligne {
                date_soins: source.resume.date_soins,
                bareme_version: source.bareme_version.clone(),
                initiales: source.resume.initiales.as_deref(),
                reference: source.resume.reference.as_deref(),
                bareme: source.resume.bareme.as_deref(),
                situation: &source.situation,
                empreinte: &source.empreinte,
                personnes: source.resume.personnes,
            };
            inserer(tx, &ligne, enregistre_le)
        })
    }

    /// Whether the barème version in force on the date of care of `e` is
    /// another one than the version recorded when it was saved (compared by
    /// checksum); None when it is the same.
    pub fn changement_bareme(
        &self,
        e: &EstimationStockee,
    ) -> Result<Option<ChangementBareme>, ErreurHistorique> {
        let date_soins = e.resume.date_soins;
        let actuel = bareme_en_vigueur_au(&self.conn, date_soins)?;
        let meme = match (&e.bareme_version, &actuel) {
            (Some(a), Some(b)) => a.sha256 == b.sha256,
            _ => false,
        };
        Ok((!meme).then(|| ChangementBareme {
            date_soins,
            avant: e.bareme_version.clone(),
            apres: actuel,
        }))
    }

    /// The saved estimate `numero`, its content checked against its checksum.
    pub fn afficher_estimation(
        &self,
        numero: NumeroEstimation,
    ) -> Result<EstimationStockee, ErreurHistorique> {
        lire_estimation(&self.conn, numero)
    }

    /// One page of the list, newest save first.
    pub fn lister_estimations(
        &self,
        recherche: &Recherche,
    ) -> Result<PageEstimations, ErreurHistorique> {
        let (cond, mut valeurs) = condition(recherche.texte);
        let total: i64 = self.conn.query_row(
            &format!("SELECT count(*) FROM estimations WHERE {cond}"),
            rusqlite::params_from_iter(valeurs.iter()),
            |r| r.get(0),
        )?;
        let n = valeurs.len();
        valeurs.push(rusqlite::types::Value::Integer(
            recherche.limite.clamp(1, LIMITE_MAX) as i64,
        ));
        valeurs.push(rusqlite::types::Value::Integer(
            i64::try_from(recherche.decalage).unwrap_or(i64::MAX),
        ));
        let sql = format!(
            "SELECT {COLONNES_RESUME} FROM estimations WHERE {cond} \
             ORDER BY enregistre_le DESC, id DESC LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let estimations = stmt
            .query_map(rusqlite::params_from_iter(valeurs.iter()), lire_resume)?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PageEstimations {
            total: total as u64,
            estimations,
        })
    }

    /// Deletes estimate `numero`.
    pub fn supprimer_estimation(
        &mut self,
        numero: NumeroEstimation,
    ) -> Result<(), ErreurHistorique> {
        self.with_tx(|tx| {
            let n = tx.execute(
                "DELETE FROM estimations WHERE numero = ?1",
                [numero.to_string()],
            )?;
            if n == 0 {
                return Err(ErreurHistorique::Introuvable(numero));
            }
            Ok(())
        })
    }

    /// Every estimate saved under `reference` (case ignored), oldest first.
    pub fn estimations_de_reference(
        &self,
        reference: &ReferenceAdherent,
    ) -> Result<Vec<EstimationStockee>, ErreurHistorique> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLONNES_COMPLETES} FROM estimations \
             WHERE reference_cle = ?1 ORDER BY enregistre_le, id"
        ))?;
        let lignes = stmt
            .query_map([reference.cle()], lire_complete)?
            .collect::<Result<Vec<_>, _>>()?;
        lignes.into_iter().map(verifier).collect()
    }

    /// Deletes every estimate saved under `reference`; returns how many.
    pub fn supprimer_estimations_de_reference(
        &mut self,
        reference: &ReferenceAdherent,
    ) -> Result<usize, ErreurHistorique> {
        let cle = reference.cle();
        self.with_tx(
            |tx| Ok(tx.execute("DELETE FROM estimations WHERE reference_cle = ?1", [cle])?),
        )
    }

    /// Deletes the estimates saved strictly before `avant`; returns how many.
    pub fn purger_estimations(&mut self, avant: NaiveDate) -> Result<usize, ErreurHistorique> {
        let borne = avant.format("%Y-%m-%d").to_string();
        self.with_tx(|tx| {
            Ok(tx.execute("DELETE FROM estimations WHERE enregistre_le < ?1", [borne])?)
        })
    }

    /// Applies the retention setting on `aujourdhui`: deletes the estimates
    /// saved more than `conservation` days before. Returns how many, and the
    /// first day kept.
    pub fn purger_selon_conservation(
        &mut self,
        aujourdhui: NaiveDate,
    ) -> Result<(usize, NaiveDate), ErreurHistorique> {
        let jours = self.conservation_jours()?;
        let avant = aujourdhui - chrono::Days::new(u64::from(jours));
        Ok((self.purger_estimations(avant)?, avant))
    }

    /// How many days saved estimates are kept (setting, 90 by default).
    pub fn conservation_jours(&self) -> Result<u32, ErreurHistorique> {
        let valeur: Option<String> = self
            .conn
            .query_row(
                "SELECT valeur FROM reglages WHERE cle = ?1",
                [CLE_CONSERVATION],
                |r| r.get(0),
            )
            .optional()?;
        match valeur {
            None => Ok(CONSERVATION_PAR_DEFAUT),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|j| (1..=CONSERVATION_MAX).contains(j))
                .ok_or_else(|| {
                    ErreurHistorique::Endommagee(format!(
                        "réglage de conservation illisible : « {v} »"
                    ))
                }),
        }
    }

    /// Sets how many days saved estimates are kept (1 to 3650).
    pub fn definir_conservation(&mut self, jours: u32) -> Result<(), ErreurHistorique> {
        if !(1..=CONSERVATION_MAX).contains(&jours) {
            return Err(ErreurChamp::new(
                "conservation",
                format!("{jours} jours : choisir de 1 à {CONSERVATION_MAX} jours"),
            )
            .into());
        }
        self.with_tx(|tx| {
            tx.execute(
                "INSERT INTO reglages (cle, valeur) VALUES (?1, ?2) \
                 ON CONFLICT (cle) DO UPDATE SET valeur = excluded.valeur",
                params![CLE_CONSERVATION, jours.to_string()],
            )?;
            Ok(())
        })
    }

    /// The numbers of the estimates whose content no longer matches their
    /// checksum (full scan; for `guichet base verifier`).
    pub fn estimations_alterees(&self) -> Result<Vec<NumeroEstimation>, ErreurHistorique> {
        let mut stmt = self
            .conn
            .prepare("SELECT numero, situation, empreinte FROM estimations ORDER BY id")?;
        let mut alterees = Vec::new();
        let mut lignes = stmt.query([])?;
        while let Some(r) = lignes.next()? {
            let numero: String = r.get(0)?;
            let situation: String = r.get(1)?;
            let attendue: String = r.get(2)?;
            if empreinte(&situation) != attendue {
                alterees.push(numero.parse()?);
            }
        }
        Ok(alterees)
    }

    /// How many estimates are saved.
    pub fn nombre_estimations(&self) -> Result<u64, ErreurHistorique> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM estimations", [], |r| r.get(0))?;
        Ok(n as u64)
    }
}

fn lire_complete(r: &Row) -> rusqlite::Result<EstimationStockee> {
    let sha: Option<String> = r.get(9)?;
    let nom: Option<String> = r.get(10)?;
    let date: Option<String> = r.get(11)?;
    let bareme_version = match (sha, nom, date) {
        (Some(sha256), Some(nom), Some(d)) => Some(BaremeEnregistre {
            nom,
            en_vigueur_le: NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| {
                rusqlite::Error::FromSqlConversionFailure(
                    11,
                    rusqlite::types::Type::Text,
                    Box::new(e),
                )
            })?,
            sha256,
        }),
        _ => None,
    };
    Ok(EstimationStockee {
        resume: lire_resume(r)?,
        empreinte: r.get(7)?,
        situation: r.get(8)?,
        bareme_version,
    })
}

/// The barème version in force on `date` (the latest effective on or
/// before it), as recorded with an estimate.
fn bareme_en_vigueur_au(
    conn: &rusqlite::Connection,
    date: NaiveDate,
) -> Result<Option<BaremeEnregistre>, ErreurHistorique> {
    let ligne: Option<(String, String, String)> = conn
        .query_row(
            "SELECT sha256, nom, en_vigueur_le FROM bareme_versions \
             WHERE en_vigueur_le <= ?1 ORDER BY en_vigueur_le DESC LIMIT 1",
            [date.format("%Y-%m-%d").to_string()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    ligne
        .map(|(sha256, nom, d)| {
            Ok(BaremeEnregistre {
                nom,
                en_vigueur_le: NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|e| {
                    ErreurHistorique::Endommagee(format!("date de barème illisible « {d} » : {e}"))
                })?,
                sha256,
            })
        })
        .transpose()
}

fn verifier(e: EstimationStockee) -> Result<EstimationStockee, ErreurHistorique> {
    if empreinte(&e.situation) != e.empreinte {
        return Err(ErreurHistorique::Alteree(e.resume.numero));
    }
    Ok(e)
}

fn lire_estimation(
    conn: &rusqlite::Connection,
    numero: NumeroEstimation,
) -> Result<EstimationStockee, ErreurHistorique> {
    let e = conn
        .query_row(
            &format!("SELECT {COLONNES_COMPLETES} FROM estimations WHERE numero = ?1"),
            [numero.to_string()],
            lire_complete,
        )
        .optional()?
        .ok_or(ErreurHistorique::Introuvable(numero))?;
    verifier(e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::historique::{Initiales, ValidationMinimale};
    use serde_json::json;

    fn moment(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, FORMAT_HORODATAGE).unwrap()
    }

    fn ouvrir() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("guichet.db")).unwrap();
        (dir, store)
    }

    fn nouvelle(
        date_soins: &str,
        initiales: Option<&str>,
        reference: Option<&str>,
    ) -> NouvelleEstimation {
        NouvelleEstimation::preparer(
            &json!({"date_soins": date_soins, "actes": [{"code": "G", "frais_reels": "30.00"}]}),
            &ValidationMinimale,
            initiales.map(|i| i.parse::<Initiales>().unwrap()),
            reference.map(|r| r.parse().unwrap()),
            None,
        )
        .unwrap()
    }

    #[test]
    fn numbers_follow_each_other_within_a_year_and_restart_the_next() {
        let (_d, mut s) = ouvrir();
        let e = nouvelle("2026-03-14", None, None);
        let a = s
            .enregistrer_estimation(&e, moment("2026-12-31T23:59:59"))
            .unwrap();
        let b = s
            .enregistrer_estimation(&e, moment("2026-12-31T23:59:59"))
            .unwrap();
        let c = s
            .enregistrer_estimation(&e, moment("2027-01-01T00:00:00"))
            .unwrap();
        assert_eq!(a.numero.to_string(), "2026-000001");
        assert_eq!(b.numero.to_string(), "2026-000002");
        assert_eq!(c.numero.to_string(), "2027-000001");
    }

    #[test]
    fn a_deleted_number_is_never_given_again() {
        let (_d, mut s) = ouvrir();
        let e = nouvelle("2026-03-14", None, None);
        let h = moment("2026-03-14T10:00:00");
        s.enregistrer_estimation(&e, h).unwrap();
        let b = s.enregistrer_estimation(&e, h).unwrap();
        s.supprimer_estimation(b.numero).unwrap();
        let c = s.enregistrer_estimation(&e, h).unwrap();
        assert_eq!(c.numero.to_string(), "2026-000003");
        assert!(matches!(
            s.supprimer_estimation(b.numero),
            Err(ErreurHistorique::Introuvable(_))
        ));
        assert_eq!(
            s.afficher_estimation(b.numero).unwrap_err().to_string(),
            "aucune estimation ne porte le numéro 2026-000002"
        );
    }

    #[test]
    fn the_numbering_stops_at_the_six_digit_limit() {
        let (_d, mut s) = ouvrir();
        s.conn
            .execute("INSERT INTO numerotation VALUES (2026, 999999)", [])
            .unwrap();
        let e = nouvelle("2026-03-14", None, None);
        let err = s
            .enregistrer_estimation(&e, moment("2026-03-14T10:00:00"))
            .unwrap_err();
        assert!(matches!(err, ErreurHistorique::NumerotationEpuisee(2026)));
        assert_eq!(s.nombre_estimations().unwrap(), 0);
    }

    #[test]
    fn show_gives_back_exactly_what_was_saved() {
        let (_d, mut s) = ouvrir();
        let e = nouvelle("2026-03-14", Some("ab"), Some("Dossier 12"));
        let r = s
            .enregistrer_estimation(&e, moment("2026-03-15T09:30:00"))
            .unwrap();
        let lu = s.afficher_estimation(r.numero).unwrap();
        assert_eq!(lu.situation, e.situation());
        assert_eq!(lu.empreinte, e.empreinte());
        assert_eq!(lu.resume.initiales.as_deref(), Some("AB"));
        assert_eq!(lu.resume.reference.as_deref(), Some("Dossier 12"));
        assert_eq!(
            lu.resume.date_soins,
            NaiveDate::from_ymd_opt(2026, 3, 14).unwrap()
        );
        assert_eq!(lu.resume.enregistre_le, moment("2026-03-15T09:30:00"));
    }

    #[test]
    fn duplicate_copies_the_content_under_a_new_number() {
        let (_d, mut s) = ouvrir();
        let e = nouvelle("2026-03-14", Some("AB"), Some("R1"));
        let a = s
            .enregistrer_estimation(&e, moment("2026-03-15T09:30:00"))
            .unwrap();
        let b = s
            .dupliquer_estimation(a.numero, moment("2026-04-01T08:00:00"))
            .unwrap();
        assert_eq!(b.numero.to_string(), "2026-000002");
        let (la, lb) = (
            s.afficher_estimation(a.numero).unwrap(),
            s.afficher_estimation(b.numero).unwrap(),
        );
        assert_eq!(la.situation, lb.situation);
        assert_eq!(la.empreinte, lb.empreinte);
        assert_eq!(lb.resume.enregistre_le, moment("2026-04-01T08:00:00"));
        let absent = NumeroEstimation::new(2026, 99).unwrap();
        assert!(matches!(
            s.dupliquer_estimation(absent, moment("2026-04-01T08:00:00")),
            Err(ErreurHistorique::Introuvable(_))
        ));
    }

    #[test]
    fn a_tampered_content_is_detected_on_read() {
        let (_d, mut s) = ouvrir();
        let e = nouvelle("2026-03-14", None, None);
        let a = s
            .enregistrer_estimation(&e, moment("2026-03-15T09:30:00"))
            .unwrap();
        s.conn
            .execute(
                "UPDATE estimations SET situation = replace(situation, '30.00', '31.00')",
                [],
            )
            .unwrap();
        assert!(matches!(
            s.afficher_estimation(a.numero),
            Err(ErreurHistorique::Alteree(_))
        ));
        assert_eq!(s.estimations_alterees().unwrap(), vec![a.numero]);
    }

    #[test]
    fn list_is_newest_first_and_searchable() {
        let (_d, mut s) = ouvrir();
        let a = s
            .enregistrer_estimation(
                &nouvelle("2026-01-10", Some("AB"), Some("Dossier-77")),
                moment("2026-01-10T09:00:00"),
            )
            .unwrap();
        let b = s
            .enregistrer_estimation(
                &nouvelle("2026-02-01", Some("CD"), Some("X-12")),
                moment("2026-02-03T10:00:00"),
            )
            .unwrap();
        let c = s
            .enregistrer_estimation(
                &nouvelle("2026-01-20", None, None),
                moment("2026-01-25T11:00:00"),
            )
            .unwrap();
        let numeros = |t: Option<&str>| -> Vec<String> {
            s.lister_estimations(&Recherche {
                texte: t,
                ..Default::default()
            })
            .unwrap()
            .estimations
            .into_iter()
            .map(|e| e.numero.to_string())
            .collect()
        };
        let n = |x: &EstimationEnregistree| x.numero.to_string();
        assert_eq!(numeros(None), vec![n(&b), n(&c), n(&a)]);
        assert_eq!(numeros(Some("ab")), vec![n(&a)]);
        assert_eq!(numeros(Some("dossier")), vec![n(&a)]);
        assert_eq!(numeros(Some("x-1")), vec![n(&b)]);
        assert_eq!(numeros(Some("2026-000003")), vec![n(&c)]);
        assert_eq!(numeros(Some("2")), vec![n(&b)]);
        assert_eq!(numeros(Some("20/01/2026")), vec![n(&c)]);
        assert_eq!(numeros(Some("2026-02-03")), vec![n(&b)]);
        assert!(numeros(Some("zz-inconnu")).is_empty());
        let page = s
            .lister_estimations(&Recherche {
                texte: None,
                limite: 2,
                decalage: 2,
            })
            .unwrap();
        assert_eq!(page.total, 3);
        assert_eq!(page.estimations.len(), 1);
        assert_eq!(page.estimations[0].numero, a.numero);
    }

    #[test]
    fn export_and_delete_by_reference_ignore_case_and_touch_nobody_else() {
        let (_d, mut s) = ouvrir();
        let h = moment("2026-03-15T09:30:00");
        s.enregistrer_estimation(&nouvelle("2026-03-14", None, Some("Dossier-1")), h)
            .unwrap();
        s.enregistrer_estimation(&nouvelle("2026-03-16", None, Some("dossier-1")), h)
            .unwrap();
        s.enregistrer_estimation(&nouvelle("2026-03-14", None, Some("Dossier-10")), h)
            .unwrap();
        s.enregistrer_estimation(&nouvelle("2026-03-14", None, None), h)
            .unwrap();
        let r: ReferenceAdherent = "DOSSIER-1".parse().unwrap();
        let export = s.estimations_de_reference(&r).unwrap();
        assert_eq!(export.len(), 2);
        assert_eq!(s.supprimer_estimations_de_reference(&r).unwrap(), 2);
        assert_eq!(s.nombre_estimations().unwrap(), 2);
        assert!(s.estimations_de_reference(&r).unwrap().is_empty());
    }

    #[test]
    fn retention_purges_what_is_older_than_the_setting() {
        let (_d, mut s) = ouvrir();
        assert_eq!(s.conservation_jours().unwrap(), 90);
        let e = nouvelle("2026-01-01", None, None);
        // 2026-06-30 − 90 days: back 30 days to 31 May, 31 more to 30 April,
        // 29 more to 1 April (30 + 31 + 29 = 90). Saves of 1 April are kept,
        // saves of 31 March are purged.
        s.enregistrer_estimation(&e, moment("2026-03-31T23:59:59"))
            .unwrap();
        let garde = s
            .enregistrer_estimation(&e, moment("2026-04-01T00:00:00"))
            .unwrap();
        let (n, avant) = s
            .purger_selon_conservation(NaiveDate::from_ymd_opt(2026, 6, 30).unwrap())
            .unwrap();
        assert_eq!(avant, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
        assert_eq!(n, 1);
        assert_eq!(s.nombre_estimations().unwrap(), 1);
        assert!(s.afficher_estimation(garde.numero).is_ok());

        s.definir_conservation(30).unwrap();
        assert_eq!(s.conservation_jours().unwrap(), 30);
        let e = s.definir_conservation(0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "conservation : 0 jours : choisir de 1 à 3650 jours"
        );
        assert!(s.definir_conservation(3651).is_err());
    }

    #[test]
    fn a_full_disk_refuses_the_save_and_keeps_the_rest() {
        let (_d, mut s) = ouvrir();
        let h = moment("2026-03-15T09:30:00");
        let mut faites = Vec::new();
        for i in 0..20 {
            let e = NouvelleEstimation::preparer(
                &json!({"date_soins": "2026-03-14", "note": "x".repeat(3000), "i": i}),
                &ValidationMinimale,
                None,
                None,
                None,
            )
            .unwrap();
            faites.push((s.enregistrer_estimation(&e, h).unwrap(), e));
        }
        // Freeze the file at its current size: SQLite answers SQLITE_FULL,
        // the same code as a disk with no free block.
        let pages: i64 = s
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .unwrap();
        s.conn.pragma_update(None, "max_page_count", pages).unwrap();
        let gros = NouvelleEstimation::preparer(
            &json!({"date_soins": "2026-03-14", "note": "y".repeat(200_000)}),
            &ValidationMinimale,
            None,
            None,
            None,
        )
        .unwrap();
        let err = s.enregistrer_estimation(&gros, h).unwrap_err();
        assert!(matches!(err, ErreurHistorique::DisquePlein), "{err:?}");
        assert!(err.to_string().starts_with("le disque est plein"), "{err}");
        assert_eq!(s.nombre_estimations().unwrap(), 20);
        for (r, e) in &faites {
            assert_eq!(
                s.afficher_estimation(r.numero).unwrap().situation,
                e.situation()
            );
        }
        let ok: String = s
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        // Space again: the next save takes the next number, none was lost.
        s.conn
            .pragma_update(None, "max_page_count", 1_073_741_823i64)
            .unwrap();
        let r = s.enregistrer_estimation(&gros, h).unwrap();
        assert_eq!(r.numero.to_string(), "2026-000021");
    }

    /// The shipped 2018 table, renamed and made effective on 2018-06-01: a
    /// second version that covers care from that day on.
    fn version_revisee() -> Vec<u8> {
        let (_, texte) = crate::tarifs::FICHIERS_LIVRES[0];
        let t = texte
            .replacen(
                "nom = \"MGEN Annexe 2 — 2018\"",
                "nom = \"MGEN Annexe 2 — 2018 révisée\"",
                1,
            )
            .replacen(
                "en_vigueur_le = \"2018-01-01\"",
                "en_vigueur_le = \"2018-06-01\"",
                1,
            );
        assert_ne!(t, texte, "l'en-tête du barème livré a changé");
        t.into_bytes()
    }

    #[test]
    fn a_reopened_estimate_says_when_the_bareme_of_its_date_changed() {
        let (_d, mut s) = ouvrir();
        s.seed_baremes_livres(moment("2026-11-22T09:00:00"))
            .unwrap();
        let livre = s.versions_baremes().unwrap().remove(0);
        let e = nouvelle("2018-06-15", None, None);
        let a = s
            .enregistrer_estimation(&e, moment("2026-11-22T10:00:00"))
            .unwrap();
        // Recorded: the version in force on the date of care, by checksum.
        let lu = s.afficher_estimation(a.numero).unwrap();
        let v = lu.bareme_version.clone().unwrap();
        assert_eq!(v.sha256, livre.sha256);
        assert_eq!(v.nom, "MGEN Annexe 2 — 2018");
        assert_eq!(
            v.en_vigueur_le,
            NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()
        );
        // Unchanged: no message.
        assert_eq!(s.changement_bareme(&lu).unwrap(), None);

        // A later version covering 15/06/2018 is imported.
        let octets = version_revisee();
        let import = s
            .importer_bareme("revisee.toml", &octets, moment("2026-11-22T11:00:00"), true)
            .unwrap();
        let nouvelle_version = import.version().clone();
        let lu = s.afficher_estimation(a.numero).unwrap();
        let c = s
            .changement_bareme(&lu)
            .unwrap()
            .expect("changement attendu");
        assert_eq!(c.avant.as_ref().unwrap().sha256, livre.sha256);
        assert_eq!(c.apres.as_ref().unwrap().sha256, nouvelle_version.sha256);
        let m = c.message();
        assert!(m.starts_with("Le barème des soins du 15/06/2018 a changé depuis l'enregistrement (nom, date d'entrée en vigueur, empreinte)"), "{m}");
        assert!(
            m.contains(
                "enregistrée avec « MGEN Annexe 2 — 2018 », en vigueur le 01/01/2018, empreinte "
            ),
            "{m}"
        );
        assert!(m.contains(&livre.sha256[..12]), "{m}");
        assert!(
            m.contains(&format!(
                "recalculée avec « {} », en vigueur le 01/06/2018, empreinte {}",
                nouvelle_version.nom,
                &nouvelle_version.sha256[..12]
            )),
            "{m}"
        );

        // Care before the new version: still the shipped one, no message.
        let avant = nouvelle("2018-05-31", None, None);
        let b = s
            .enregistrer_estimation(&avant, moment("2026-11-22T12:00:00"))
            .unwrap();
        let lb = s.afficher_estimation(b.numero).unwrap();
        assert_eq!(lb.bareme_version.as_ref().unwrap().sha256, livre.sha256);
        assert_eq!(s.changement_bareme(&lb).unwrap(), None);

        // Saved after the import: recorded with the new version, no message;
        // its duplicate keeps what the original was made with.
        let c2 = s
            .enregistrer_estimation(&e, moment("2026-11-22T13:00:00"))
            .unwrap();
        let lc = s.afficher_estimation(c2.numero).unwrap();
        assert_eq!(
            lc.bareme_version.as_ref().unwrap().sha256,
            nouvelle_version.sha256
        );
        assert_eq!(s.changement_bareme(&lc).unwrap(), None);
        let dup = s
            .dupliquer_estimation(a.numero, moment("2026-11-22T14:00:00"))
            .unwrap();
        let ld = s.afficher_estimation(dup.numero).unwrap();
        assert_eq!(ld.bareme_version, lu.bareme_version);
        assert!(s.changement_bareme(&ld).unwrap().is_some());
    }

    #[test]
    fn an_estimate_without_recorded_bareme_says_so_on_reopen() {
        let (_d, mut s) = ouvrir();
        // No barème held at the save (as before the versions were recorded).
        let e = nouvelle("2018-06-15", None, None);
        let a = s
            .enregistrer_estimation(&e, moment("2026-11-22T10:00:00"))
            .unwrap();
        let lu = s.afficher_estimation(a.numero).unwrap();
        assert_eq!(lu.bareme_version, None);
        assert_eq!(
            s.changement_bareme(&lu).unwrap().unwrap().message(),
            "Aucun barème en vigueur au 15/06/2018 dans cette base."
        );
        s.seed_baremes_livres(moment("2026-11-22T11:00:00"))
            .unwrap();
        let m = s.changement_bareme(&lu).unwrap().unwrap().message();
        assert!(
            m.starts_with("Barème de l'enregistrement inconnu (estimation enregistrée avant le suivi des versions) : recalculée avec « MGEN Annexe 2 — 2018 », en vigueur le 01/01/2018, empreinte "),
            "{m}"
        );
    }
}
