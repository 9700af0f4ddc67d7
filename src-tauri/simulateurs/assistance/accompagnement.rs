//! The services opened by a PTA (article 2), a serious illness of a child
//! (articles 3-4 to 3-6) and a professional transfer (article 4).

use chrono::NaiveDate;

use super::demande::{AssistanceDemande, MaladieGraveEnfant, Mutation, Pta};
use super::evenement::{Bilan, EnveloppeOuverte};
use super::regles::*;
use super::services as cat;
use super::{Delai, Service};
use crate::simulateurs::bareme::{BaremeAssistance, Limites};
use crate::simulateurs::dates::{ajouter_jours, ajouter_mois, jours_entre, veille};
use crate::simulateurs::{date_fr, Note};

pub(super) fn pta(b: &BaremeAssistance, d: &AssistanceDemande, e: &Pta) -> Bilan {
    let l = &b.limites;
    let Pta {
        parent,
        declaration,
    } = e;
    let mut r = Bilan::nouveau(format!(
        "Perte temporaire d'autonomie {}",
        libelle_parent(*parent)
    ));
    r.reference = Some(*declaration);
    r.reference_txt = Some("de la déclaration de la PTA par MGEN".to_string());
    let fin = veille(ajouter_mois(*declaration, b.enveloppe.duree_mois));
    let mut env = cat::enveloppe(
        "2-1",
        b.enveloppe.unites,
        b.enveloppe.duree_mois,
        "annexe 1, adulte",
        &b.annexe1,
    );
    env.limites
        .push(format!("du {} au {}", date_fr(*declaration), date_fr(fin)));
    if let Some(m) = enveloppe_en_cours(b, d.enveloppe_precedente, *declaration) {
        env.fermer(m);
    } else {
        r.enveloppe = Some(EnveloppeOuverte {
            annexe: "adulte".into(),
            unites_contrat: b.enveloppe.unites,
            unites_disponibles: b.enveloppe.unites,
            debut: *declaration,
            fin,
            calcul: None,
        });
    }
    r.services.push(env);
    r.services.push(cat::ergotherapeute("2-2"));
    r.services.push(cat::teleassistance(l));
    r.services.push(cat::travaux("2-4"));
    r.notes.push(Note::info(
        "La PTA est une prestation versée par MGEN ; les services sont mis à disposition \
             dès que MGEN déclare sa survenance. Un seul dossier d'ergothérapie et de travaux \
             par événement.",
        "art. 2",
    ));
    r.non_cumulables.push(format!(
        "Une seule enveloppe de services par période de {} mois.",
        b.enveloppe.duree_mois
    ));
    r
}

/// A serious illness or a long treatment of a child (art. 3-4 to 3-6): the
/// envelope of annex 2, the ergotherapist and the works, for 12 months from
/// the illness arising or worsening; a call after 30 days prorates them.
pub(super) fn maladie_grave_enfant(
    b: &BaremeAssistance,
    d: &AssistanceDemande,
    e: &MaladieGraveEnfant,
) -> Bilan {
    let MaladieGraveEnfant { enfant, survenance } = *e;
    let mut r = Bilan::nouveau(format!(
        "Pathologie lourde ou traitement long d'un enfant de {} an{}",
        enfant.age,
        if enfant.age > 1 { "s" } else { "" }
    ));
    r.reference = Some(survenance);
    r.reference_txt = Some("de la survenance ou de l'aggravation".to_string());
    if !enfant.beneficiaire() {
        r.tout_fermer = Some(
            "l'enfant a 18 ans ou plus et n'est pas handicapé : il n'est pas \
                 bénéficiaire des garanties"
                .into(),
        );
    }
    let fin = veille(ajouter_mois(survenance, b.enveloppe.duree_mois));
    let periode = Periode {
        debut: survenance,
        fin,
        jours: jours_entre(survenance, fin) + 1,
    };
    let jour = d.date_appel.map(|a| numero_jour(survenance, a));
    let prorata = unites_au_prorata(b, jour, periode.jours);
    let delai = delai_au_prorata(&b.limites, survenance, jour, prorata.restant.clone());
    let (env, ouverte) = enveloppe_enfant(b, d, &periode, &prorata, delai.clone());
    r.enveloppe = ouverte;
    let mut ergo = cat::ergotherapeute("3-5");
    ergo.delai = Some(delai.clone());
    let mut tr = cat::travaux("3-6");
    tr.delai = Some(delai);
    r.services = vec![env, ergo, tr];
    dans_les_12_mois(b, &mut r, &periode, jour);
    let n_delai = i64::from(b.limites.delai_demande_jours);
    if jour.is_some_and(|j| j > n_delai && j <= periode.jours) && prorata.unites > 0 {
        r.notes.push(Note::lecture(
            "Après 30 jours, la notice réduit les garanties « au prorata des jours \
                 restants » : les 50 unités sont réduites en proportion des jours qui restent \
                 sur les 12 mois, arrondies à l'unité inférieure.",
            ART_DELAI,
        ));
    }
    r.notes.push(Note::info(
        "Pathologies lourdes : liste des Définitions (leucémie, mucoviscidose, myopathie, \
             insuffisance rénale dialysée…) ; traitements longs : chimiothérapie, \
             radiothérapie, trithérapie, quadrithérapie, curiethérapie.",
        "art. 3 ; Définitions",
    ));
    r.non_cumulables.push(format!(
        "Une seule enveloppe de services par période de {} mois.",
        b.enveloppe.duree_mois
    ));
    r
}

