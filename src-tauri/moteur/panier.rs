//! The basket of an act under the 100 % Santé reform
//! (`tarifs::cent_pour_cent_sante`): decided once per act, the same under
//! every offer ([`regle_du_panier`]), then applied per offer by the MGEN
//! part ([`jusqu_au_prix_limite`], [`dans_les_plafonds`]).
//!
//! 1. The basket typed on the devis line, else the one its code implies
//!    (`moteur::codes_devis`, said); a basket is refused before the reform
//!    created it, with the date and the text; an act of the reform's fields without basket after that
//!    date is estimated on the MGEN grid, with a warning that asks for it.
//! 2. Its price limit (PLV, HLF) per unit from the data, times the units,
//!    or the one printed on the devis (`prix_limite`); a price above it is
//!    flagged (it should not happen).
//! 3. A 100 % Santé item from the date nothing is left to pay (R.871-2,
//!    décret n° 2019-21), after its renewal period from the last item paid:
//!    MGEN pays the frais réels within the price limit less what the AMO
//!    paid, whatever the offer; the price limit is then required.
//! 4. Other items take the MGEN grid in force, bounded by the contrat
//!    responsable ceilings (R.871-2): a classe B frame, a classe B
//!    equipment (the lenses and frame of one date, by the category of its
//!    two lenses), a classe II hearing aid (AMO included).

use super::erreur::{ErreurEstimation, ErreurSaisie};
use super::format::{arrondi, date_fr};
use super::journal::Journal;
use super::part_amo::{CalculAmo, Entree};
use super::resultat::{CodeAvertissement, GenreExplication};
use super::situation::{Acte, Panier, Situation};
use super::texte::Texte;
use super::texte::Valeur::{Chaine, Euros, Nombre};
use crate::tarifs::cent_pour_cent_sante::{
    valeur_au, CategorieVerres, Certitude, DefinitionPanier, Domaine, Par, Plafond, PorteSur,
    PrixLimite, ReformeSante, ValeurSante,
};
use crate::texte;
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;

const REFORME: &str = "réforme 100 % Santé";

/// What the basket of an act decides, the same under every offer.
#[derive(Debug)]
pub struct ReglePanier<'a> {
    pub panier: Panier,
    pub definition: &'a DefinitionPanier,
    /// The price limit of the whole line, where known.
    pub limite: Option<Decimal>,
    /// From the basket's date: MGEN pays up to the price limit.
    pub sans_reste_a_charge: bool,
    /// The ceilings that bound the MGEN grid's amount on this act.
    pub plafonds: Vec<PlafondActe<'a>>,
}

/// A contrat responsable ceiling as it applies to one act.
#[derive(Debug)]
pub struct PlafondActe<'a> {
    pub plafond: &'a Plafond,
    pub valeur: &'a ValeurSante,
    /// The ceiling for this act's units (× aids) or the equipment's.
    pub montant: Decimal,
}

/// The basket rule of the act `e` (module doc, steps 1–2), with its
/// explanation lines shared by the offers.
pub fn regle_du_panier<'a>(
    reforme: &'a ReformeSante,
    e: &Entree<'a>,
    journal: &mut Journal,
) -> Result<Option<ReglePanier<'a>>, ErreurEstimation> {
    let Some(panier) = e.panier() else {
        signaler_panier_absent(reforme, e, journal);
        return Ok(None);
    };
    if e.acte.panier.is_none() {
        noter_panier_du_code(reforme, e, panier, journal);
    }
    let definition = reforme.panier(panier);
    refuser_avant_la_reforme(definition, e)?;
    let sans_reste_a_charge = definition.cent_pour_cent_sante
        && definition
            .sans_reste_a_charge(&e.cat.code)
            .is_some_and(|(depuis, _, _)| e.date >= depuis)
        && dans_le_renouvellement(reforme, definition, e, journal);
    let limite = prix_limite(reforme, e, panier, journal);
    if sans_reste_a_charge && limite.is_none() {
        return Err(ErreurSaisie::new(
            format!("{}.prix_limite", e.chemin),
            format!(
                "prix limite du devis à saisir : nos sources ne donnent pas celui de « {} » en {}",
                e.cat.libelle, definition.libelle
            ),
        )
        .into());
    }
    noter_panier(definition, sans_reste_a_charge, e, journal);
    if let Some(l) = limite {
        signaler_prix_au_dessus(l, e.frais_reels, journal);
    }
    let plafonds = if sans_reste_a_charge {
        Vec::new()
    } else {
        plafonds_de_l_acte(reforme, e, panier, journal)
    };
    Ok(Some(ReglePanier {
        panier,
        definition,
        limite,
        sans_reste_a_charge,
        plafonds,
    }))
}

