//! Checks of a situation that need the catalogue: coherent dates of the
//! member (birth, pregnancy), known envelopes, then for each act its code,
//! the fields it needs (and no field it does not use), the values the
//! catalogue allows. Every refusal names the JSON path and says why, in
//! French; the first refusal wins, in the order of this file.

use super::catalogue::{ActeCatalogue, Catalogue, Champ, Deduction, Regle};
use super::erreur::{CheminActe, ErreurSaisie};
use super::format::date_fr;
use super::situation::{Acte, Assure, DejaUtilise, Grossesse, Situation};
use crate::tarifs::cent_pour_cent_sante::reforme_livree;
use crate::tarifs::codes_devis::{format_ccam, Nomenclature};
use chrono::Months;

/// Whether a code of the act (CCAM, LPP) that the reform's data knows
/// implies a basket (`moteur::codes_devis`): a price limit then needs no
/// typed basket.
fn panier_du_code(a: &Acte) -> bool {
    let r = reforme_livree();
    [
        (Nomenclature::Ccam, &a.code_ccam),
        (Nomenclature::Lpp, &a.code_lpp),
    ]
    .into_iter()
    .filter_map(|(n, c)| c.as_deref().and_then(|c| r.code(n, c)))
    .any(|c| c.panier.is_some())
}

/// An LPP code the reform's data gives for the act `acte` (post-2020
/// codes; their date is checked by `moteur::codes_devis`).
fn code_lpp_de_la_reforme(code: &str, acte: &str) -> bool {
    reforme_livree()
        .code(Nomenclature::Lpp, code)
        .is_some_and(|c| c.acte == acte)
}

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
    valider_assure(situation, catalogue)?;
    situation
        .actes
        .iter()
        .enumerate()
        .map(|(i, acte)| valider_acte(situation, catalogue, acte, CheminActe(i)))
        .collect()
}

/// The member: born before the situation's date, a coherent pregnancy, a
/// known consumption of the year.
fn valider_assure(situation: &Situation, catalogue: &Catalogue) -> Result<(), ErreurSaisie> {
    let a: &Assure = &situation.assure;
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
        valider_grossesse(g, a)?;
    }
    match &a.deja_utilise {
        Some(d) => valider_deja_utilise(d, situation, catalogue),
        None => Ok(()),
    }
}

/// A pregnancy: term after the start and at most 10 months later, start
/// after the member's birth, birth after the start.
fn valider_grossesse(g: &Grossesse, a: &Assure) -> Result<(), ErreurSaisie> {
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
    if g.accouchement.is_some_and(|acc| acc <= g.debut) {
        return Err(ErreurSaisie::new(
            "assure.grossesse.accouchement",
            "l'accouchement doit suivre le début de grossesse",
        ));
    }
    Ok(())
}

/// The consumption of the year: envelopes the catalogue declares, the last
/// optical equipment not after the situation's date.
fn valider_deja_utilise(
    d: &DejaUtilise,
    situation: &Situation,
    catalogue: &Catalogue,
) -> Result<(), ErreurSaisie> {
    if let Some(k) = d
        .enveloppes
        .keys()
        .find(|k| catalogue.enveloppe(k).is_none())
    {
        let ids: Vec<&str> = catalogue.enveloppes.iter().map(|e| e.id.as_str()).collect();
        return Err(ErreurSaisie::new(
            format!("assure.deja_utilise.enveloppes.{k}"),
            format!("enveloppe inconnue (connues : {})", ids.join(", ")),
        ));
    }
    for (champ, date) in [
        ("dernier_equipement_optique", d.dernier_equipement_optique),
        ("derniere_aide_auditive", d.derniere_aide_auditive),
    ] {
        if date.is_some_and(|last| last > situation.date) {
            return Err(ErreurSaisie::new(
                format!("assure.deja_utilise.{champ}"),
                "date postérieure à la date de la situation",
            ));
        }
    }
    Ok(())
}

