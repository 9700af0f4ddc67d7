//! Guichet: reimbursement estimates and "bon à savoir" checklists for MGEN
//! counter advisers. See ARCHITECTURE.md for the map of the modules.

pub mod cli;
pub mod commands;
pub mod cotisations;
pub mod documents;
pub mod fiches;
pub mod historique;
pub mod mesures;
pub mod moteur;
pub mod pdf;
pub mod simulateurs;
pub mod store;
pub mod tarifs;
pub mod transport;
