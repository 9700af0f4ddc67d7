//! What each offer costs the household over the year: the yearly
//! cotisation the adviser entered for the offer (Guichet ships none: the
//! section's grid is not in our sources) plus the reste à charge of the
//! year's planned care = the net yearly cost; the cheapest marked, the
//! difference of each other offer in euros; and what would change the
//! answer: for the act the document names (`variation`), how many more
//! units of it make another offer the cheapest, found by estimating the
//! household again with one more unit at a time (at most
//! [`UNITES_EN_PLUS_MAX`]). Never a conclusion without the figures behind
//! it: each offer's line says its cotisation, reste à charge and sum.

use super::{estimer_sans_cout, ResultatFoyer, SituationFoyer, Variation};
use crate::moteur::erreur::{ErreurEstimation, ErreurSaisie};
use crate::moteur::format::{arrondi, euros};
use crate::moteur::Tables;
use crate::tarifs::Offre;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Most units added to the varied act when looking for a change of the
/// cheapest offer.
pub const UNITES_EN_PLUS_MAX: u32 = 60;

/// Said when an offer has no cotisation.
pub const NON_RENSEIGNEES: &str = "cotisations non renseignées";

/// One offer over the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoutOffre {
    pub offre: Offre,
    pub libelle: String,
    /// As entered; `None`: « cotisations non renseignées ».
    #[ts(type = "string | null")]
    pub cotisation: Option<Decimal>,
    /// The household's reste à charge of the planned care.
    #[ts(type = "string")]
    pub reste_a_charge: Decimal,
    /// cotisation + reste à charge, when the cotisation is entered.
    #[ts(type = "string | null")]
    pub cout_net: Option<Decimal>,
    /// cout_net − the cheapest one's, when every offer has its cotisation.
    #[ts(type = "string | null")]
    pub ecart: Option<Decimal>,
    pub moins_chere: bool,
    /// "Cotisations 720,00 € + reste à charge 514,56 € = 1 234,56 €".
    pub explication: String,
}

/// The act varied and the first count of added units that makes another
/// offer the cheapest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Bascule {
    pub personne: u32,
    pub acte: u32,
    /// `None` when no count up to [`UNITES_EN_PLUS_MAX`] changes it.
    pub unites_en_plus: Option<u32>,
    pub offre: Option<Offre>,
    pub message: String,
}

/// The comparison of the offers over the year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CoutAnnuel {
    pub offres: Vec<CoutOffre>,
    /// The comparison in one sentence, with its figures, or why there is
    /// none (« cotisations non renseignées »).
    pub conclusion: String,
    pub bascule: Option<Bascule>,
}

/// Each offer's net yearly cost, the cheapest, and what would change it.
pub fn comparer(
    situation: &SituationFoyer,
    r: &ResultatFoyer,
    tables: &Tables<'_>,
) -> Result<CoutAnnuel, ErreurEstimation> {
    cotisations_connues(situation, r)?;
    let mut offres: Vec<CoutOffre> = r
        .foyer
        .iter()
        .map(|t| {
            ligne(
                (t.offre, &t.libelle),
                situation.cotisations.get(&t.offre).copied(),
                t.totaux.reste_a_charge,
            )
        })
        .collect();
    let manquantes: Vec<&str> = offres
        .iter()
        .filter(|o| o.cotisation.is_none())
        .map(|o| o.libelle.as_str())
        .collect();
    if !manquantes.is_empty() {
        let conclusion = format!(
            "Coût net de l'année non comparé : {NON_RENSEIGNEES} pour {} (saisir la cotisation annuelle de chaque offre pour ce foyer, d'après la grille de la section).",
            manquantes.join(", ")
        );
        return Ok(CoutAnnuel {
            offres,
            conclusion,
            bascule: None,
        });
    }
    if offres.len() < 2 {
        return Ok(CoutAnnuel {
            conclusion: "Une seule offre estimée : rien à comparer.".into(),
            offres,
            bascule: None,
        });
    }
    let gagnante = marquer(&mut offres);
    let conclusion = conclure(&offres, pour_qui(situation));
    let bascule = situation
        .variation
        .map(|v| bascule(situation, v, &offres[gagnante], tables));
    Ok(CoutAnnuel {
        offres,
        conclusion,
        bascule,
    })
}

