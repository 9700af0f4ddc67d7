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

/// What the services of a stay depend on besides the stay itself.
struct Cadre<'a> {
    l: &'a Limites,
    /// Where the trips the services pay for run (metropolitan France or
    /// the DROM of residence).
    trajets: &'static str,
    /// The day the household calls IMA, if it has.
    appel: Option<NaiveDate>,
}

impl Cadre<'_> {
    fn de<'a>(b: &'a BaremeAssistance, d: &AssistanceDemande) -> Cadre<'a> {
        Cadre {
            l: &b.limites,
            trajets: zone_des_trajets(d.domicile),
            appel: d.date_appel,
        }
    }
}

/// The parent's event as the services of art. 3 (care of the children)
/// see it: its length, and where it stands against the threshold of the
/// care (art. 3-1) and of the school support (art. 3-2 and 3-3).
pub(super) struct EvenementDuParent<'a> {
    pub longueur: Longueur<'a>,
    pub garde: Palier,
    pub scolaire: Palier,
}

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

// ------------------------------------------------------------ hospitalisation

/// A stay in hospital of a parent or of a child: the help at home of art. 1
/// beyond 2 days (the return home beyond its own threshold), and for a
/// parent the care of the children of art. 3 (beyond 24 h when unplanned).
pub(super) fn hospitalisation(
    b: &BaremeAssistance,
    d: &AssistanceDemande,
    e: &Hospitalisation,
) -> Bilan {
    let c = Cadre::de(b, d);
    let nuits = jours_entre(e.entree, e.sortie);
    let mut r = bilan_d_hospitalisation(e, nuits);
    let hospitalisation = Longueur {
        quoi: "l'hospitalisation",
        valeur: nuits,
    };
    let deux_jours = Palier::en_nuits(nuits, c.l.seuil_hospitalisation_jours);
    r.services.extend(aide_apres_hospitalisation(
        &c,
        e.sortie,
        deux_jours,
        hospitalisation,
    ));
    if let Concerne::Parent(_) = e.concerne {
        let garde = if e.imprevue {
            Palier::en_nuits(nuits, c.l.seuil_imprevue_enfants_heures / 24)
        } else {
            deux_jours
        };
        let parent = EvenementDuParent {
            longueur: hospitalisation,
            garde,
            scolaire: deux_jours,
        };
        let enfants = enfants_beneficiaires(d);
        let garde = garanties_enfants(c.l, &enfants, c.trajets, &parent, &mut r.non_cumulables);
        r.services.extend(garde);
    }
    delais_de_30_jours(&c, &mut r.services, e.sortie, "de la sortie");
    r
}

/// The hospitalisation as the Définitions and the Exclusions read it: who,
/// how many nights, whether it is one at all, and what excludes it.
fn bilan_d_hospitalisation(e: &Hospitalisation, nuits: i64) -> Bilan {
    let mut r = Bilan::nouveau(format!(
        "Hospitalisation {} {}",
        if e.imprevue {
            "imprévue"
        } else {
            "programmée"
        },
        qui_est_hospitalise(e.concerne)
    ));
    sejour_en_nuits(&mut r, e.entree, e.sortie, "de la sortie d'hospitalisation");
    r.notes.push(Note::lecture(
        "Durée d'une hospitalisation comptée en nuits (date de sortie moins date \
             d'entrée) ; « plus de N jours » = plus de N × 24 heures : avec exactement N \
             nuits, les heures d'entrée et de sortie décident.",
        "Définitions (hospitalisation) ; art. 1 et 3",
    ));
    if let Concerne::Enfant(enfant) = e.concerne {
        enfant_hospitalise(&mut r, enfant);
    }
    if let Some(m) = pas_une_hospitalisation(e.etablissement, nuits) {
        r.tout_fermer = Some(m.into());
    }
    if e.cause == Cause::MaladieChronique && e.imprevue {
        r.notes.push(Note::lecture(
            "Hospitalisation imprévue liée à une maladie chronique : seule la programmée \
                 est exclue ; une aggravation soudaine et imprévisible relève de la maladie \
                 au sens de la notice.",
            "Exclusions ; Définitions (maladie)",
        ));
    }
    r.exclusions = exclusion(Some(e.cause), Some(e.etablissement), !e.imprevue);
    r
}

