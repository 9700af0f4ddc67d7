//! Which row of an Annexe 2 line an act selects: whether a catalogue
//! component applies to the act at all (its conditions: parcours, OPTAM,
//! réseau, conventionné, cécité, molaire, number of teeth), then the variant
//! of the line it points to (OPTAM or not, in or out of parcours, age band,
//! hearing aids of line 29, companion of line 24…). Done once per act, the
//! same under every offer.

use super::super::catalogue::{Composante, Condition, Selon};
use super::super::situation::{Acte, Dent, Situation};
use chrono::{Months, NaiveDate};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Whether a component applies to this act: its teeth bounds and its
/// conditions (`si`) are all met.
pub fn s_applique(c: &Composante, acte: &Acte, situation: &Situation) -> bool {
    let dents = acte.dents.unwrap_or(0);
    c.dents_min.is_none_or(|m| dents >= m)
        && c.dents_max.is_none_or(|m| dents <= m)
        && c.dents_au_dela_de.is_none_or(|m| dents > m)
        && c.si.iter().all(|(condition, attendu)| {
            let valeur = match condition {
                Condition::ParcoursSoins => Some(situation.assure.parcours_soins),
                Condition::Optam => acte.optam,
                Condition::Reseau => acte.reseau,
                Condition::Conventionne => acte.conventionne,
                Condition::Cecite => Some(acte.cecite == Some(true)),
                Condition::Molaire => acte.dent.map(|d| d == Dent::Molaire),
            };
            valeur == Some(*attendu)
        })
}

/// The variant of an Annexe line an act selects: (key, value) pairs, keys
/// unique, borrowed from the catalogue and the act.
#[derive(Debug, Default)]
pub struct Variante<'a>(Vec<(&'a str, Cow<'a, str>)>);

impl<'a> Variante<'a> {
    fn mettre(&mut self, cle: &'a str, valeur: impl Into<Cow<'a, str>>) {
        let valeur = valeur.into();
        match self.0.iter_mut().find(|(k, _)| *k == cle) {
            Some((_, v)) => *v = valeur,
            None => self.0.push((cle, valeur)),
        }
    }

    /// The value for `cle`, if the variant has one.
    pub fn get(&self, cle: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| *k == cle).map(|(_, v)| &**v)
    }

    /// Whether a row of the barème covers exactly this variant.
    pub fn est(&self, rangee: &BTreeMap<String, String>) -> bool {
        rangee.len() == self.0.len() && rangee.iter().all(|(k, v)| self.get(k) == Some(v.as_str()))
    }

    /// As a map (for error messages).
    pub fn en_map(&self) -> BTreeMap<String, String> {
        self.0
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }
}

/// The variant a component selects for this act at `date`: the catalogue's
/// fixed keys, then one key per `selon`. `None` when the act falls in no
/// variant the line distinguishes (line 24: companion of a patient neither
/// under 16, nor over 70, nor handicapped).
pub fn variante<'a>(
    c: &'a Composante,
    acte: &'a Acte,
    date: NaiveDate,
    age: u32,
    situation: &Situation,
) -> Option<Variante<'a>> {
    let mut v = Variante(Vec::with_capacity(c.variante.len() + c.selon.len() + 1));
    for (k, x) in &c.variante {
        v.mettre(k, x.as_str());
    }
    for s in &c.selon {
        let valeur: Cow<'a, str> = match s {
            Selon::Optam => oui_non(acte.optam).into(),
            Selon::Reseau => oui_non(acte.reseau).into(),
            Selon::Conventionne => oui_non(acte.conventionne).into(),
            Selon::Parcours => dans_hors(situation.assure.parcours_soins).into(),
            Selon::Sejour => acte.sejour.map(|s| s.nom()).unwrap_or_default().into(),
            Selon::Element(_) => acte.element.as_deref().unwrap_or_default().into(),
            Selon::Dent => acte.dent.map(|d| d.nom()).unwrap_or_default().into(),
            Selon::Materiau => c
                .materiau_du_bareme(acte.materiau.as_deref().unwrap_or_default())
                .into(),
            // Only the rows of an active treatment distinguish it.
            Selon::Debut => match acte.debut_traitement {
                Some(d) => d.nom().into(),
                None => continue,
            },
            Selon::Age(n) => band(age < *n, *n),
            Selon::Audio => {
                if age < 20 {
                    "<20".into()
                } else {
                    v.mettre("cecite", oui_non(Some(acte.cecite == Some(true))));
                    ">=20".into()
                }
            }
            Selon::Accompagnant => match accompagnant(date, age, situation)? {
                Accompagne::Age(bande) => bande.into(),
                Accompagne::Handicap => {
                    v.mettre("handicap", "oui");
                    continue;
                }
            },
        };
        v.mettre(s.cle(), valeur);
    }
    Some(v)
}

/// Why a companion's costs are covered (line 24).
enum Accompagne {
    /// Patient under 16 (`<16`) or over 70 (`>70`) at the date of care.
    Age(&'static str),
    /// Patient handicapped, whatever the age.
    Handicap,
}

/// Annexe 2, ligne 24: the companion of a patient under 16, over 70 or handicapped;
/// `None` for anyone else.
fn accompagnant(date: NaiveDate, age: u32, situation: &Situation) -> Option<Accompagne> {
    let septante = situation
        .assure
        .date_naissance
        .checked_add_months(Months::new(70 * 12))?;
    if age < 16 {
        Some(Accompagne::Age("<16"))
    } else if date > septante {
        Some(Accompagne::Age(">70"))
    } else if situation.assure.handicap {
        Some(Accompagne::Handicap)
    } else {
        None
    }
}

/// "oui" / "non"; empty when the act does not say (the barème lookup then
/// fails and the error names the missing field).
fn oui_non(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "oui",
        Some(false) => "non",
        None => "",
    }
}

/// In or out of the parcours de soins, as the barème writes it.
fn dans_hors(parcours: bool) -> &'static str {
    if parcours {
        "dans"
    } else {
        "hors"
    }
}

/// An age band as the barème writes it ("<18", ">=18").
fn band(lower: bool, n: u32) -> Cow<'static, str> {
    if lower {
        format!("<{n}").into()
    } else {
        format!(">={n}").into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn age_bands_are_written_as_in_the_bareme() {
        assert_eq!(band(true, 18), "<18");
        assert_eq!(band(false, 18), ">=18");
        assert_eq!(band(true, 6), "<6");
        assert_eq!(band(false, 70), ">=70");
    }
}