/// The envelope of annex 2 (art. 3-4), closed while a previous one runs or
/// when nothing is left of the 12 months; else opened with its units.
fn enveloppe_enfant(
    b: &BaremeAssistance,
    d: &AssistanceDemande,
    p: &Periode,
    prorata: &Prorata,
    delai: Delai,
) -> (Service, Option<EnveloppeOuverte>) {
    let mut env = cat::enveloppe(
        "3-4",
        b.enveloppe.unites,
        b.enveloppe.duree_mois,
        "annexe 2, enfant",
        &b.annexe2,
    );
    env.limites
        .push(format!("du {} au {}", date_fr(p.debut), date_fr(p.fin)));
    env.delai = Some(delai);
    if let Some(m) = enveloppe_en_cours(b, d.enveloppe_precedente, p.debut) {
        env.fermer(m);
    } else if prorata.unites == 0 {
        env.fermer("appel trop tardif : plus aucun jour de la période de 12 mois");
    } else {
        let ouverte = EnveloppeOuverte {
            annexe: "enfant".into(),
            unites_contrat: b.enveloppe.unites,
            unites_disponibles: prorata.unites,
            debut: p.debut,
            fin: p.fin,
            calcul: prorata.calcul.clone(),
        };
        return (env, Some(ouverte));
    }
    (env, None)
}

/// The 12 months the services of a child's illness are used in, first and
/// last day included.
struct Periode {
    debut: NaiveDate,
    fin: NaiveDate,
    jours: i64,
}

/// The envelope's units after a call on day `jour` (art. 3-4; Délai de
/// demande d'assistance): all of them within 30 days; beyond, in proportion
/// of the days left of the 12 months, rounded down.
struct Prorata {
    unites: u32,
    /// The arithmetic, for a late call.
    calcul: Option<String>,
    /// What is left, said in the deadline.
    restant: Option<String>,
}

fn unites_au_prorata(b: &BaremeAssistance, jour: Option<i64>, total: i64) -> Prorata {
    let unites = b.enveloppe.unites;
    match jour {
        Some(j) if j > i64::from(b.limites.delai_demande_jours) => {
            let reste = (total - j).max(0);
            let u = (i64::from(unites) * reste / total) as u32;
            Prorata {
                unites: u,
                calcul: Some(format!(
                    "appel le {j}e jour : {unites} unités × {reste} jours restants / {total} = \
                         {u} unités (arrondi à l'unité inférieure)"
                )),
                restant: Some(format!("{u} unités sur {reste} jours")),
            }
        }
        Some(_) => Prorata {
            unites,
            calcul: None,
            restant: Some(format!("{unites} unités (demande dans les délais)")),
        },
        None => Prorata {
            unites,
            calcul: None,
            restant: None,
        },
    }
}