/// When every offer of the grid is compared, a cotisation is for one of
/// them (a code the grid does not have is a typing error).
fn cotisations_connues(situation: &SituationFoyer, r: &ResultatFoyer) -> Result<(), ErreurSaisie> {
    if situation.offre.is_some() {
        return Ok(());
    }
    match situation
        .cotisations
        .keys()
        .find(|o| !r.foyer.iter().any(|t| t.offre == *o))
    {
        None => Ok(()),
        Some(o) => {
            let codes: Vec<&str> = r.foyer.iter().map(|t| t.offre.code()).collect();
            Err(ErreurSaisie::new(
                format!("cotisations.{o}"),
                format!(
                    "offre inconnue « {o} » (offres du barème : {})",
                    codes.join(", ")
                ),
            ))
        }
    }
}

/// One offer's line: cotisation + reste à charge.
fn ligne(
    (offre, libelle): (Offre, &str),
    cotisation: Option<Decimal>,
    reste: Decimal,
) -> CoutOffre {
    let cout_net = cotisation.map(|c| c + reste);
    let explication = match (cotisation, cout_net) {
        (Some(c), Some(n)) => format!(
            "Cotisations {} + reste à charge {} = {}",
            euros(c),
            euros(reste),
            euros(n)
        ),
        _ => format!("Reste à charge {} ; {NON_RENSEIGNEES}", euros(reste)),
    };
    CoutOffre {
        offre,
        libelle: libelle.to_string(),
        cotisation,
        reste_a_charge: reste,
        cout_net,
        ecart: None,
        moins_chere: false,
        explication,
    }
}

/// Marks the cheapest (all of them at a tie) and each offer's difference;
/// returns the position of the first cheapest in the table's order.
fn marquer(offres: &mut [CoutOffre]) -> usize {
    let min = offres
        .iter()
        .filter_map(|o| o.cout_net)
        .min()
        .unwrap_or_default();
    for o in offres.iter_mut() {
        let c = o.cout_net.unwrap_or_default();
        o.ecart = Some(c - min);
        o.moins_chere = c == min;
    }
    offres.iter().position(|o| o.moins_chere).unwrap_or(0)
}

/// Whom the comparison is for: « pour ce foyer », or « pour l'adhérent
/// seul » when the household is the adhérent alone (the member who compares
/// the cost of the offers for themselves).
fn pour_qui(situation: &SituationFoyer) -> &'static str {
    if situation.foyer.len() == 1 {
        "pour l'adhérent seul"
    } else {
        "pour ce foyer"
    }
}

/// "MGEN Équilibre est la moins chère pour ce foyer : 1 234,56 € sur
/// l'année ; MGEN Initiale + 45,00 €, …".
fn conclure(offres: &[CoutOffre], pour: &str) -> String {
    let moins_cheres: Vec<&CoutOffre> = offres.iter().filter(|o| o.moins_chere).collect();
    let cout = euros(moins_cheres[0].cout_net.unwrap_or_default());
    let tete = if moins_cheres.len() == 1 {
        format!(
            "{} est la moins chère {pour} : {cout} sur l'année (cotisations + reste à charge)",
            moins_cheres[0].libelle
        )
    } else {
        let noms: Vec<&str> = moins_cheres.iter().map(|o| o.libelle.as_str()).collect();
        format!(
            "{} sont à égalité, les moins chères {pour} : {cout} sur l'année (cotisations + reste à charge)",
            noms.join(" et ")
        )
    };
    let autres: Vec<String> = offres
        .iter()
        .filter(|o| !o.moins_chere)
        .map(|o| format!("{} + {}", o.libelle, euros(o.ecart.unwrap_or_default())))
        .collect();
    if autres.is_empty() {
        format!("{tete}.")
    } else {
        format!("{tete} ; {}.", autres.join(", "))
    }
}

