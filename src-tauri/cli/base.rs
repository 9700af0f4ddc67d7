//! `guichet base …`: check the database, make and list backups, restore one,
//! put a damaged file aside. Listing, restoring and setting aside work
//! without opening the database, so they work when it is damaged.

use super::{EXIT_FAILURE, EXIT_INVALID_INPUT};
use crate::store::sauvegarde::{
    self, dossier_sauvegardes, lister_sauvegardes, verifier_sauvegarde, ErreurSauvegarde,
};
use crate::store::Store;
use crate::transport::{RestaurationInfo, SauvegardeInfo};
use chrono::NaiveDateTime;
use clap::Subcommand;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

#[derive(Debug, Subcommand)]
pub enum ActionBase {
    /// Vérifie toute la base (intégrité complète et empreinte de chaque estimation)
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Verifier,
    /// Fait une sauvegarde maintenant (les 5 dernières sont gardées)
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Sauvegarder,
    /// Liste les sauvegardes, la plus récente d'abord, avec leur état (JSON)
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Sauvegardes,
    /// Remplace la base par une sauvegarde (la plus récente saine par défaut) ; l'ancienne base est mise de côté, jamais effacée
    #[command(help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    Restaurer {
        /// Nom de la sauvegarde (voir « guichet base sauvegardes »)
        #[arg(value_name = "SAUVEGARDE", help_heading = "Arguments")]
        sauvegarde: Option<String>,
    },
    /// Met la base de côté (renommée, jamais effacée) pour repartir d'une base vide
    #[command(name = "mettre-de-cote", help_template = super::MODELE_AIDE, next_help_heading = "Options")]
    MettreDeCote,
}

impl ActionBase {
    /// True for the actions that must not open the database.
    pub fn sans_ouverture(&self) -> bool {
        matches!(
            self,
            ActionBase::Sauvegardes | ActionBase::Restaurer { .. } | ActionBase::MettreDeCote
        )
    }
}

/// Runs an action that does not open the database.
pub fn executer_sans_ouverture(action: &ActionBase, db: &Path, maintenant: NaiveDateTime) -> i32 {
    match action {
        ActionBase::Sauvegardes => match lister_sauvegardes(db) {
            Ok(liste) => {
                let infos: Vec<SauvegardeInfo> = liste
                    .iter()
                    .map(|s| SauvegardeInfo::from(&verifier_sauvegarde(s)))
                    .collect();
                if infos.is_empty() {
                    eprintln!(
                        "guichet : aucune sauvegarde dans {}",
                        dossier_sauvegardes(db).display()
                    );
                }
                json(&infos)
            }
            Err(e) => echec(&e),
        },
        ActionBase::Restaurer { sauvegarde } => {
            match sauvegarde::restaurer(db, sauvegarde.as_deref(), maintenant) {
                Ok(r) => {
                    eprintln!(
                        "guichet : base restaurée depuis {}{}",
                        r.sauvegarde.nom,
                        match &r.mise_de_cote {
                            Some(p) =>
                                format!(" ; l'ancienne base est gardée sous {}", p.display()),
                            None => String::new(),
                        }
                    );
                    json(&RestaurationInfo::from(&r))
                }
                Err(e) => echec(&e),
            }
        }
        ActionBase::MettreDeCote => match sauvegarde::mettre_de_cote(db, maintenant) {
            Ok(p) => {
                eprintln!(
                    "guichet : base gardée sous {} ; une base vide sera créée au prochain démarrage",
                    p.display()
                );
                json(&serde_json::json!({ "mise_de_cote": p.display().to_string() }))
            }
            Err(e) => echec(&e),
        },
        ActionBase::Verifier | ActionBase::Sauvegarder => {
            eprintln!("guichet : cette action ouvre la base");
            EXIT_FAILURE
        }
    }
}

/// Runs an action on the opened database.
pub fn executer(action: &ActionBase, store: &Store, maintenant: NaiveDateTime) -> i32 {
    match action {
        ActionBase::Sauvegarder => match store.sauvegarder(maintenant) {
            Ok(s) => json(&serde_json::json!({
                "sauvegarde": s.nom,
                "chemin": s.chemin.display().to_string(),
                "taille_octets": s.taille,
            })),
            Err(e) => echec(&e),
        },
        ActionBase::Verifier => {
            let debut = Instant::now();
            let integrite = store.controle_complet();
            let alterees = store.estimations_alterees();
            let duree_ms = debut.elapsed().as_millis() as u64;
            let nombre = store.nombre_estimations().ok();
            match (integrite, alterees) {
                (Ok(()), Ok(a)) if a.is_empty() => json(&serde_json::json!({
                    "integrite": "ok",
                    "estimations": nombre,
                    "alterees": [],
                    "duree_ms": duree_ms,
                })),
                (integrite, alterees) => {
                    let alterees: Vec<String> = alterees
                        .map(|a| a.iter().map(ToString::to_string).collect())
                        .unwrap_or_default();
                    let _ = json(&serde_json::json!({
                        "integrite": integrite.err().unwrap_or_else(|| "ok".into()),
                        "estimations": nombre,
                        "alterees": alterees,
                        "duree_ms": duree_ms,
                    }));
                    eprintln!(
                        "guichet : la base présente des anomalies : voyez « guichet base sauvegardes » \
                         puis « guichet base restaurer »"
                    );
                    EXIT_FAILURE
                }
            }
        }
        other => executer_sans_ouverture(other, store.path(), maintenant),
    }
}

fn echec(e: &ErreurSauvegarde) -> i32 {
    eprintln!("guichet : {e}");
    match e {
        ErreurSauvegarde::Introuvable(_) => EXIT_INVALID_INPUT,
        _ => EXIT_FAILURE,
    }
}

fn json<T: serde::Serialize>(v: &T) -> i32 {
    let texte = match serde_json::to_string_pretty(v) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("guichet : sortie JSON impossible : {e}");
            return EXIT_FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{texte}").and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(_) => EXIT_FAILURE,
    }
}
