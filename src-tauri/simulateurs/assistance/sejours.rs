//! The services of article 1 (help at home) and article 3 (care of the
//! children) opened by a stay in hospital, at the maternity, or an
//! immobilisation at home.

use super::demande::{
    AssistanceDemande, Cause, Concerne, Enfant, Etablissement, Hospitalisation, Immobilisation,
    Maternite,
};
use super::evenement::{enfants_beneficiaires, Bilan, DureeEvenement};
use super::regles::*;
use super::services as cat;
use super::Service;
use crate::simulateurs::bareme::{BaremeAssistance, Limites};
use crate::simulateurs::dates::{ajouter_jours, jours_entre};
use crate::simulateurs::{date_fr, Note};
use chrono::NaiveDate;

/// A stay counted in nights, entry to exit; its deadlines run from the exit.
fn sejour_en_nuits(r: &mut Bilan, entree: NaiveDate, sortie: NaiveDate, depuis: &str) {
    let nuits = jours_entre(entree, sortie);
    r.duree = Some(DureeEvenement {
        valeur: nuits,
        unite: "nuits".into(),
        texte: format!(
            "{nuits} nuit{} (entrée le {}, sortie le {})",
            pluriel(nuits),
            date_fr(entree),
            date_fr(sortie)
        ),
    });
    r.reference = Some(sortie);
    r.reference_txt = Some(depuis.to_string());
}

pub(super) fn hospitalisation(
    b: &BaremeAssistance,
    d: &AssistanceDemande,
    e: &Hospitalisation,
) -> Bilan {
    let l = &b.limites;
    let transport = transport_text(d.domicile);
    let enfants = enfants_beneficiaires(d);
    let Hospitalisation {
        concerne,
        imprevue,
        entree,
        sortie,
        cause,
        etablissement,
    } = e;
    let nuits = jours_entre(*entree, *sortie);
    let (qui, parent) = match concerne {
        Concerne::Parent(p) => (libelle_parent(*p).to_string(), true),
        Concerne::Enfant(e) => (
            format!(
                "d'un enfant de {} an{}",
                e.age,
                if e.age > 1 { "s" } else { "" }
            ),
            false,
        ),
    };
    let mut r = Bilan::nouveau(format!(
        "Hospitalisation {} {qui}",
        if *imprevue {
            "imprévue"
        } else {
            "programmée"
        }
    ));
    sejour_en_nuits(&mut r, *entree, *sortie, "de la sortie d'hospitalisation");
    r.notes.push(Note::lecture(
        "Durée d'une hospitalisation comptée en nuits (date de sortie moins date \
             d'entrée) ; « plus de N jours » = plus de N × 24 heures : avec exactement N \
             nuits, les heures d'entrée et de sortie décident.",
        "Définitions (hospitalisation) ; art. 1 et 3",
    ));
    if let Concerne::Enfant(e) = concerne {
        if !e.beneficiaire() {
            r.tout_fermer = Some(
                "l'enfant a 18 ans ou plus et n'est pas handicapé : il n'est pas \
                     bénéficiaire des garanties"
                    .into(),
            );
        }
        r.notes.push(Note::lecture(
            "L'enfant hospitalisé est bénéficiaire : les garanties de l'article 1 \
                 s'appliquent à lui ; celles de l'article 3 (garde des enfants) visent \
                 l'hospitalisation d'un parent.",
            "Définitions (bénéficiaires) ; art. 1 et 3",
        ));
    }
    if *etablissement == Etablissement::Convalescence {
        r.tout_fermer = Some(
            "séjour en centre de convalescence (rééducation, SSR, maison de repos, cure \
                 thermale) : ce n'est pas une hospitalisation au sens de la notice"
                .into(),
        );
    } else if nuits == 0 {
        r.tout_fermer =
            Some("séjour sans nuit : une hospitalisation comprend au moins une nuit".into());
    }
    if *cause == Cause::MaladieChronique && *imprevue {
        r.notes.push(Note::lecture(
            "Hospitalisation imprévue liée à une maladie chronique : seule la programmée \
                 est exclue ; une aggravation soudaine et imprévisible relève de la maladie \
                 au sens de la notice.",
            "Exclusions ; Définitions (maladie)",
        ));
    }
    r.exclusions = exclusion(Some(*cause), Some(*etablissement), !*imprevue);

    let s2 = seuil_nuits(nuits, l.seuil_hospitalisation_jours);
    let j2 = l.seuil_hospitalisation_jours;
    let hosp = "l'hospitalisation";
    let mut am = cat::aide_menagere(l);
    appliquer_seuil(&mut am, s2, nuits, j2, hosp);
    am.delai = Some(delai_aide_menagere(
        l,
        *sortie,
        "de la sortie",
        d.date_appel,
    ));
    r.services.push(am);
    for mut s in [
        cat::proche_chevet(l, transport),
        cat::medicaments(l),
        cat::repas(l),
    ] {
        appliquer_seuil(&mut s, s2, nuits, j2, hosp);
        r.services.push(s);
    }
    let mut tr = cat::transfert(l, transport);
    appliquer_seuil(&mut tr, s2, nuits, j2, hosp);
    tr.limites.push(format!(
        "dans les {} jours qui suivent la sortie, au plus tard le {}",
        l.transfert_jours_apres_sortie,
        date_fr(ajouter_jours(
            *sortie,
            u64::from(l.transfert_jours_apres_sortie)
        ))
    ));
    r.services.push(tr);
    let mut rd = cat::retour_domicile(l);
    appliquer_seuil(
        &mut rd,
        seuil_nuits(nuits, l.seuil_retour_domicile_jours),
        nuits,
        l.seuil_retour_domicile_jours,
        hosp,
    );
    r.services.push(rd);
    if parent {
        let s_garde = if *imprevue {
            seuil_nuits(nuits, l.seuil_imprevue_enfants_heures / 24)
        } else {
            s2
        };
        let j_garde = if *imprevue {
            l.seuil_imprevue_enfants_heures / 24
        } else {
            j2
        };
        r.services.extend(garanties_enfants(
            l,
            &enfants,
            transport,
            s_garde,
            j_garde,
            s2,
            j2,
            nuits,
            hosp,
            &mut r.non_cumulables,
        ));
    }
    for s in r.services.iter_mut().skip(1) {
        if s.ouvert() {
            s.delai = Some(delai_general(l, *sortie, "de la sortie", d.date_appel));
        }
    }
    r
}

