//! The envelope of services (art. 2-1 for an adult in PTA, art. 3-4 for a
//! seriously ill child): 50 units to use within 12 months, priced by the unit
//! tables of annex 1 (adult) and annex 2 (child). Given what the household
//! plans to use, shows the units each line takes, what is used, what is left,
//! and how many more of each service the rest still allows.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::simulateurs::bareme::{BaremeAssistance, PrestationUnites};
use crate::simulateurs::erreur::SimulateurError;
use crate::simulateurs::saisie::{self, Texte};
use crate::simulateurs::{euros_court, Note};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ConsommationSaisie {
    /// Code of a row of the annex (`presence_proche`, `portage_repas`…).
    #[ts(type = "string")]
    pub prestation: Texte,
    #[ts(type = "string")]
    pub quantite: Texte,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, deny_unknown_fields)]
pub struct EnveloppeSaisie {
    /// `adulte` (annex 1) or `enfant` (annex 2).
    #[ts(type = "string")]
    pub annexe: Texte,
    pub consommations: Vec<ConsommationSaisie>,
    /// Units available; empty for the 50 of the contract (fewer after a late
    /// declaration, see the event's envelope).
    #[ts(type = "string")]
    pub unites_disponibles: Texte,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Annexe {
    Adulte,
    Enfant,
}

const ANNEXES: &[(&str, Annexe)] = &[("adulte", Annexe::Adulte), ("enfant", Annexe::Enfant)];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnveloppeDemande {
    pub annexe: Annexe,
    /// (code, quantity), codes checked against the annex.
    pub consommations: Vec<(String, u32)>,
    pub unites_disponibles: Option<u32>,
}

/// The rows of the annex.
pub fn table(b: &BaremeAssistance, a: Annexe) -> &[PrestationUnites] {
    match a {
        Annexe::Adulte => &b.annexe1,
        Annexe::Enfant => &b.annexe2,
    }
}

impl EnveloppeSaisie {
    pub fn lire(&self, b: &BaremeAssistance) -> Result<EnveloppeDemande, SimulateurError> {
        let annexe = saisie::choix("annexe", &self.annexe, ANNEXES)?;
        let rows = table(b, annexe);
        let mut consommations = Vec::new();
        for (i, c) in self.consommations.iter().enumerate() {
            let n = i + 1;
            let champ = format!("consommations[{n}].prestation");
            let code = c
                .prestation
                .valeur()
                .ok_or_else(|| SimulateurError::champ(&champ, "à renseigner"))?;
            if !rows.iter().any(|r| r.code == code) {
                let codes: Vec<&str> = rows.iter().map(|r| r.code.as_str()).collect();
                return Err(SimulateurError::champ(
                    champ,
                    format!(
                        "« {code} » ne figure pas dans l'annexe {} (prestations : {})",
                        if annexe == Annexe::Adulte { 1 } else { 2 },
                        codes.join(", ")
                    ),
                ));
            }
            let q = saisie::entier_opt(
                &format!("consommations[{n}].quantite"),
                &c.quantite,
                0,
                1000,
            )?
            .unwrap_or(0);
            consommations.push((code.to_string(), q));
        }
        Ok(EnveloppeDemande {
            annexe,
            consommations,
            unites_disponibles: saisie::entier_opt(
                "unites_disponibles",
                &self.unites_disponibles,
                0,
                b.enveloppe.unites,
            )?,
        })
    }
}

/// One row of the annex with what is planned on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LigneEnveloppe {
    pub code: String,
    pub libelle: String,
    /// Unit of measure ("1 livraison", "1 heure"…).
    pub unite: String,
    pub valeur_unitaire: u32,
    pub quantite: u32,
    pub unites: u32,
    /// How many more the units left allow.
    pub encore_possible: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EnveloppeResultat {
    pub annexe: Annexe,
    /// "Annexe 1 — enveloppe adulte (art. 2-1)".
    pub titre: String,
    pub unites_contrat: u32,
    pub unites_disponibles: u32,
    pub duree_mois: u32,
    /// Every row of the annex, in its order (quantity 0 when not used).
    pub lignes: Vec<LigneEnveloppe>,
    pub unites_utilisees: u32,
    pub unites_restantes: u32,
    /// Units asked beyond the envelope (0 when it fits).
    pub depassement: u32,
    pub notes: Vec<Note>,
}

/// What a programme of services takes from the envelope (art. 2-1 with
/// annex 1, art. 3-4 with annex 2): the units of each row, used, left, and
/// how many more of each the rest allows.
pub fn calculer(b: &BaremeAssistance, d: &EnveloppeDemande) -> EnveloppeResultat {
    let rows = table(b, d.annexe);
    let dispo = d.unites_disponibles.unwrap_or(b.enveloppe.unites);
    let quantite = |code: &str| -> u32 {
        d.consommations
            .iter()
            .filter(|(c, _)| c == code)
            .map(|(_, q)| *q)
            .sum()
    };
    let utilisees: u32 = rows
        .iter()
        .map(|r| r.valeur.saturating_mul(quantite(&r.code)))
        .sum();
    let restantes = dispo.saturating_sub(utilisees);
    let lignes = rows
        .iter()
        .map(|r| {
            let q = quantite(&r.code);
            LigneEnveloppe {
                code: r.code.clone(),
                libelle: r.libelle.clone(),
                unite: r.unite.clone(),
                valeur_unitaire: r.valeur,
                quantite: q,
                unites: r.valeur.saturating_mul(q),
                encore_possible: restantes / r.valeur,
            }
        })
        .collect();
    let (titre, _) = titre_et_article(d.annexe);
    EnveloppeResultat {
        annexe: d.annexe,
        titre: titre.to_string(),
        unites_contrat: b.enveloppe.unites,
        unites_disponibles: dispo,
        duree_mois: b.enveloppe.duree_mois,
        lignes,
        unites_utilisees: utilisees,
        unites_restantes: restantes,
        depassement: utilisees.saturating_sub(dispo),
        notes: regles_de_l_enveloppe(b, d.annexe),
    }
}

/// The title of an envelope and the article with the annex it comes from.
pub fn titre_et_article(a: Annexe) -> (&'static str, &'static str) {
    match a {
        Annexe::Adulte => (
            "Annexe 1 — enveloppe adulte (art. 2-1)",
            "art. 2-1, annexe 1",
        ),
        Annexe::Enfant => (
            "Annexe 2 — enveloppe enfant (art. 3-4)",
            "art. 3-4, annexe 2",
        ),
    }
}

/// The rules of the envelope recalled with it (art. 2-1 or 3-4): 50 units
/// over 12 months, one envelope a period, the lodging of a relative; and
/// how the printed annex 2 was read.
fn regles_de_l_enveloppe(b: &BaremeAssistance, annexe: Annexe) -> Vec<Note> {
    let (_, article) = titre_et_article(annexe);
    let mut notes = vec![
        Note::info(
            format!(
                "{} unités au plus, à utiliser sur {} mois au plus ; une seule enveloppe par \
                 période de {} mois. Les unités peuvent être demandées au fil des besoins, mais \
                 ne sont plus modifiables une fois les prestations accordées et commencées.",
                b.enveloppe.unites, b.enveloppe.duree_mois, b.enveloppe.duree_mois
            ),
            article,
        ),
        Note::info(
            format!(
                "Présence d'un proche : hébergement de {} nuits au plus, petits-déjeuners \
                 compris, dans la limite de {}.",
                b.limites.hebergement_nuits,
                euros_court(b.limites.hebergement_plafond)
            ),
            article,
        ),
    ];
    if annexe == Annexe::Enfant {
        notes.push(Note::lecture(
            "L'en-tête de colonne de l'annexe 2 répète « enveloppe adulte malade » ; son titre et \
             l'art. 3-4 en font la table des enfants. La livraison de médicaments y vaut 4 unités \
             (2 dans l'annexe 1), valeur reprise telle qu'imprimée.",
            article,
        ));
    }
    notes
}