/// "de l'adhérent", "du conjoint", "d'un enfant de 7 ans".
fn qui_est_hospitalise(concerne: Concerne) -> String {
    match concerne {
        Concerne::Parent(p) => libelle_parent(p).to_string(),
        Concerne::Enfant(e) => format!(
            "d'un enfant de {} an{}",
            e.age,
            if e.age > 1 { "s" } else { "" }
        ),
    }
}

/// A hospitalised child is a beneficiary under 18 or disabled
/// (Définitions); the services of art. 1 apply to the child.
fn enfant_hospitalise(r: &mut Bilan, enfant: Enfant) {
    if !enfant.beneficiaire() {
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

/// Why a stay is not a hospitalisation in the notice's sense (Définitions):
/// a convalescence stay, or no night spent.
fn pas_une_hospitalisation(etablissement: Etablissement, nuits: i64) -> Option<&'static str> {
    if etablissement == Etablissement::Convalescence {
        Some(
            "séjour en centre de convalescence (rééducation, SSR, maison de repos, cure \
                 thermale) : ce n'est pas une hospitalisation au sens de la notice",
        )
    } else if nuits == 0 {
        Some("séjour sans nuit : une hospitalisation comprend au moins une nuit")
    } else {
        None
    }
}

/// The help at home of art. 1 after a hospitalisation: aide-ménagère (with
/// its 7-day deadline), a relative at the bedside, medicines, meals, the
/// transfer to a relative within days of the exit (art. 1-4), each beyond
/// 2 days; the preparation of the return home beyond its own threshold (art. 1-5).
fn aide_apres_hospitalisation(
    c: &Cadre,
    sortie: NaiveDate,
    deux_jours: Palier,
    hospitalisation: Longueur,
) -> Vec<Service> {
    let l = c.l;
    let mut am = cat::aide_menagere(l);
    am.delai = Some(delai_aide_menagere(l, sortie, "de la sortie", c.appel));
    let mut tr = cat::transfert(l, c.trajets);
    tr.limites.push(format!(
        "dans les {} jours qui suivent la sortie, au plus tard le {}",
        l.transfert_jours_apres_sortie,
        date_fr(ajouter_jours(
            sortie,
            u64::from(l.transfert_jours_apres_sortie)
        ))
    ));
    let mut v = vec![
        am,
        cat::proche_chevet(l, c.trajets),
        cat::medicaments(l),
        cat::repas(l),
        tr,
    ];
    for s in v.iter_mut() {
        appliquer_seuil(s, deux_jours, hospitalisation);
    }
    let mut rd = cat::retour_domicile(l);
    let retour = Palier::en_nuits(hospitalisation.valeur, l.seuil_retour_domicile_jours);
    appliquer_seuil(&mut rd, retour, hospitalisation);
    v.push(rd);
    v
}

// ------------------------------------------------------------------ maternité

/// A stay at the maternity: only the aide-ménagère of art. 1-1, beyond 5
/// days; the other services are for an accident or a sudden illness.
pub(super) fn maternite(b: &BaremeAssistance, d: &AssistanceDemande, e: &Maternite) -> Bilan {
    let c = Cadre::de(b, d);
    let l = c.l;
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
        Palier::en_nuits(nuits, l.seuil_maternite_jours),
        Longueur {
            quoi: "le séjour à la maternité",
            valeur: nuits,
        },
    );
    am.delai = Some(delai_aide_menagere(l, *sortie, "de la sortie", c.appel));
    r.services.push(am);
    let pas_maternite = "prévu après un accident ou une maladie soudaine, pas pour une \
                             maternité";
    for mut s in [
        cat::proche_chevet(l, c.trajets),
        cat::medicaments(l),
        cat::repas(l),
        cat::transfert(l, c.trajets),
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

// ------------------------------------------------------------- immobilisation

/// An immobilisation at home after an accident or a sudden illness: the
/// help at home of art. 1 (the transfer and the return home excepted) and
/// the care of the children of art. 3, beyond 5 days.
pub(super) fn immobilisation(
    b: &BaremeAssistance,
    d: &AssistanceDemande,
    e: &Immobilisation,
) -> Bilan {
    let c = Cadre::de(b, d);
    let l = c.l;
    let jours = jours_entre(e.debut, e.fin) + 1;
    let mut r = bilan_d_immobilisation(e, jours);
    let depuis = "du début de l'immobilisation";
    let mut am = cat::aide_menagere(l);
    am.delai = Some(delai_aide_menagere(l, e.debut, depuis, c.appel));
    r.services.push(am);
    r.services.push(cat::proche_chevet(l, c.trajets));
    r.services.push(cat::medicaments(l));
    r.services.push(cat::repas(l));
    for mut s in [cat::transfert(l, c.trajets), cat::retour_domicile(l)] {
        s.fermer("prévu après une hospitalisation seulement");
        r.services.push(s);
    }
    // Art. 3 beyond the same 5 days: the threshold is applied below, with
    // the immobilisation's own words.
    let parent = EvenementDuParent {
        longueur: Longueur {
            quoi: "l'immobilisation",
            valeur: jours,
        },
        garde: Palier::franchi(l.seuil_immobilisation_jours),
        scolaire: Palier::franchi(l.seuil_immobilisation_jours),
    };
    let enfants = enfants_beneficiaires(d);
    let garde = garanties_enfants(l, &enfants, c.trajets, &parent, &mut r.non_cumulables);
    r.services.extend(garde);
    for s in r.services.iter_mut() {
        if s.ouvert() {
            fermer_si_immobilisation_courte(s, jours, l.seuil_immobilisation_jours);
        }
    }
    delais_de_30_jours(&c, &mut r.services, e.debut, depuis);
    r
}

/// The immobilisation as the notice reads it: how many days, counted like
/// a sick leave (art. 1-2 and 3), what excludes it, and that it must follow
/// an accident or a sudden illness.
fn bilan_d_immobilisation(e: &Immobilisation, jours: i64) -> Bilan {
    let mut r = Bilan::nouveau(format!(
        "Immobilisation au domicile {}",
        libelle_parent(e.parent)
    ));
    r.duree = Some(DureeEvenement {
        valeur: jours,
        unite: "jours".into(),
        texte: format!(
            "{jours} jour{} (du {} au {}, l'un et l'autre compris)",
            pluriel(jours),
            date_fr(e.debut),
            date_fr(e.fin)
        ),
    });
    r.reference = Some(e.debut);
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
    r.exclusions = exclusion(Some(e.cause), None, false);
    if e.cause == Cause::MaladieChronique {
        r.tout_fermer = Some(
            "l'immobilisation doit suivre un accident ou une maladie soudaine et \
                 imprévisible (une aggravation soudaine se déclare « maladie soudaine »)"
                .into(),
        );
    }
    r
}

/// Closes a service when the immobilisation lasts 5 days or less: art. 1
/// and 3 ask for more than 5.
fn fermer_si_immobilisation_courte(s: &mut Service, jours: i64, seuil_jours: u32) {
    if jours <= i64::from(seuil_jours) {
        s.fermer(format!(
            "immobilisation de {jours} jour{} : il en faut une de plus de {} jours",
            pluriel(jours),
            seuil_jours
        ));
    }
}

// ---------------------------------------------------------- shared by stays

/// The 30-day principle (Délai de demande d'assistance) for every service
/// opened, but the aide-ménagère (first), which has its own 7 days.
fn delais_de_30_jours(c: &Cadre, services: &mut [Service], reference: NaiveDate, quoi: &str) {
    for s in services.iter_mut().skip(1) {
        if s.ouvert() {
            s.delai = Some(delai_general(c.l, reference, quoi, c.appel));
        }
    }
}

/// The services of art. 3 (care of the children) for a parent's event:
/// the care (art. 3-1) and the school support (art. 3-2, 3-3), each beyond
/// its threshold; only one of the three ways of care of art. 3-1.
pub(super) fn garanties_enfants(
    l: &Limites,
    enfants: &[Enfant],
    trajets: &str,
    e: &EvenementDuParent,
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
        cat::venue_proche_enfants(trajets),
        cat::voyage_enfants(trajets),
        cat::garde_domicile(l),
        cat::conduite_ecole(l, handicape),
        cat::extrascolaire(l),
    ] {
        appliquer_seuil(&mut s, e.garde, e.longueur);
        v.push(s);
    }
    for mut s in [
        cat::soutien_scolaire(l),
        cat::aide_devoirs(l, enfants.len()),
    ] {
        appliquer_seuil(&mut s, e.scolaire, e.longueur);
        v.push(s);
    }
    non_cumulables.push(
        "Garde des enfants : une seule des trois solutions — venue d'un proche (3-1-1), voyage \
         chez un proche (3-1-2) ou garde au domicile (3-1-3)."
            .into(),
    );
    v
}
