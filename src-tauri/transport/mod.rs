//! Transport types: every value that crosses IPC between Rust and the UI,
//! defined once here; their TypeScript declarations are generated with ts-rs
//! into `ui/src/lib/bindings.ts` (see [`typescript_bindings`]).

mod baremes;
mod documents;
mod estimation;
mod foyer;
mod historique;
mod simulateurs;

pub use baremes::*;
pub use documents::*;
pub use estimation::*;
pub use foyer::*;
pub use historique::*;
pub use simulateurs::*;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What kind of failure reached the UI. The UI switches on this code, never
/// on the message text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// Input that cannot be used; the message names the field.
    InvalidInput,
    /// The database cannot be opened, is damaged, or is from a newer version.
    Database,
    /// Something the adviser asked for does not exist.
    NotFound,
    /// A barème file without a valid signature of the national office: it can
    /// be imported only after an explicit confirmation.
    UnsignedTariff,
    /// A bug: the message is kept for the report.
    Internal,
}

/// The one error type that crosses IPC: `{ code, message }`, message in French.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        IpcError {
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// What the app tells about itself (About box, status bar).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
}

/// The TypeScript declarations of every transport type, in a stable order:
/// the content of `ui/src/lib/bindings.ts`.
pub fn typescript_bindings() -> String {
    let mut decls = vec![
        IpcError::decl(),
        ErrorCode::decl(),
        AppInfo::decl(),
        OptionsImpression::decl(),
        Impression::decl(),
    ];
    decls.extend(declarations_fiches());
    decls.extend(declarations_baremes_et_historique());
    decls.extend(declarations_estimation());
    // Simulateurs screen: the error with its field, then requests and results
    decls.push(ErreurSimulateur::decl());
    decls.extend(crate::simulateurs::declarations_typescript());
    decls.push(crate::documents::SimulationSaisie::decl());
    let mut out = String::from(
        "// Generated from the Rust transport types (src-tauri/transport) by ts-rs.\n\
         // Do not edit: run `UPDATE_BINDINGS=1 cargo test --lib bindings` instead.\n\n",
    );
    for d in decls {
        out.push_str("export ");
        out.push_str(&d);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// The « Bons à savoir » checklists.
fn declarations_fiches() -> Vec<String> {
    use crate::fiches as f;
    vec![
        f::ChecklistSummary::decl(),
        f::FieldSpec::decl(),
        f::Field::decl(),
        f::FieldKind::decl(),
        f::Choice::decl(),
        f::SituationText::decl(),
        f::Checklist::decl(),
        f::SituationLine::decl(),
        f::ChecklistItem::decl(),
        f::ItemDate::decl(),
        f::ComputedDate::decl(),
        f::Anchor::decl(),
        f::SourceRef::decl(),
        f::DatedAmount::decl(),
    ]
}

/// The Barèmes screen (versions, table, import, comparison) and the
/// Historique screen (saved estimates, settings, backups).
fn declarations_baremes_et_historique() -> Vec<String> {
    vec![
        crate::tarifs::Offre::decl(),
        crate::tarifs::OffreBareme::decl(),
        crate::tarifs::Nature::decl(),
        VersionBaremeInfo::decl(),
        EtatBaremes::decl(),
        TableBareme::decl(),
        SectionBareme::decl(),
        RangeeBareme::decl(),
        CaseBareme::decl(),
        ResultatImport::decl(),
        crate::tarifs::diff::Version::decl(),
        crate::tarifs::diff::Rangee::decl(),
        crate::tarifs::diff::CaseModifiee::decl(),
        crate::tarifs::diff::DiffBareme::decl(),
        EstimationResume::decl(),
        EstimationDetail::decl(),
        PageHistorique::decl(),
        EstimationNumerotee::decl(),
        ReglagesHistorique::decl(),
        SauvegardeInfo::decl(),
        EtatBase::decl(),
        RestaurationInfo::decl(),
        ExportReference::decl(),
    ]
}

/// The Estimation screen: the situation document, the engine's result, the
/// household, the catalogue as the act editor needs it, the draft.
fn declarations_estimation() -> Vec<String> {
    use crate::moteur as m;
    vec![
        m::Situation::decl(),
        m::Statut::decl(),
        m::Assure::decl(),
        m::Grossesse::decl(),
        m::DejaUtilise::decl(),
        m::Sejour::decl(),
        m::Dent::decl(),
        m::Panier::decl(),
        m::DebutTraitement::decl(),
        m::Acte::decl(),
        m::GenreExplication::decl(),
        m::Explication::decl(),
        m::CodeAvertissement::decl(),
        m::Avertissement::decl(),
        m::PartAmo::decl(),
        m::ResultatActe::decl(),
        m::Totaux::decl(),
        m::ResultatOffre::decl(),
        m::BaremeUtilise::decl(),
        m::PeriodeMaternite::decl(),
        m::Resultat::decl(),
        m::foyer::Relation::decl(),
        m::foyer::Personne::decl(),
        m::foyer::Variation::decl(),
        m::foyer::GrilleAppliquee::decl(),
        m::foyer::SituationFoyer::decl(),
        m::foyer::ResultatPersonne::decl(),
        m::foyer::TotalFoyer::decl(),
        m::foyer::cout::CoutOffre::decl(),
        m::foyer::cout::Bascule::decl(),
        m::foyer::cout::CoutAnnuel::decl(),
        m::foyer::ResultatFoyer::decl(),
        ReponseEstimationFoyer::decl(),
        m::catalogue::Champ::decl(),
        m::catalogue::ElementDeclare::decl(),
        m::catalogue::EnveloppeDeclaree::decl(),
        m::catalogue::FicheActe::decl(),
        ChampRequisSi::decl(),
        ActeVue::decl(),
        CatalogueVue::decl(),
        PanierVue::decl(),
        ErreurChampVue::decl(),
        ReponseEstimation::decl(),
        BrouillonVue::decl(),
        crate::cotisations::MontantsOffre::decl(),
        crate::cotisations::GrilleCotisations::decl(),
        crate::cotisations::GrilleEnregistree::decl(),
        crate::cotisations::MontantsSaisis::decl(),
        crate::cotisations::GrilleSaisie::decl(),
        crate::cotisations::foyer::CotisationGrille::decl(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bindings_file_is_up_to_date() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/lib/bindings.ts");
        let expected = typescript_bindings();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == expected,
            "ui/src/lib/bindings.ts est périmé : lancez `UPDATE_BINDINGS=1 cargo test --lib bindings`"
        );
    }

    #[test]
    fn error_serializes_as_code_and_message() {
        let e = IpcError::new(
            ErrorCode::InvalidInput,
            "champ « frais_reels » : montant négatif",
        );
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["code"], "invalid_input");
        assert_eq!(json["message"], "champ « frais_reels » : montant négatif");
    }
}
