//! Guichet: reimbursement estimates and "bon à savoir" checklists for MGEN
//! counter advisers. See ARCHITECTURE.md for the map of the modules.

pub mod cli;
pub mod commands;
pub mod pdf;
pub mod store;
pub mod transport;
