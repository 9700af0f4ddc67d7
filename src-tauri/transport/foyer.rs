//! The transport type of the household estimate (`estimer_foyer`): the
//! household's result, or the input to correct with its JSON path
//! (`foyer[1].actes[0].frais_reels`).

use super::ErreurChampVue;
use crate::moteur::foyer::ResultatFoyer;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The answer of `estimer_foyer`: the result, or the input to correct.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReponseEstimationFoyer {
    pub resultat: Option<ResultatFoyer>,
    pub erreur: Option<ErreurChampVue>,
}
