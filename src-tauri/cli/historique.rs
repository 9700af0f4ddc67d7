//! `guichet historique …`: save, list, show, duplicate, delete, export and
//! purge saved estimates, headless, JSON out. The clock is read here (the
//! store takes the date as an argument); the number of a save is printed only
//! once its transaction is committed with `synchronous=FULL`.

use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::historique::{
    document::TAILLE_MAX, lire_situation, optionnel, ErreurChamp, ErreurDocument, Initiales,
    NomBareme, NouvelleEstimation, NumeroEstimation, ReferenceAdherent, ValidateurSituation,
};
use crate::store::historique::{ErreurHistorique, Recherche, LIMITE_MAX};
use crate::store::Store;
use crate::transport::{EstimationDetail, EstimationResume, ExportReference, PageHistorique};
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use clap::Subcommand;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum ActionHistorique {
    /// Enregistre une estimation (document de situation JSON) et affiche son numéro une fois l'enregistrement durable
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Enregistrer {
        /// Document de situation JSON (1 Mio au plus)
        #[arg(value_name = "FICHIER", help_heading = "Arguments")]
        fichier: PathBuf,
        /// Initiales du conseiller (1 à 4 lettres)
        #[arg(long, value_name = "AB")]
        initiales: Option<String>,
        /// Référence de l'adhérent (texte court ; aucun nom n'est nécessaire)
        #[arg(long, value_name = "TEXTE")]
        reference: Option<String>,
        /// Barème utilisé (nom de version ou empreinte)
        #[arg(long, value_name = "TEXTE")]
        bareme: Option<String>,
        /// Date d'enregistrement (aujourd'hui sinon) : donne l'année du numéro
        #[arg(long = "date-enregistrement", value_name = "AAAA-MM-JJ")]
        date_enregistrement: Option<String>,
    },
    /// Liste les estimations enregistrées, la plus récente d'abord (JSON)
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Lister {
        /// Numéro, rang (123), initiales, début de référence, ou date (JJ/MM/AAAA)
        #[arg(long, value_name = "TEXTE")]
        recherche: Option<String>,
        /// Page (1 pour la première)
        #[arg(long, value_name = "N", default_value = "1")]
        page: String,
        /// Estimations par page (500 au plus)
        #[arg(long = "par-page", value_name = "N", default_value = "50")]
        par_page: String,
    },
    /// Affiche une estimation enregistrée (JSON)
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Afficher {
        #[arg(value_name = "NUMERO", help_heading = "Arguments")]
        numero: String,
    },
    /// Enregistre une copie d'une estimation sous un nouveau numéro
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Dupliquer {
        #[arg(value_name = "NUMERO", help_heading = "Arguments")]
        numero: String,
        /// Date d'enregistrement de la copie (aujourd'hui sinon)
        #[arg(long = "date-enregistrement", value_name = "AAAA-MM-JJ")]
        date_enregistrement: Option<String>,
    },
    /// Supprime une estimation, ou toutes celles d'une référence d'adhérent
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Supprimer {
        #[arg(
            value_name = "NUMERO",
            help_heading = "Arguments",
            required_unless_present = "reference",
            conflicts_with = "reference"
        )]
        numero: Option<String>,
        /// Supprime toutes les estimations de cette référence (majuscules indifférentes)
        #[arg(long, value_name = "TEXTE")]
        reference: Option<String>,
    },
    /// Exporte en JSON toutes les estimations d'une référence d'adhérent
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Exporter {
        #[arg(long, value_name = "TEXTE")]
        reference: String,
    },
    /// Supprime les estimations enregistrées avant une date (par défaut : selon la durée de conservation)
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Purger {
        /// Supprime celles enregistrées strictement avant ce jour
        #[arg(long, value_name = "AAAA-MM-JJ")]
        avant: Option<String>,
    },
    /// Affiche ou change la durée de conservation des estimations (90 jours par défaut)
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Conservation {
        /// Nouvelle durée, en jours (1 à 3650)
        #[arg(long, value_name = "N")]
        jours: Option<String>,
    },
    /// (essais de fiabilité) enregistre le même document en boucle, un numéro par ligne
    #[command(hide = true, help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Rafale {
        #[arg(value_name = "FICHIER", help_heading = "Arguments")]
        fichier: PathBuf,
        #[arg(long, default_value = "1000000")]
        nombre: u64,
    },
}

