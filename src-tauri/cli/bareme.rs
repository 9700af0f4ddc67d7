//! `guichet bareme …`: the MGEN tables held in the database, headless.
//! - `lister [--date AAAA-MM-JJ]`: every cell of the version in force on
//!   the date (today by default), as a JSON array;
//! - `versions`: the versions held, as JSON;
//! - `importer FICHIER`: validates then imports a version file;
//! - `diff AVANT APRES [--texte] [--pdf SORTIE.pdf]`: what changed between
//!   two version files, line by line and cell by cell (JSON, or French
//!   text; with `--pdf`, also the printable comparison).

use super::sortie_pdf::{self, OptionsPdf};
use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::documents::document_comparaison_baremes;
use crate::store::tarifs::{BaremeStoreError, Import, VersionBareme};
use crate::store::Store;
use crate::tarifs::annexe;
use chrono::NaiveDate;
use clap::Subcommand;
use serde_json::{json, Value};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum BaremeCommand {
    /// Affiche en JSON chaque case du barème en vigueur à la date (aujourd'hui par défaut)
    Lister {
        /// Date des soins, AAAA-MM-JJ
        #[arg(long, value_name = "AAAA-MM-JJ")]
        date: Option<String>,
    },
    /// Affiche en JSON les versions de barème de la base
    Versions,
    /// Vérifie puis importe un fichier de barème (TOML, UTF-8)
    Importer {
        /// Le fichier à importer
        #[arg(value_name = "FICHIER")]
        fichier: PathBuf,
        /// Importer même si le fichier n'est pas signé par l'office national
        /// (les estimations porteront la mention « barème non signé »)
        #[arg(long)]
        accepter_non_signe: bool,
    },
    /// Compare deux fichiers de barème : lignes ajoutées, retirées, cases
    /// modifiées (ancienne → nouvelle valeur par offre)
    Diff {
        /// Le barème de référence (l'ancien)
        #[arg(value_name = "AVANT")]
        avant: PathBuf,
        /// Le barème à vérifier (le nouveau)
        #[arg(value_name = "APRES")]
        apres: PathBuf,
        /// Texte lisible au lieu du JSON
        #[arg(long)]
        texte: bool,
        #[command(flatten)]
        sortie: OptionsPdf,
    },
    /// Signe un fichier de barème avec la clé privée de l'office national
    /// (outil de l'office ; la clé privée ne quitte pas l'office)
    Signer {
        /// Le fichier à signer
        #[arg(value_name = "FICHIER")]
        fichier: PathBuf,
        /// Fichier de la clé privée (64 chiffres hexadécimaux)
        #[arg(long, value_name = "CLE")]
        cle_privee: PathBuf,
        /// Fichier signé à écrire (par défaut : remplace FICHIER)
        #[arg(long, value_name = "SORTIE")]
        sortie: Option<PathBuf>,
    },
}

/// Runs a `bareme` subcommand; returns the exit code.
pub fn run(store: &mut Store, command: BaremeCommand) -> i32 {
    let resultat = match command {
        BaremeCommand::Lister { date } => lister(store, date.as_deref()),
        BaremeCommand::Versions => store
            .versions_baremes()
            .map(|v| Value::Array(v.iter().map(version_json).collect()))
            .map_err(|e| (code(&e), e.to_string())),
        BaremeCommand::Importer {
            fichier,
            accepter_non_signe,
        } => importer(store, &fichier, accepter_non_signe),
        BaremeCommand::Signer {
            fichier,
            cle_privee,
            sortie,
        } => signer(&fichier, &cle_privee, sortie.as_deref()),
        // Handled before the database is opened (`cli::main`); kept here so
        // that the match says every subcommand.
        BaremeCommand::Diff {
            avant,
            apres,
            texte,
            sortie,
        } => return diff(&avant, &apres, texte, &sortie),
    };
    match resultat {
        Ok(v) => {
            use std::io::Write;
            // A closed pipe (`| head`) is not an error of ours.
            let _ = writeln!(
                std::io::stdout().lock(),
                "{}",
                serde_json::to_string_pretty(&v).unwrap_or_default()
            );
            0
        }
        Err((code, message)) => {
            eprintln!("guichet : {message}");
            code
        }
    }
}

fn code(e: &BaremeStoreError) -> i32 {
    match e {
        BaremeStoreError::Tarif(_)
        | BaremeStoreError::MemeDate { .. }
        | BaremeStoreError::DateAnterieure { .. }
        | BaremeStoreError::NonSigne { .. } => EXIT_INVALID_INPUT,
        _ => EXIT_FAILURE,
    }
}