pub(super) fn maternite(b: &BaremeAssistance, d: &AssistanceDemande, e: &Maternite) -> Bilan {
    let l = &b.limites;
    let transport = transport_text(d.domicile);
    let Maternite {
        parent,
        entree,
        sortie,
    } = e;
    let nuits = jours_entre(*entree, *sortie);
    let mut r = Bilan::nouveau(format!("Séjour à la maternité {}", libelle_parent(*parent)));
    sejour_en_nuits(&mut r, *entree, *sortie, "de la sortie de la maternité");
    r.notes.push(Note::lecture(
        "Durée du séjour comptée en nuits (date de sortie moins date d'entrée) ; « plus de \
             5 jours » = plus de 120 heures : avec exactement 5 nuits, les heures décident.",
        "Définitions (hospitalisation) ; art. 1",
    ));
    if nuits == 0 {
        r.tout_fermer =
            Some("séjour sans nuit : une hospitalisation comprend au moins une nuit".into());
    }
    let mut am = cat::aide_menagere(l);
    appliquer_seuil(
        &mut am,
        seuil_nuits(nuits, l.seuil_maternite_jours),
        nuits,
        l.seuil_maternite_jours,
        "le séjour à la maternité",
    );
    am.delai = Some(delai_aide_menagere(
        l,
        *sortie,
        "de la sortie",
        d.date_appel,
    ));
    r.services.push(am);
    let pas_maternite = "prévu après un accident ou une maladie soudaine, pas pour une \
                             maternité";
    for mut s in [
        cat::proche_chevet(l, transport),
        cat::medicaments(l),
        cat::repas(l),
        cat::transfert(l, transport),
        cat::retour_domicile(l),
    ] {
        s.fermer(pas_maternite);
        r.services.push(s);
    }
    let mut g = Service::new("3", "Garanties dédiées aux enfants (garde, école, devoirs)");
    g.fermer(pas_maternite);
    r.services.push(g);
    r
}