/// A failure of a command: exit code and French message.
struct Echec(i32, String);

impl From<ErreurChamp> for Echec {
    fn from(e: ErreurChamp) -> Self {
        Echec(EXIT_INVALID_INPUT, e.to_string())
    }
}

impl From<ErreurHistorique> for Echec {
    fn from(e: ErreurHistorique) -> Self {
        let code = match e {
            ErreurHistorique::Introuvable(_) | ErreurHistorique::Champ(_) => EXIT_INVALID_INPUT,
            _ => EXIT_FAILURE,
        };
        Echec(code, e.to_string())
    }
}

/// Runs one `historique` action; returns the exit code. `validateur` checks
/// situation documents (the app's: [`crate::historique::ValidationMoteur`]); `maintenant` is the clock.
pub fn executer(
    action: ActionHistorique,
    store: &mut Store,
    validateur: &dyn ValidateurSituation,
    maintenant: NaiveDateTime,
) -> i32 {
    match executer_action(action, store, validateur, maintenant) {
        Ok(()) => 0,
        Err(Echec(code, message)) => {
            eprintln!("guichet : {message}");
            code
        }
    }
}

fn executer_action(
    action: ActionHistorique,
    store: &mut Store,
    validateur: &dyn ValidateurSituation,
    maintenant: NaiveDateTime,
) -> Result<(), Echec> {
    let maintenant = maintenant.with_nanosecond(0).unwrap_or(maintenant);
    match action {
        ActionHistorique::Enregistrer {
            fichier,
            initiales,
            reference,
            bareme,
            date_enregistrement,
        } => {
            let quand = moment(date_enregistrement.as_deref(), maintenant)?;
            let estimation = preparer(
                &fichier,
                validateur,
                initiales.as_deref(),
                reference.as_deref(),
                bareme.as_deref(),
            )?;
            let fait = store.enregistrer_estimation(&estimation, quand)?;
            // Committed (and synced): only now is the number given out.
            ecrire(&format!("{}\n", fait.numero))
        }
        ActionHistorique::Lister {
            recherche,
            page,
            par_page,
        } => lister(store, recherche.as_deref(), &page, &par_page),
        ActionHistorique::Afficher { numero } => afficher(store, &numero),
        ActionHistorique::Dupliquer {
            numero,
            date_enregistrement,
        } => {
            let numero: NumeroEstimation = numero.parse()?;
            let quand = moment(date_enregistrement.as_deref(), maintenant)?;
            let fait = store.dupliquer_estimation(numero, quand)?;
            ecrire(&format!("{}\n", fait.numero))
        }
        ActionHistorique::Supprimer { numero, reference } => supprimer(store, numero, reference),
        ActionHistorique::Exporter { reference } => exporter(store, &reference),
        ActionHistorique::Purger { avant } => purger(store, avant.as_deref(), maintenant.date()),
        ActionHistorique::Conservation { jours } => {
            if let Some(j) = jours {
                let j = entier("jours", &j, 0, u32::MAX)?;
                store.definir_conservation(j)?;
            }
            json(&serde_json::json!({ "conservation_jours": store.conservation_jours()? }))
        }
        ActionHistorique::Rafale { fichier, nombre } => rafale(store, validateur, &fichier, nombre),
    }
}