/// The basket the devis's code gives a line typed without one.
fn noter_panier_du_code(
    reforme: &ReformeSante,
    e: &Entree<'_>,
    panier: Panier,
    journal: &mut Journal,
) {
    let Some(c) = e.code_devis else {
        return;
    };
    let f = journal.ecrire(format_args!(
        "Panier du devis tiré du {} {} ({}) : {}",
        c.nomenclature.nom(),
        c.code,
        c.libelle,
        reforme.panier(panier).libelle
    ));
    let reference = journal.chaine(&format!(
        "{} ({})",
        c.reference,
        libelle_certitude(c.certitude)
    ));
    let source = journal.chaine(&c.source);
    journal.noter(
        GenreExplication::Calcul,
        f.into(),
        reference,
        Some(c.depuis),
        source,
    );
}

/// An act the reform classes, dated after its baskets exist, without a
/// basket: estimated on the grid, and the adviser is asked for it.
fn signaler_panier_absent(reforme: &ReformeSante, e: &Entree<'_>, journal: &mut Journal) {
    let Some(debut) = e
        .cat
        .paniers
        .iter()
        .map(|p| reforme.panier(*p).existe_depuis)
        .min()
    else {
        return;
    };
    if e.date < debut {
        return;
    }
    let noms: Vec<&str> = e
        .cat
        .paniers
        .iter()
        .map(|p| reforme.panier(*p).libelle.as_str())
        .collect();
    let message = journal.ecrire(format_args!(
        "Panier du devis non précisé ({}) : estimation selon le barème MGEN, sans les règles de la {REFORME} ; précisez le panier indiqué sur le devis",
        noms.join(", ")
    ));
    journal.noter(
        GenreExplication::Avertissement,
        message.into(),
        REFORME,
        Some(debut),
        "CSS art. R.871-2 (décret n° 2019-21 du 11 janvier 2019)",
    );
    journal.avertir(CodeAvertissement::Information, message.into());
}

/// Whether the 100 % Santé item comes after its renewal period from the
/// last item paid (optics: 2 years from 16, 1 year under 16, earlier when
/// the sight changed; hearing aids: 4 years); if not, said, and the MGEN
/// grid applies with its own rules.
fn dans_le_renouvellement(
    reforme: &ReformeSante,
    d: &DefinitionPanier,
    e: &Entree<'_>,
    journal: &mut Journal,
) -> bool {
    let deja = e.situation.assure.deja_utilise.as_ref();
    let dernier = match d.domaine {
        Domaine::Optique if e.acte.evolution_vue == Some(true) => None,
        Domaine::Optique => deja.and_then(|x| x.dernier_equipement_optique),
        Domaine::Audiologie => deja.and_then(|x| x.derniere_aide_auditive),
        Domaine::Dentaire => None,
    };
    let (Some(dernier), Some(r)) = (dernier, reforme.renouvellement(d.domaine, e.age)) else {
        return true;
    };
    let fin = dernier
        .checked_add_months(Months::new(r.mois))
        .unwrap_or(NaiveDate::MAX);
    if e.date >= fin {
        return true;
    }
    let message = journal.ecrire(format_args!(
        "Dernier équipement le {} : la prise en charge 100 % Santé n'est renouvelée qu'après {} mois, soit le {} ; barème MGEN appliqué",
        date_fr(dernier),
        r.mois,
        date_fr(fin)
    ));
    let reference = journal.chaine(&format!(
        "{} ({})",
        r.reference,
        libelle_certitude(r.certitude)
    ));
    let source = journal.chaine(&r.source);
    journal.noter(
        GenreExplication::Limite,
        message.into(),
        reference,
        Some(fin),
        source,
    );
    journal.avertir(CodeAvertissement::HorsRenouvellement, message.into());
    false
}