/// The first count of added units of the varied act (1, 2, … up to
/// [`UNITES_EN_PLUS_MAX`]) under which another offer costs strictly less
/// than `gagnante`, with the figures.
fn bascule(
    situation: &SituationFoyer,
    v: Variation,
    gagnante: &CoutOffre,
    tables: &Tables<'_>,
) -> Bascule {
    let (k, j) = (v.personne as usize, v.acte as usize);
    let libelle = tables
        .catalogue
        .acte(&situation.foyer[k].actes[j].code)
        .map_or_else(
            || situation.foyer[k].actes[j].code.clone(),
            |c| c.libelle.clone(),
        );
    let qui = situation.nom(k);
    let base = situation.foyer[k].actes[j].quantite;
    let mut resultat = Bascule {
        personne: v.personne,
        acte: v.acte,
        unites_en_plus: None,
        offre: None,
        message: String::new(),
    };
    for u in 1..=UNITES_EN_PLUS_MAX {
        let variante = avec_unites_en_plus(situation, k, j, u);
        let r = match estimer_sans_cout(&variante, tables) {
            Ok(r) => r,
            Err(e) => {
                resultat.message = format!(
                    "Avec {u} unité(s) de plus de « {libelle} » ({qui}), l'estimation n'est plus possible ({e}) : {} reste la moins chère jusqu'à {} de plus.",
                    gagnante.libelle,
                    u - 1
                );
                return resultat;
            }
        };
        let couts: Vec<(Offre, &str, Decimal)> = r
            .foyer
            .iter()
            .filter_map(|t| {
                variante
                    .cotisations
                    .get(&t.offre)
                    .map(|c| (t.offre, t.libelle.as_str(), c + t.totaux.reste_a_charge))
            })
            .collect();
        let du_gagnant = couts
            .iter()
            .find(|(o, _, _)| *o == gagnante.offre)
            .map(|(_, _, c)| *c);
        let meilleure = couts.iter().min_by_key(|(_, _, c)| *c).copied();
        if let (Some(g), Some((o, nom, c))) = (du_gagnant, meilleure) {
            if c < g {
                resultat.unites_en_plus = Some(u);
                resultat.offre = Some(o);
                resultat.message = format!(
                    "Avec {u} unité(s) de plus de « {libelle} » ({qui}), soit {} au total, {} devient la moins chère : {} contre {} pour {}.",
                    base + u,
                    nom,
                    euros(c),
                    euros(g),
                    gagnante.libelle
                );
                return resultat;
            }
        }
    }
    resultat.message = format!(
        "Jusqu'à {UNITES_EN_PLUS_MAX} unités de plus de « {libelle} » ({qui}), {} reste la moins chère.",
        gagnante.libelle
    );
    resultat
}

/// The household with `u` more units of act `j` of person `k`: the frais
/// réels and a base given for the line grow in proportion (per unit as
/// entered, rounded to the cent).
pub fn avec_unites_en_plus(
    situation: &SituationFoyer,
    k: usize,
    j: usize,
    u: u32,
) -> SituationFoyer {
    let mut s = situation.clone();
    s.variation = None;
    let acte = &mut s.foyer[k].actes[j];
    let q = Decimal::from(acte.quantite.max(1));
    let n = Decimal::from(acte.quantite.max(1) + u);
    acte.quantite = acte.quantite.max(1) + u;
    acte.frais_reels = acte.frais_reels.map(|f| arrondi(f * n / q));
    acte.brss = acte.brss.map(|b| arrondi(b * n / q));
    s
}
