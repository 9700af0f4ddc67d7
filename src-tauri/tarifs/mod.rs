//! The tariff model: the lines and cells of the MGEN Annexe 2 tables
//! (prestations per offer) and the dated AMO parameters, each value with its
//! source. This module only describes and loads data; it computes nothing.
//!
//! [`model`] is the contract between the data files (`assets/tarifs/`), the
//! store and the engine (`moteur`).

pub mod amo;
pub mod model;

pub use model::*;