fn libelle_certitude(c: Certitude) -> &'static str {
    match c {
        Certitude::ConfirmeParLeTexte => "confirmé par le texte",
        Certitude::SourceSecondaire => "source secondaire",
        Certitude::LectureAConfirmer => "lecture à confirmer",
    }
}

/// A basket used before the reform created it is refused.
fn refuser_avant_la_reforme(d: &DefinitionPanier, e: &Entree<'_>) -> Result<(), ErreurSaisie> {
    if e.date >= d.existe_depuis {
        return Ok(());
    }
    Err(ErreurSaisie::new(
        format!("{}.panier", e.chemin),
        format!(
            "le panier « {} » n'existe qu'à partir du {} ({REFORME} : {}) ; soins du {}",
            d.libelle,
            date_fr(d.existe_depuis),
            d.reference,
            date_fr(e.date)
        ),
    ))
}

/// The price limit of the line: the devis's own when typed, else the
/// data's per unit × units; noted with its text.
fn prix_limite(
    reforme: &ReformeSante,
    e: &Entree<'_>,
    panier: Panier,
    journal: &mut Journal,
) -> Option<Decimal> {
    if let Some(saisi) = e.acte.prix_limite {
        let f = texte!("Prix limite du devis, saisi : {}", Euros(saisi));
        journal.noter(GenreExplication::Calcul, f, "prix limite", None, "devis");
        return Some(saisi);
    }
    let (ligne, valeur) = reforme
        .prix_limites
        .iter()
        .filter(|l| s_applique(l, e.acte, panier, e.age))
        .find_map(|l| valeur_au(&l.valeurs, e.date).map(|v| (l, v)))?;
    let total = valeur.valeur * Decimal::from(e.acte.quantite);
    let quoi = journal.chaine(&ligne.libelle);
    let f = texte!(
        "Prix limite ({}) : {} × {} = {}",
        Chaine(quoi),
        Nombre(i64::from(e.acte.quantite)),
        Euros(valeur.valeur),
        Euros(total)
    );
    noter_valeur(journal, f, GenreExplication::Calcul, valeur);
    Some(total)
}

/// Whether a price limit's conditions hold for the act.
fn s_applique(l: &PrixLimite, acte: &Acte, panier: Panier, age: u32) -> bool {
    l.acte == acte.code
        && l.panier == panier
        && (l.materiaux.is_empty()
            || acte
                .materiau
                .as_ref()
                .is_some_and(|m| l.materiaux.contains(m)))
        && l.dent
            .as_deref()
            .is_none_or(|d| acte.dent.is_some_and(|x| x.nom() == d))
        && l.age_min.is_none_or(|a| age >= a)
        && l.age_moins_de.is_none_or(|a| age < a)
}

/// An explanation line citing a dated value of the reform, with its
/// certainty when it is not the text itself.
fn noter_valeur(journal: &mut Journal, f: Texte<'_>, genre: GenreExplication, v: &ValeurSante) {
    let reference = match v.certitude {
        Certitude::ConfirmeParLeTexte => v.reference.clone(),
        c => format!("{} ({})", v.reference, libelle_certitude(c)),
    };
    let reference = match &v.note {
        Some(n) => format!("{reference} — {n}"),
        None => reference,
    };
    let r = journal.chaine(&reference);
    let source = journal.chaine(&v.source);
    journal.noter(genre, f, r, Some(v.depuis), source);
}