/// One act: its code, its date, then (module doc) its fields and values.
fn valider_acte<'c>(
    situation: &Situation,
    catalogue: &'c Catalogue,
    acte: &Acte,
    chemin: CheminActe,
) -> Result<&'c ActeCatalogue, ErreurSaisie> {
    let Some(cat) = catalogue.acte(&acte.code) else {
        return Err(ErreurSaisie::new(
            format!("{chemin}.code"),
            format!(
                "code d'acte inconnu « {} » (voir `guichet catalogue`)",
                acte.code
            ),
        ));
    };
    let v = ActeAValider { acte, cat, chemin };
    let date = acte.date.unwrap_or(situation.date);
    if date < situation.assure.date_naissance {
        return Err(v.erreur(
            "date",
            format!(
                "date des soins ({}) antérieure à la date de naissance ({})",
                date_fr(date),
                date_fr(situation.assure.date_naissance)
            ),
        ));
    }
    v.champs()?;
    v.remboursement()?;
    v.durees()?;
    v.valeurs()?;
    v.panier()?;
    v.frais_reels_et_base()?;
    Ok(cat)
}

/// An act and its catalogue entry, being checked.
struct ActeAValider<'c> {
    acte: &'c Acte,
    cat: &'c ActeCatalogue,
    chemin: CheminActe,
}