pub(super) fn immobilisation(
    b: &BaremeAssistance,
    d: &AssistanceDemande,
    e: &Immobilisation,
) -> Bilan {
    let l = &b.limites;
    let transport = transport_text(d.domicile);
    let enfants = enfants_beneficiaires(d);
    let Immobilisation {
        parent,
        debut,
        fin,
        cause,
    } = e;
    let jours = jours_entre(*debut, *fin) + 1;
    let mut r = Bilan::nouveau(format!(
        "Immobilisation au domicile {}",
        libelle_parent(*parent)
    ));
    r.duree = Some(DureeEvenement {
        valeur: jours,
        unite: "jours".into(),
        texte: format!(
            "{jours} jour{} (du {} au {}, l'un et l'autre compris)",
            pluriel(jours),
            date_fr(*debut),
            date_fr(*fin)
        ),
    });
    r.reference = Some(*debut);
    r.reference_txt = Some("du début de l'immobilisation".to_string());
    r.notes.push(Note::lecture(
        "Durée d'une immobilisation comptée en jours de calendrier, premier et dernier \
             compris ; il faut plus de 5 jours.",
        "art. 1-2 et 3",
    ));
    r.notes.push(Note::lecture(
        "Aide-ménagère ouverte pour une immobilisation de plus de 5 jours : son titre ne \
             cite que l'hospitalisation, mais son texte et les délais de demande visent \
             l'immobilisation au domicile.",
        "art. 1-1 ; Délai de demande d'assistance",
    ));
    r.exclusions = exclusion(Some(*cause), None, false);
    if *cause == Cause::MaladieChronique {
        r.tout_fermer = Some(
            "l'immobilisation doit suivre un accident ou une maladie soudaine et \
                 imprévisible (une aggravation soudaine se déclare « maladie soudaine »)"
                .into(),
        );
    }
    let seuil = if jours > i64::from(l.seuil_immobilisation_jours) {
        Seuil::Oui
    } else {
        Seuil::Non
    };
    let fermer_court = |s: &mut Service| {
        if seuil == Seuil::Non {
            s.fermer(format!(
                "immobilisation de {jours} jour{} : il en faut une de plus de {} jours",
                pluriel(jours),
                l.seuil_immobilisation_jours
            ));
        }
    };
    let mut am = cat::aide_menagere(l);
    fermer_court(&mut am);
    am.delai = Some(delai_aide_menagere(
        l,
        *debut,
        "du début de l'immobilisation",
        d.date_appel,
    ));
    r.services.push(am);
    for mut s in [
        cat::proche_chevet(l, transport),
        cat::medicaments(l),
        cat::repas(l),
    ] {
        fermer_court(&mut s);
        r.services.push(s);
    }
    for mut s in [cat::transfert(l, transport), cat::retour_domicile(l)] {
        s.fermer("prévu après une hospitalisation seulement");
        r.services.push(s);
    }
    let jg = l.seuil_immobilisation_jours;
    let mut garde = garanties_enfants(
        l,
        &enfants,
        transport,
        Seuil::Oui,
        jg,
        Seuil::Oui,
        jg,
        jours,
        "l'immobilisation",
        &mut r.non_cumulables,
    );
    for s in garde.iter_mut() {
        if s.ouvert() {
            fermer_court(s);
        }
    }
    r.services.extend(garde);
    for s in r.services.iter_mut().skip(1) {
        if s.ouvert() {
            s.delai = Some(delai_general(
                l,
                *debut,
                "du début de l'immobilisation",
                d.date_appel,
            ));
        }
    }
    r
}

/// The services of art. 3 (care of the children) for a parent's event.
#[allow(clippy::too_many_arguments)]
pub(super) fn garanties_enfants(
    l: &Limites,
    enfants: &[Enfant],
    transport: &str,
    seuil_garde: Seuil,
    jours_garde: u32,
    seuil_scolaire: Seuil,
    jours_scolaire: u32,
    duree: i64,
    quoi: &str,
    non_cumulables: &mut Vec<String>,
) -> Vec<Service> {
    if enfants.is_empty() {
        let mut g = Service::new("3", "Garanties dédiées aux enfants (garde, école, devoirs)");
        g.fermer("aucun enfant de moins de 18 ans ou handicapé au foyer");
        return vec![g];
    }
    let handicape = enfants.iter().any(|e| e.handicape);
    let mut v = Vec::new();
    for mut s in [
        cat::venue_proche_enfants(transport),
        cat::voyage_enfants(transport),
        cat::garde_domicile(l),
        cat::conduite_ecole(l, handicape),
        cat::extrascolaire(l),
    ] {
        appliquer_seuil(&mut s, seuil_garde, duree, jours_garde, quoi);
        v.push(s);
    }
    for mut s in [
        cat::soutien_scolaire(l),
        cat::aide_devoirs(l, enfants.len()),
    ] {
        appliquer_seuil(&mut s, seuil_scolaire, duree, jours_scolaire, quoi);
        v.push(s);
    }
    non_cumulables.push(
        "Garde des enfants : une seule des trois solutions — venue d'un proche (3-1-1), voyage \
         chez un proche (3-1-2) ou garde au domicile (3-1-3)."
            .into(),
    );
    v
}