/// The basket line of the act's explanation.
fn noter_panier(d: &DefinitionPanier, sans_reste: bool, e: &Entree<'_>, journal: &mut Journal) {
    let libelle = journal.chaine(&d.libelle);
    let f = if sans_reste {
        texte!(
            "Panier du devis : {} ; contrat responsable : pris en charge jusqu'au prix limite, sans reste à charge",
            Chaine(libelle)
        )
    } else {
        texte!("Panier du devis : {}", Chaine(libelle))
    };
    let (depuis, reference, source) = d
        .sans_reste_a_charge(&e.cat.code)
        .filter(|_| sans_reste)
        .unwrap_or((d.existe_depuis, &d.reference, &d.source));
    let r = journal.chaine(reference);
    let source = journal.chaine(source);
    journal.noter(GenreExplication::Calcul, f, r, Some(depuis), source);
}

/// A price above the limit should not happen: flagged.
fn signaler_prix_au_dessus(limite: Decimal, frais_reels: Decimal, journal: &mut Journal) {
    if frais_reels <= limite {
        return;
    }
    let f = texte!(
        "Prix du devis {} au-dessus du prix limite {} : un article de ce panier ne peut pas être facturé plus cher ; vérifiez le devis",
        Euros(frais_reels),
        Euros(limite)
    );
    journal.noter(
        GenreExplication::Avertissement,
        f,
        "prix limite",
        None,
        "devis",
    );
    journal.avertir(CodeAvertissement::PrixLimiteDepasse, f);
}

/// The contrat responsable ceilings of a classe B frame or equipment, or
/// of a classe II hearing aid, at the date of care.
fn plafonds_de_l_acte<'a>(
    reforme: &'a ReformeSante,
    e: &Entree<'a>,
    panier: Panier,
    journal: &mut Journal,
) -> Vec<PlafondActe<'a>> {
    let mut plafonds = Vec::new();
    let mut ajouter = |plafond: Option<&'a Plafond>, fois: u32| {
        if let Some((plafond, valeur)) =
            plafond.and_then(|p| valeur_au(&p.valeurs, e.date).map(|v| (p, v)))
        {
            plafonds.push(PlafondActe {
                plafond,
                valeur,
                montant: valeur.valeur * Decimal::from(fois),
            });
        }
    };
    match panier {
        Panier::Classe2 => ajouter(reforme.plafond(panier, Par::Aide, None), e.acte.quantite),
        Panier::ClasseB => {
            if e.cat.code == "monture" {
                ajouter(reforme.plafond(panier, Par::Monture, None), 1);
            }
            match categorie_de_l_equipement(reforme, e.situation, e.date) {
                Ok(Some(c)) => ajouter(reforme.plafond(panier, Par::Equipement, Some(c)), 1),
                Ok(None) => {}
                Err(()) => signaler_equipement_mixte(journal),
            }
        }
        _ => {}
    }
    plafonds
}

/// The R.871-2 category of the classe B equipment bought on `date`: the
/// category of its lenses when they share one; `Err` for mixed lenses
/// (ceilings not found in our sources); `None` without lenses.
fn categorie_de_l_equipement(
    reforme: &ReformeSante,
    situation: &Situation,
    date: NaiveDate,
) -> Result<Option<CategorieVerres>, ()> {
    let mut categories = situation
        .actes
        .iter()
        .filter(|a| a.date.unwrap_or(situation.date) == date && a.panier == Some(Panier::ClasseB))
        .filter_map(|a| reforme.categorie_verres(&a.code));
    let Some(premiere) = categories.next() else {
        return Ok(None);
    };
    if categories.all(|c| c == premiere) {
        Ok(Some(premiere))
    } else {
        Err(())
    }
}

fn signaler_equipement_mixte(journal: &mut Journal) {
    let f = texte!("Équipement de classe B à verres de catégories différentes : les plafonds du contrat responsable de ces équipements (R.871-2, 3°, b, d, e) n'ont pas été trouvés dans nos sources ; aucun plafond appliqué");
    journal.noter(
        GenreExplication::Avertissement,
        f,
        "contrat responsable",
        None,
        "docs/sources-2019-2026.md, tableau 3",
    );
    journal.avertir(CodeAvertissement::LectureAConfirmer, f);
}