impl ActeAValider<'_> {
    fn erreur(&self, champ: &str, message: String) -> ErreurSaisie {
        ErreurSaisie::new(format!("{}.{champ}", self.chemin), message)
    }

    fn sans_objet(&self, champ: &str) -> ErreurSaisie {
        self.erreur(
            champ,
            format!(
                "sans objet pour l'acte « {} » ({})",
                self.cat.code, self.cat.libelle
            ),
        )
    }

    /// The act-specific fields: each one the act requires is given, none
    /// the act does not read.
    fn champs(&self) -> Result<(), ErreurSaisie> {
        let a = self.acte;
        let donnes: [(Champ, bool); 16] = [
            (Champ::Optam, a.optam.is_some()),
            (Champ::Reseau, a.reseau.is_some()),
            (Champ::Conventionne, a.conventionne.is_some()),
            (Champ::Cecite, a.cecite.is_some()),
            (Champ::EvolutionVue, a.evolution_vue.is_some()),
            (Champ::Nuits, a.nuits.is_some()),
            (Champ::Jours, a.jours.is_some()),
            (Champ::Appareils, a.appareils.is_some()),
            (Champ::Sejour, a.sejour.is_some()),
            (Champ::Element, a.element.is_some()),
            (Champ::CodeLpp, a.code_lpp.is_some()),
            (Champ::CodeCcam, a.code_ccam.is_some()),
            (Champ::Dent, a.dent.is_some()),
            (Champ::Materiau, a.materiau.is_some()),
            (Champ::DebutTraitement, a.debut_traitement.is_some()),
            (Champ::Dents, a.dents.is_some()),
        ];
        for (champ, present) in donnes {
            if present && !self.cat.accepte(champ) {
                return Err(self.sans_objet(champ.nom()));
            }
            if !present && self.cat.champs.contains(&champ) {
                return Err(self.erreur(
                    champ.nom(),
                    format!(
                        "champ obligatoire pour l'acte « {} » ({})",
                        self.cat.code, self.cat.libelle
                    ),
                ));
            }
        }
        Ok(())
    }

    /// What the AMO side needs: a base when MGEN pays a percentage of it on
    /// an act the AMO does not reimburse; no base, rate or exonération
    /// otherwise on such an act; a practitioner only where the
    /// participation forfaitaire applies; frais réels except for the
    /// forfait journalier.
    fn remboursement(&self) -> Result<(), ErreurSaisie> {
        let (a, c) = (self.acte, self.cat);
        if c.base_sans_remboursement && a.brss.is_none() {
            return Err(self.erreur(
                "brss",
                format!(
                    "base à saisir : MGEN paie un pourcentage de la base que la Sécurité sociale appliquerait à « {} »",
                    c.libelle
                ),
            ));
        }
        if !c.rembourse {
            for (nom, present) in [
                ("brss", a.brss.is_some() && !c.base_sans_remboursement),
                ("taux_amo", a.taux_amo.is_some()),
                ("exoneration_tm", a.exoneration_tm.is_some()),
            ] {
                if present {
                    return Err(self.erreur(
                        nom,
                        format!(
                            "sans objet : « {} » n'est pas remboursé par la Sécurité sociale",
                            c.libelle
                        ),
                    ));
                }
            }
        }
        if a.praticien.is_some() && c.deduction != Deduction::ParticipationForfaitaire {
            return Err(self.sans_objet("praticien"));
        }
        if a.frais_reels.is_none() && c.regle != Regle::ForfaitJournalier {
            return Err(self.erreur("frais_reels", "champ obligatoire absent".into()));
        }
        Ok(())
    }

    /// Stays and devices: at least one night or day, one or two devices,
    /// one line per stay.
    fn durees(&self) -> Result<(), ErreurSaisie> {
        let a = self.acte;
        if a.nuits == Some(0) {
            return Err(self.erreur(
                "nuits",
                format!("au moins une nuitée pour « {} »", self.cat.libelle),
            ));
        }
        if a.jours == Some(0) {
            return Err(self.erreur("jours", "au moins un jour".into()));
        }
        if let Some(n) = a.appareils.filter(|n| !(1..=2).contains(n)) {
            return Err(self.erreur("appareils", format!("1 ou 2 appareils ({n})")));
        }
        if (a.nuits.is_some() || a.jours.is_some()) && a.quantite != 1 {
            return Err(self.erreur(
                "quantite",
                "une ligne par séjour : la durée se saisit dans « nuits » ou « jours »".into(),
            ));
        }
        Ok(())
    }

    /// Values the catalogue lists for the act: element, number of teeth,
    /// material, LPP code (or one the reform's data gives for the act);
    /// a CCAM code written as the CCAM writes them.
    fn valeurs(&self) -> Result<(), ErreurSaisie> {
        let (a, c) = (self.acte, self.cat);
        if let Some(e) = a
            .element
            .as_ref()
            .filter(|e| !c.elements.iter().any(|x| &x.valeur == *e))
        {
            let vals: Vec<&str> = c.elements.iter().map(|x| x.valeur.as_str()).collect();
            return Err(self.erreur(
                "element",
                format!("valeur inconnue « {e} » (possibles : {})", vals.join(", ")),
            ));
        }
        if let Some(n) = a.dents.filter(|n| !(1..=14).contains(n)) {
            return Err(self.erreur("dents", format!("de 1 à 14 dents ({n})")));
        }
        if let Some(m) = a.materiau.as_ref().filter(|m| !c.materiaux.contains(m)) {
            return Err(self.erreur(
                "materiau",
                format!(
                    "matériau inconnu « {m} » (possibles : {})",
                    c.materiaux.join(", ")
                ),
            ));
        }
        if let Some(code) = a
            .code_lpp
            .as_ref()
            .filter(|x| !c.codes_lpp.contains(x) && !code_lpp_de_la_reforme(x, &c.code))
        {
            return Err(self.erreur(
                "code_lpp",
                format!(
                    "code LPP « {code} » hors de cet acte (codes : {})",
                    c.codes_lpp.join(", ")
                ),
            ));
        }
        match &a.code_ccam {
            Some(code) if !format_ccam(code) => Err(self.erreur(
                "code_ccam",
                format!(
                    "code CCAM « {code} » mal écrit : 4 lettres majuscules puis 3 chiffres, comme HBLD634"
                ),
            )),
            _ => Ok(()),
        }
    }

    /// A basket the act can be put in; a price limit only with a basket
    /// (typed, or implied by the line's code), and above zero. (Its date is checked with the reform's data,
    /// `moteur::panier`.)
    fn panier(&self) -> Result<(), ErreurSaisie> {
        let (a, c) = (self.acte, self.cat);
        if let Some(p) = a.panier.filter(|p| !c.paniers.contains(p)) {
            if c.paniers.is_empty() {
                return Err(self.sans_objet("panier"));
            }
            let noms: Vec<&str> = c.paniers.iter().map(|p| p.nom()).collect();
            return Err(self.erreur(
                "panier",
                format!(
                    "panier « {} » impossible pour « {} » (possibles : {})",
                    p.nom(),
                    c.libelle,
                    noms.join(", ")
                ),
            ));
        }
        match a.prix_limite {
            Some(_) if a.panier.is_none() && !panier_du_code(a) => Err(self.erreur(
                "prix_limite",
                "prix limite sans panier : précisez le panier du devis".into(),
            )),
            Some(x) if x <= rust_decimal::Decimal::ZERO => {
                Err(self.erreur("prix_limite", format!("prix limite nul ou négatif ({x})")))
            }
            _ => Ok(()),
        }
    }

    /// No zero frais réels against a base entered.
    fn frais_reels_et_base(&self) -> Result<(), ErreurSaisie> {
        if let (Some(fr), Some(b)) = (self.acte.frais_reels, self.acte.brss) {
            if fr.is_zero() && !b.is_zero() {
                return Err(self.erreur(
                    "frais_reels",
                    "frais réels nuls alors qu'une base de remboursement est saisie".into(),
                ));
            }
        }
        Ok(())
    }
}
