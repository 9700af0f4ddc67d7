//! Checks of a situation that need the catalogue: known act codes, the fields
//! each act needs (and no field it does not use), coherent dates. Every
//! refusal names the JSON path and says why, in French.

use super::catalogue::{ActeCatalogue, Catalogue, Champ, Deduction, Regle};
use super::erreur::ErreurSaisie;
use super::format::date_fr;
use super::situation::{Acte, Situation};
use chrono::Months;

/// Checks `situation` against `catalogue`.
pub fn valider(situation: &Situation, catalogue: &Catalogue) -> Result<(), ErreurSaisie> {
    valider_et_trouver(situation, catalogue).map(|_| ())
}

/// Checks `situation` against `catalogue`; gives each act's catalogue entry,
/// in the order of the acts.
pub fn valider_et_trouver<'c>(
    situation: &Situation,
    catalogue: &'c Catalogue,
) -> Result<Vec<&'c ActeCatalogue>, ErreurSaisie> {
    let a = &situation.assure;
    if a.date_naissance > situation.date {
        return Err(ErreurSaisie::new(
            "assure.date_naissance",
            format!(
                "date de naissance ({}) postérieure à la date des soins ({})",
                date_fr(a.date_naissance),
                date_fr(situation.date)
            ),
        ));
    }
    if let Some(g) = &a.grossesse {
        if g.terme <= g.debut {
            return Err(ErreurSaisie::new(
                "assure.grossesse.terme",
                "le terme doit suivre le début de grossesse",
            ));
        }
        if g.debut
            .checked_add_months(Months::new(10))
            .is_some_and(|m| g.terme > m)
        {
            return Err(ErreurSaisie::new(
                "assure.grossesse.terme",
                format!(
                    "terme ({}) plus de 10 mois après le début de grossesse ({})",
                    date_fr(g.terme),
                    date_fr(g.debut)
                ),
            ));
        }
        if g.debut < a.date_naissance {
            return Err(ErreurSaisie::new(
                "assure.grossesse.debut",
                "début de grossesse antérieur à la date de naissance",
            ));
        }
        if let Some(acc) = g.accouchement {
            if acc <= g.debut {
                return Err(ErreurSaisie::new(
                    "assure.grossesse.accouchement",
                    "l'accouchement doit suivre le début de grossesse",
                ));
            }
        }
    }
    if let Some(d) = &a.deja_utilise {
        for k in d.enveloppes.keys() {
            if catalogue.enveloppe(k).is_none() {
                let ids: Vec<&str> = catalogue.enveloppes.iter().map(|e| e.id.as_str()).collect();
                return Err(ErreurSaisie::new(
                    format!("assure.deja_utilise.enveloppes.{k}"),
                    format!("enveloppe inconnue (connues : {})", ids.join(", ")),
                ));
            }
        }
        if let (Some(last), true) = (d.dernier_equipement_optique, true) {
            if last > situation.date {
                return Err(ErreurSaisie::new(
                    "assure.deja_utilise.dernier_equipement_optique",
                    "date postérieure à la date de la situation",
                ));
            }
        }
    }
    situation
        .actes
        .iter()
        .enumerate()
        .map(|(i, acte)| valider_acte(situation, catalogue, acte, super::erreur::CheminActe(i)))
        .collect()
}