/// MGEN's part of a 100 % Santé item (module doc, step 3): the frais réels
/// within the price limit, less what the AMO paid; never below zero.
pub fn jusqu_au_prix_limite(
    regle: &ReglePanier<'_>,
    frais_reels: Decimal,
    amo: &CalculAmo,
    journal: &mut Journal,
) -> Decimal {
    let limite = regle.limite.unwrap_or(frais_reels);
    let pris = frais_reels.min(limite);
    let montant = (pris - amo.part.net).max(Decimal::ZERO);
    let f = texte!(
        "100 % Santé : MGEN paie le prix dans la limite du prix limite, moins l'AMO : min({}, {}) − {} = {}",
        Euros(frais_reels),
        Euros(limite),
        Euros(amo.part.net),
        Euros(montant)
    );
    journal.noter(
        GenreExplication::Calcul,
        f,
        "CSS art. R.871-2",
        regle.definition.sans_reste_a_charge_depuis,
        "décret n° 2019-21 du 11 janvier 2019 ; Légifrance JORFTEXT000037995163",
    );
    montant
}

/// What a classe B or classe II item's equipment already received under
/// the offer: MGEN on the equipment of each date.
pub type DejaPaye = Vec<(NaiveDate, Decimal)>;

/// The grid's amount `montant` bounded by the act's contrat responsable
/// ceilings (module doc, step 4); an equipment's ceiling counts what its
/// earlier acts of the same date received (`deja`).
pub fn dans_les_plafonds(
    regle: &ReglePanier<'_>,
    date: NaiveDate,
    montant: Decimal,
    amo: &CalculAmo,
    deja: &mut DejaPaye,
    journal: &mut Journal,
) -> Borne {
    let mut montant = montant;
    let mut lecture_a_confirmer = false;
    for p in &regle.plafonds {
        let deja_equipement = match p.plafond.par {
            Par::Equipement => deja
                .iter()
                .filter(|(d, _)| *d == date)
                .map(|(_, m)| *m)
                .sum(),
            _ => Decimal::ZERO,
        };
        let amo_compte = match p.plafond.porte_sur {
            PorteSur::AmoCompris => amo.part.brut,
            PorteSur::PartComplementaire => Decimal::ZERO,
        };
        let reste = arrondi(p.montant - deja_equipement - amo_compte).max(Decimal::ZERO);
        noter_plafond(p, montant, reste, journal);
        if montant > reste {
            montant = reste;
            lecture_a_confirmer |= p.valeur.certitude == Certitude::LectureAConfirmer;
        }
    }
    if regle
        .plafonds
        .iter()
        .any(|p| p.plafond.par == Par::Equipement)
    {
        deja.push((date, montant));
    }
    Borne {
        montant,
        lecture_a_confirmer,
    }
}

/// A grid amount within the ceilings, and whether a ceiling read as
/// « lecture à confirmer » lowered it.
pub struct Borne {
    pub montant: Decimal,
    pub lecture_a_confirmer: bool,
}

fn noter_plafond(p: &PlafondActe<'_>, montant: Decimal, reste: Decimal, journal: &mut Journal) {
    let quoi = journal.chaine(&p.plafond.libelle);
    let f = if montant > reste {
        texte!(
            "Contrat responsable, {} : plafond {}, il reste {} ; MGEN ramené de {} à {}",
            Chaine(quoi),
            Euros(p.montant),
            Euros(reste),
            Euros(montant),
            Euros(reste)
        )
    } else {
        texte!(
            "Contrat responsable, {} : plafond {}, il reste {} ; MGEN {} dans le plafond",
            Chaine(quoi),
            Euros(p.montant),
            Euros(reste),
            Euros(montant)
        )
    };
    noter_valeur(journal, f, GenreExplication::Plafond, p.valeur);
}