/// The deadline of a child's illness (Délai de demande d'assistance): 30
/// days from the illness arising or worsening, then prorated.
fn delai_au_prorata(
    l: &Limites,
    survenance: NaiveDate,
    jour: Option<i64>,
    restant: Option<String>,
) -> Delai {
    let n_delai = i64::from(l.delai_demande_jours);
    Delai {
        texte: format!(
            "demande au plus tard le {n_delai}e jour à compter de la survenance ou de \
                 l'aggravation ({}) ; au-delà, les garanties sont réduites au prorata des \
                 jours restants",
            date_fr(survenance)
        ),
        date_limite: ajouter_jours(survenance, (n_delai - 1) as u64),
        jour_appel: jour,
        dans_les_delais: jour.map(|j| j <= n_delai),
        plafond_restant: restant,
    }
}

/// The services of a child's illness are used within the 12 months (art.
/// 3-4): a call after them closes everything; each needs a medical
/// certificate sent first to IMA's doctors.
fn dans_les_12_mois(b: &BaremeAssistance, r: &mut Bilan, p: &Periode, jour: Option<i64>) {
    if jour.is_some_and(|j| j >= p.jours) {
        for s in r.services.iter_mut() {
            s.fermer(format!(
                "appel après la fin de la période de {} mois ({})",
                b.enveloppe.duree_mois,
                date_fr(p.fin)
            ));
        }
    }
    for s in r.services.iter_mut() {
        s.modalites.push(
            "certificat médical adressé au préalable, sous pli confidentiel, aux médecins \
                 d'IMA"
                .into(),
        );
        s.modalites.push(format!(
            "à utiliser dans les 12 mois qui suivent, jusqu'au {}",
            date_fr(p.fin)
        ));
    }
}

pub(super) fn mutation(b: &BaremeAssistance, d: &AssistanceDemande, e: &Mutation) -> Bilan {
    let l = &b.limites;
    let Mutation {
        date_mutation,
        demenagement,
        en_france,
    } = e;
    let mut r = Bilan::nouveau("Mutation professionnelle".into());
    r.reference = *demenagement;
    r.reference_txt = demenagement.map(|_| "du déménagement".to_string());
    if let Some(m) = date_mutation {
        r.notes.push(Note::info(
            format!("Mutation au {}.", date_fr(*m)),
            "art. 4",
        ));
    }
    if !en_france {
        r.tout_fermer = Some("la mutation doit avoir lieu en France".into());
    }
    let mut emploi = cat::emploi_conjoint(l);
    if !d.conjoint {
        emploi.fermer("pas de conjoint déclaré au foyer");
    }
    r.services.push(emploi);
    r.services.push(cat::demenagement());
    let mut net = cat::nettoyage(l);
    if let Some(dem) = demenagement {
        let limite = ajouter_mois(*dem, l.nettoyage_mois);
        net.limites.push(format!(
            "déménagement le {} : nettoyage au plus tard le {}",
            date_fr(*dem),
            date_fr(limite)
        ));
        if let Some(a) = d.date_appel {
            if a > limite {
                net.fermer(format!(
                    "demande le {}, après le mois qui suit le déménagement ({})",
                    date_fr(a),
                    date_fr(limite)
                ));
            }
        }
    } else {
        net = net.formalite("date du déménagement à préciser");
    }
    r.services.push(net);
    r
}

/// A motif when an envelope granted less than 12 months before is still running.
pub(super) fn enveloppe_en_cours(
    b: &BaremeAssistance,
    precedente: Option<NaiveDate>,
    debut: NaiveDate,
) -> Option<String> {
    let p = precedente?;
    let fin = ajouter_mois(p, b.enveloppe.duree_mois);
    (debut < fin).then(|| {
        format!(
            "une enveloppe a déjà été accordée le {} : une seule par période de {} mois (nouvelle \
             enveloppe possible à partir du {})",
            date_fr(p),
            b.enveloppe.duree_mois,
            date_fr(fin)
        )
    })
}