fn lister(store: &Store, date: Option<&str>) -> Result<Value, (i32, String)> {
    let date = match date {
        Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d").map_err(|_| {
            (
                EXIT_INVALID_INPUT,
                format!("--date : date « {d} » illisible, écrivez-la AAAA-MM-JJ"),
            )
        })?,
        None => chrono::Local::now().date_naive(),
    };
    let (_, bareme) = store
        .bareme_au(date)
        .map_err(|e| (code(&e), e.to_string()))?;
    let mut cases = Vec::new();
    for l in &bareme.lignes {
        for offre in bareme.codes_offres() {
            let Some(c) = l.cellules.get(&offre) else {
                continue;
            };
            cases.push(json!({
                "bareme": bareme.nom,
                "ligne": l.ligne,
                "section": l.section,
                "libelle": l.libelle,
                "offre": offre,
                "variante": l.variante,
                "nature": c.nature,
                "valeur": c.valeur.map(|v| v.to_string()),
                "unite": c.unite,
                "texte": c.texte,
                "limites": c.limites,
                "enveloppe": c.enveloppe,
                "ou_ticket_moderateur_si_superieur": c.ou_ticket_moderateur_si_superieur,
                "au_dela": c.au_dela,
                "note": c.note,
                "source": l.source,
                "codes_lpp": l.codes_lpp,
            }));
        }
    }
    Ok(Value::Array(cases))
}

fn signer(
    fichier: &std::path::Path,
    cle: &std::path::Path,
    sortie: Option<&std::path::Path>,
) -> Result<Value, (i32, String)> {
    use crate::tarifs::signature;
    let lire = |p: &std::path::Path| {
        std::fs::read(p).map_err(|e| (EXIT_INVALID_INPUT, format!("{} : {e}", p.display())))
    };
    let cle_texte = String::from_utf8(lire(cle)?).map_err(|_| {
        (
            EXIT_INVALID_INPUT,
            format!("{} : clé illisible", cle.display()),
        )
    })?;
    let cle = signature::lire_cle_privee(&cle_texte)
        .map_err(|e| (EXIT_INVALID_INPUT, format!("--cle-privee : {e}")))?;
    let octets = lire(fichier)?;
    annexe::lire_octets(&fichier.display().to_string(), &octets)
        .map_err(|e| (EXIT_INVALID_INPUT, e.to_string()))?;
    let signe = signature::signer(&octets, &cle);
    let cible = sortie.unwrap_or(fichier);
    std::fs::write(cible, &signe)
        .map_err(|e| (EXIT_FAILURE, format!("{} : {e}", cible.display())))?;
    Ok(json!({
        "fichier": cible.display().to_string(),
        "cle_publique": signature::cle_publique_hex(&cle),
    }))
}

fn importer(
    store: &mut Store,
    fichier: &std::path::Path,
    accepter_non_signe: bool,
) -> Result<Value, (i32, String)> {
    let octets = annexe::lire_fichier(fichier).map_err(|e| (EXIT_INVALID_INPUT, e.to_string()))?;
    let origine = fichier.display().to_string();
    let import = store
        .importer_bareme(
            &origine,
            &octets,
            chrono::Utc::now().naive_utc(),
            accepter_non_signe,
        )
        .map_err(|e| (code(&e), e.to_string()))?;
    let statut = match import {
        Import::Importe(_) => "importe",
        Import::DejaPresent(_) => "deja_present",
    };
    Ok(json!({
        "statut": statut,
        "message": import.message(),
        "version": version_json(import.version()),
    }))
}

/// Reads both files completely (the same checks as an import, signature
/// aside), then prints what changed; with `--pdf`, also writes the printable
/// comparison (the one the Barèmes screen prints). 0 when read, whatever the
/// changes. Opens no database.
pub fn diff(
    avant: &std::path::Path,
    apres: &std::path::Path,
    texte: bool,
    sortie: &OptionsPdf,
) -> i32 {
    let entete = match sortie.verifier(chrono::Local::now().date_naive(), &None) {
        Ok(e) => e,
        Err((code, message)) => {
            eprintln!("guichet : {message}");
            return code;
        }
    };
    let lire = |p: &std::path::Path| {
        annexe::lire_fichier(p)
            .and_then(|o| annexe::lire_octets(&p.display().to_string(), &o))
            .map(|f| f.bareme)
    };
    let (a, b) = match (lire(avant), lire(apres)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("guichet : {e}");
            return EXIT_INVALID_INPUT;
        }
    };
    let d = crate::tarifs::diff::comparer(&a, &b);
    if let Some(chemin) = &sortie.pdf {
        let doc = document_comparaison_baremes(&d, &entete);
        if let Err((code, message)) = sortie_pdf::ecrire(&doc, chemin) {
            eprintln!("guichet : {message}");
            return code;
        }
    }
    let sortie = if texte {
        d.texte()
    } else {
        serde_json::to_string_pretty(&d).unwrap_or_default() + "\n"
    };
    use std::io::Write;
    // A closed pipe (`| head`) is not an error of ours.
    let _ = std::io::stdout().lock().write_all(sortie.as_bytes());
    0
}

fn version_json(v: &VersionBareme) -> Value {
    json!({
        "id": v.id,
        "nom": v.nom,
        "en_vigueur_le": v.en_vigueur_le.to_string(),
        "importe_le": v.importe_le.format("%Y-%m-%d %H:%M:%S").to_string(),
        "sha256": v.sha256,
        "origine": v.origine,
        "source": v.source,
        "lignes": v.nb_lignes,
    })
}