#[cfg(test)]
mod tests {
    //! The ceilings as they bind: the 2018 grid never reaches them (its
    //! largest optical forfaits are 2 × 200 € + 90 €, its hearing forfait
    //! 650 €), so they are tried here on amounts a later grid could give.
    use super::*;
    use crate::moteur::resultat::PartAmo;
    use crate::tarifs::cent_pour_cent_sante::reforme_livree;
    use rust_decimal_macros::dec;

    fn le(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn amo(brut: Decimal) -> CalculAmo {
        CalculAmo {
            base: brut,
            taux_reference: dec!(60),
            taux_effectif: dec!(60),
            part_exoneree: Decimal::ZERO,
            motif_exoneration: None,
            part: PartAmo {
                brut,
                net: brut,
                ..PartAmo::default()
            },
        }
    }

    /// The rule of a classe B or classe II act with these ceilings.
    fn regle<'a>(panier: Panier, plafonds: Vec<(&'a Plafond, u32)>) -> ReglePanier<'a> {
        let date = le("2026-01-15");
        ReglePanier {
            panier,
            definition: reforme_livree().panier(panier),
            limite: None,
            sans_reste_a_charge: false,
            plafonds: plafonds
                .into_iter()
                .map(|(plafond, fois)| {
                    let valeur = valeur_au(&plafond.valeurs, date).unwrap();
                    PlafondActe {
                        plafond,
                        valeur,
                        montant: valeur.valeur * Decimal::from(fois),
                    }
                })
                .collect(),
        }
    }

    #[test]
    fn a_classe_b_frame_gets_at_most_100_euros() {
        let r = reforme_livree();
        let monture = r.plafond(Panier::ClasseB, Par::Monture, None).unwrap();
        let regle = regle(Panier::ClasseB, vec![(monture, 1)]);
        let mut journal = Journal::avec_capacite(4);
        let b = dans_les_plafonds(
            &regle,
            le("2026-01-15"),
            dec!(150),
            &amo(dec!(0.03)),
            &mut Vec::new(),
            &mut journal,
        );
        assert_eq!(b.montant, dec!(100.00));
        assert!(
            !b.lecture_a_confirmer,
            "100 € is a secondary source, not a doubtful reading"
        );
    }

    #[test]
    fn an_equipment_ceiling_counts_what_its_earlier_acts_received_that_day() {
        let r = reforme_livree();
        let simples = r
            .plafond(
                Panier::ClasseB,
                Par::Equipement,
                Some(CategorieVerres::Simples),
            )
            .unwrap();
        let regle = regle(Panier::ClasseB, vec![(simples, 1)]);
        let mut deja = vec![(le("2026-01-15"), dec!(380)), (le("2025-01-15"), dec!(400))];
        let mut journal = Journal::avec_capacite(4);
        // 420 € − 380 € paid the same day on the lenses = 40 € left for the frame.
        let b = dans_les_plafonds(
            &regle,
            le("2026-01-15"),
            dec!(90),
            &amo(dec!(0.03)),
            &mut deja,
            &mut journal,
        );
        assert_eq!(b.montant, dec!(40));
        assert!(
            b.lecture_a_confirmer,
            "420 € is read « lecture à confirmer » (ticket modérateur included?)"
        );
        assert_eq!(deja.last(), Some(&(le("2026-01-15"), dec!(40))));
    }

    #[test]
    fn a_classe_2_hearing_aid_counts_the_amo_in_its_1700_euros() {
        let r = reforme_livree();
        let aide = r.plafond(Panier::Classe2, Par::Aide, None).unwrap();
        // Two aids: 2 × 1 700 € − AMO gross 480 € = 2 920 € at most.
        let regle = regle(Panier::Classe2, vec![(aide, 2)]);
        let mut journal = Journal::avec_capacite(4);
        let b = dans_les_plafonds(
            &regle,
            le("2026-01-15"),
            dec!(3000),
            &amo(dec!(480)),
            &mut Vec::new(),
            &mut journal,
        );
        assert_eq!(b.montant, dec!(2920));
    }
}