/// `lister`: one page of saved estimates, newest first, optionally searched.
fn lister(store: &Store, recherche: Option<&str>, page: &str, par_page: &str) -> Result<(), Echec> {
    let page = entier("page", page, 1, u32::MAX)?;
    let par_page = entier("par-page", par_page, 1, LIMITE_MAX)?;
    let r = store.lister_estimations(&Recherche {
        texte: recherche,
        limite: par_page,
        decalage: u64::from(page - 1) * u64::from(par_page),
    })?;
    json(&PageHistorique {
        total: r.total,
        page,
        par_page,
        estimations: r.estimations.iter().map(EstimationResume::from).collect(),
    })
}

/// `afficher`: one saved estimate, with what changed in its barème since.
fn afficher(store: &Store, numero: &str) -> Result<(), Echec> {
    let numero: NumeroEstimation = numero.parse()?;
    let e = store.afficher_estimation(numero)?;
    let mut d = detail(&e)?;
    // As in the window: compared by checksum with the version recorded at
    // the save.
    d.changement_bareme = store.changement_bareme(&e)?.map(|c| c.message());
    json(&d)
}

/// `supprimer`: one estimate by number, or all those of a member reference.
fn supprimer(
    store: &mut Store,
    numero: Option<String>,
    reference: Option<String>,
) -> Result<(), Echec> {
    match (numero, reference) {
        (Some(n), None) => {
            let numero: NumeroEstimation = n.parse()?;
            store.supprimer_estimation(numero)?;
            json(&serde_json::json!({ "supprimees": 1, "numero": numero.to_string() }))
        }
        (None, Some(r)) => {
            let reference: ReferenceAdherent = r.parse()?;
            let n = store.supprimer_estimations_de_reference(&reference)?;
            json(&serde_json::json!({ "supprimees": n }))
        }
        _ => Err(Echec(
            EXIT_INVALID_INPUT,
            "indiquez un numéro ou --reference, pas les deux".into(),
        )),
    }
}

/// `exporter`: every estimate of a member reference, in full.
fn exporter(store: &Store, reference: &str) -> Result<(), Echec> {
    let reference: ReferenceAdherent = reference.parse()?;
    let estimations = store
        .estimations_de_reference(&reference)?
        .iter()
        .map(detail)
        .collect::<Result<Vec<_>, _>>()?;
    json(&ExportReference {
        reference: reference.to_string(),
        estimations,
    })
}

/// `purger`: deletes the estimates saved before a day (given, or from the
/// retention period counted back from today).
fn purger(store: &mut Store, avant: Option<&str>, aujourd_hui: NaiveDate) -> Result<(), Echec> {
    let (n, avant) = match avant {
        Some(a) => {
            let d = date("avant", a)?;
            (store.purger_estimations(d)?, d)
        }
        None => store.purger_selon_conservation(aujourd_hui)?,
    };
    json(&serde_json::json!({
        "supprimees": n,
        "avant": avant.format("%Y-%m-%d").to_string(),
    }))
}

/// `rafale` (reliability tests): saves the same document in a loop, one
/// number per line, each printed once committed.
fn rafale(
    store: &mut Store,
    validateur: &dyn ValidateurSituation,
    fichier: &Path,
    nombre: u64,
) -> Result<(), Echec> {
    let estimation = preparer(fichier, validateur, None, None, None)?;
    for _ in 0..nombre {
        let quand = chrono::Local::now().naive_local();
        let quand = quand.with_nanosecond(0).unwrap_or(quand);
        let fait = store.enregistrer_estimation(&estimation, quand)?;
        ecrire(&format!("{} {}\n", fait.numero, fait.empreinte))?;
    }
    Ok(())
}

/// Reads and checks a situation file, then the typed fields.
fn preparer(
    fichier: &Path,
    validateur: &dyn ValidateurSituation,
    initiales: Option<&str>,
    reference: Option<&str>,
    bareme: Option<&str>,
) -> Result<NouvelleEstimation, Echec> {
    let initiales = optionnel::<Initiales>(initiales)?;
    let reference = optionnel::<ReferenceAdherent>(reference)?;
    let bareme = optionnel::<NomBareme>(bareme)?;
    let octets = lire_fichier(fichier)?;
    let situation = lire_situation(&octets).map_err(|e| invalide_document(fichier, e))?;
    NouvelleEstimation::preparer(
        &serde_json::Value::Object(situation),
        validateur,
        initiales,
        reference,
        bareme,
    )
    .map_err(|e| {
        Echec(
            EXIT_INVALID_INPUT,
            format!("fichier {} : {e}", fichier.display()),
        )
    })
}