fn valider_acte<'c>(
    situation: &Situation,
    catalogue: &'c Catalogue,
    acte: &Acte,
    chemin: super::erreur::CheminActe,
) -> Result<&'c ActeCatalogue, ErreurSaisie> {
    let err = |champ: &str, m: String| ErreurSaisie::new(format!("{chemin}.{champ}"), m);
    let Some(c) = catalogue.acte(&acte.code) else {
        return Err(err(
            "code",
            format!(
                "code d'acte inconnu « {} » (voir `guichet catalogue`)",
                acte.code
            ),
        ));
    };
    let date = acte.date.unwrap_or(situation.date);
    if date < situation.assure.date_naissance {
        return Err(err(
            "date",
            format!(
                "date des soins ({}) antérieure à la date de naissance ({})",
                date_fr(date),
                date_fr(situation.assure.date_naissance)
            ),
        ));
    }
    let sans_objet = |champ: &str| {
        err(
            champ,
            format!("sans objet pour l'acte « {} » ({})", c.code, c.libelle),
        )
    };
    // Fields by act.
    let given: [(Champ, bool); 15] = [
        (Champ::Optam, acte.optam.is_some()),
        (Champ::Reseau, acte.reseau.is_some()),
        (Champ::Conventionne, acte.conventionne.is_some()),
        (Champ::Cecite, acte.cecite.is_some()),
        (Champ::EvolutionVue, acte.evolution_vue.is_some()),
        (Champ::Nuits, acte.nuits.is_some()),
        (Champ::Jours, acte.jours.is_some()),
        (Champ::Appareils, acte.appareils.is_some()),
        (Champ::Sejour, acte.sejour.is_some()),
        (Champ::Element, acte.element.is_some()),
        (Champ::CodeLpp, acte.code_lpp.is_some()),
        (Champ::Dent, acte.dent.is_some()),
        (Champ::Materiau, acte.materiau.is_some()),
        (Champ::DebutTraitement, acte.debut_traitement.is_some()),
        (Champ::Dents, acte.dents.is_some()),
    ];
    for (champ, present) in given {
        if present && !c.accepte(champ) {
            return Err(sans_objet(champ.nom()));
        }
        if !present && c.champs.contains(&champ) {
            return Err(err(
                champ.nom(),
                format!(
                    "champ obligatoire pour l'acte « {} » ({})",
                    c.code, c.libelle
                ),
            ));
        }
    }
    if c.base_sans_remboursement && acte.brss.is_none() {
        return Err(err(
            "brss",
            format!(
                "base à saisir : MGEN paie un pourcentage de la base que la Sécurité sociale appliquerait à « {} »",
                c.libelle
            ),
        ));
    }
    if !c.rembourse {
        for (nom, present) in [
            ("brss", acte.brss.is_some() && !c.base_sans_remboursement),
            ("taux_amo", acte.taux_amo.is_some()),
            ("exoneration_tm", acte.exoneration_tm.is_some()),
        ] {
            if present {
                return Err(err(
                    nom,
                    format!(
                        "sans objet : « {} » n'est pas remboursé par la Sécurité sociale",
                        c.libelle
                    ),
                ));
            }
        }
    }
    if acte.praticien.is_some() && c.deduction != Deduction::ParticipationForfaitaire {
        return Err(sans_objet("praticien"));
    }
    if acte.frais_reels.is_none() && c.regle != Regle::ForfaitJournalier {
        return Err(err("frais_reels", "champ obligatoire absent".into()));
    }
    if let Some(0) = acte.nuits {
        return Err(err(
            "nuits",
            format!("au moins une nuitée pour « {} »", c.libelle),
        ));
    }
    if let Some(0) = acte.jours {
        return Err(err("jours", "au moins un jour".into()));
    }
    if let Some(n) = acte.appareils {
        if !(1..=2).contains(&n) {
            return Err(err("appareils", format!("1 ou 2 appareils ({n})")));
        }
    }
    if (acte.nuits.is_some() || acte.jours.is_some()) && acte.quantite != 1 {
        return Err(err(
            "quantite",
            "une ligne par séjour : la durée se saisit dans « nuits » ou « jours »".into(),
        ));
    }
    if let Some(e) = &acte.element {
        if !c.elements.iter().any(|x| &x.valeur == e) {
            let vals: Vec<&str> = c.elements.iter().map(|x| x.valeur.as_str()).collect();
            return Err(err(
                "element",
                format!("valeur inconnue « {e} » (possibles : {})", vals.join(", ")),
            ));
        }
    }
    if let Some(n) = acte.dents {
        if !(1..=14).contains(&n) {
            return Err(err("dents", format!("de 1 à 14 dents ({n})")));
        }
    }
    if let Some(m) = &acte.materiau {
        if !c.materiaux.iter().any(|x| x == m) {
            return Err(err(
                "materiau",
                format!(
                    "matériau inconnu « {m} » (possibles : {})",
                    c.materiaux.join(", ")
                ),
            ));
        }
    }
    if let Some(code) = &acte.code_lpp {
        if !c.codes_lpp.iter().any(|x| x == code) {
            return Err(err(
                "code_lpp",
                format!(
                    "code LPP « {code} » hors de cet acte (codes : {})",
                    c.codes_lpp.join(", ")
                ),
            ));
        }
    }
    check_frais_reels_vs_unites(acte, c, &err)?;
    Ok(c)
}

fn check_frais_reels_vs_unites(
    acte: &Acte,
    _c: &ActeCatalogue,
    err: &dyn Fn(&str, String) -> ErreurSaisie,
) -> Result<(), ErreurSaisie> {
    if let (Some(fr), Some(b)) = (acte.frais_reels, acte.brss) {
        if fr.is_zero() && !b.is_zero() {
            return Err(err(
                "frais_reels",
                "frais réels nuls alors qu'une base de remboursement est saisie".into(),
            ));
        }
    }
    Ok(())
}