fn invalide_document(fichier: &Path, e: ErreurDocument) -> Echec {
    Echec(
        EXIT_INVALID_INPUT,
        format!("fichier {} : {e}", fichier.display()),
    )
}

/// Reads at most [`TAILLE_MAX`] + 1 bytes: a larger file is refused without
/// being read whole.
fn lire_fichier(fichier: &Path) -> Result<Vec<u8>, Echec> {
    let ouvrir = |e: std::io::Error| {
        Echec(
            EXIT_INVALID_INPUT,
            format!("fichier {} : lecture impossible ({e})", fichier.display()),
        )
    };
    let f = std::fs::File::open(fichier).map_err(ouvrir)?;
    let meta = f.metadata().map_err(ouvrir)?;
    if meta.is_dir() {
        return Err(Echec(
            EXIT_INVALID_INPUT,
            format!("fichier {} : c'est un dossier", fichier.display()),
        ));
    }
    if meta.len() > TAILLE_MAX as u64 {
        return Err(invalide_document(
            fichier,
            ErreurDocument::TropVolumineux {
                taille: meta.len(),
                max: TAILLE_MAX,
            },
        ));
    }
    let mut octets = Vec::new();
    f.take(TAILLE_MAX as u64 + 1)
        .read_to_end(&mut octets)
        .map_err(ouvrir)?;
    if octets.len() > TAILLE_MAX {
        return Err(invalide_document(
            fichier,
            ErreurDocument::TropVolumineux {
                taille: octets.len() as u64,
                max: TAILLE_MAX,
            },
        ));
    }
    Ok(octets)
}

fn date(champ: &str, texte: &str) -> Result<NaiveDate, Echec> {
    NaiveDate::parse_from_str(texte.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (1900..=9999).contains(&chrono::Datelike::year(d)))
        .ok_or_else(|| {
            Echec(
                EXIT_INVALID_INPUT,
                format!(
                    "{champ} : « {} » n'est pas une date réelle au format AAAA-MM-JJ",
                    texte.chars().take(30).collect::<String>()
                ),
            )
        })
}

/// The moment of a save: the given day at the current time of day, or now.
fn moment(jour: Option<&str>, maintenant: NaiveDateTime) -> Result<NaiveDateTime, Echec> {
    match jour {
        None => Ok(maintenant),
        Some(j) => Ok(date("date d'enregistrement", j)?.and_time(maintenant.time())),
    }
}

fn entier(champ: &str, texte: &str, min: u32, max: u32) -> Result<u32, Echec> {
    texte
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| {
            Echec(
                EXIT_INVALID_INPUT,
                format!("{champ} : nombre entier de {min} à {max} attendu"),
            )
        })
}

fn detail(e: &crate::store::historique::EstimationStockee) -> Result<EstimationDetail, Echec> {
    EstimationDetail::try_from(e).map_err(|err| {
        Echec(
            EXIT_FAILURE,
            format!("estimation {} illisible : {err}", e.resume.numero),
        )
    })
}

fn json<T: serde::Serialize>(valeur: &T) -> Result<(), Echec> {
    let texte = serde_json::to_string_pretty(valeur)
        .map_err(|e| Echec(EXIT_FAILURE, format!("sortie JSON impossible : {e}")))?;
    ecrire(&format!("{texte}\n"))
}

/// Writes to stdout and flushes; a closed pipe is an error, never a panic.
fn ecrire(texte: &str) -> Result<(), Echec> {
    let mut out = std::io::stdout().lock();
    out.write_all(texte.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            Echec(
                EXIT_FAILURE,
                format!("écriture sur la sortie impossible : {e}"),
            )
        })
}
