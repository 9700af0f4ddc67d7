//! The catalogue of MGEN Assistance services, article by article: title,
//! limits, conditions and territorial limit, in our own words, with the
//! figures of `assets/simulateurs/assistance.toml`. Which event opens which
//! service, and the deadlines, are decided in [`super::evenement`].

use super::Service;
use crate::simulateurs::bareme::{Limites, PrestationUnites};
use crate::simulateurs::euros_court;

/// Territorial limit of the services run in metropolitan France only.
pub(super) const METROPOLE: &str = "France métropolitaine seulement";

pub(super) fn aide_menagere(l: &Limites) -> Service {
    Service::new("1-1", "Aide-ménagère")
        .limite(format!(
            "{} heures au plus, réparties sur {} jours au plus",
            l.aide_menagere_heures, l.aide_menagere_jours
        ))
        .limite(format!(
            "{} heures au moins par intervention",
            l.aide_menagere_heures_min
        ))
        .limite("ménage, repas, vaisselle, repassage, courses de proximité")
        .formalite(
            "heures fixées par IMA selon la situation (logement, foyer, autonomie, aides déjà en place)",
        )
        .formalite(
            "dès le 1er jour d'hospitalisation pour les proches restés au domicile, au retour au \
             domicile, ou dès le 1er jour d'immobilisation",
        )
}

pub(super) fn proche_chevet(l: &Limites, trajets: &str) -> Service {
    Service::new("1-2", "Présence d'un proche au chevet")
        .limite("voyage aller-retour d'un proche, organisé et payé par IMA")
        .limite(format!(
            "hébergement {} nuits, petits-déjeuners compris, {} au plus",
            l.hebergement_nuits,
            euros_court(l.hebergement_plafond)
        ))
        .territoire(trajets)
}

pub(super) fn medicaments(l: &Limites) -> Service {
    Service::new("1-3-1", "Livraison de médicaments")
        .limite(format!(
            "{} livraison sur {} jours",
            l.medicaments_livraisons, l.medicaments_jours
        ))
        .limite(
            "médicaments prescrits par le médecin traitant, pris à la pharmacie la plus proche ; \
             leur prix reste à la charge de l'assuré",
        )
        .si("aucun proche ne peut aider")
        .territoire(METROPOLE)
}

pub(super) fn repas(l: &Limites) -> Service {
    Service::new("1-3-2", "Portage de repas")
        .limite(format!(
            "un pack de {} à {} jours de repas (déjeuners et dîners), livré sur {} jours",
            l.repas_jours_min, l.repas_jours_max, l.repas_periode_jours
        ))
        .limite(
            "le prix des repas reste à la charge de l'assuré ; menus adaptés à un régime possibles",
        )
        .si("l'assuré ne peut pas préparer ses repas et aucun proche ne peut l'aider")
        .territoire(METROPOLE)
}

pub(super) fn transfert(l: &Limites, trajets: &str) -> Service {
    Service::new("1-4", "Transfert chez un proche après l'hospitalisation")
        .limite(
            "transport non médicalisé (taxi, train 1re classe ou avion classe économique) du \
             domicile vers celui d'un proche",
        )
        .limite(format!(
            "{} au plus par trajet aller-retour",
            euros_court(l.transfert_plafond)
        ))
        .territoire(trajets)
}

pub(super) fn retour_domicile(l: &Limites) -> Service {
    Service::new("1-5", "Préparation du retour au domicile")
        .limite(format!(
            "aide à domicile {} heures au plus : réouverture du logement (volets, eau, gaz, \
             électricité), chauffage, ménage, courses (leur coût reste à la charge de l'assuré)",
            l.retour_heures
        ))
        .limite(format!(
            "taxi pour porter les clés : {} au plus à l'aller, autant pour les rendre",
            euros_court(l.retour_taxi_plafond)
        ))
        .limite(
            "intervention dans les 24 h après la remise des clés (48 h si elle a lieu le week-end \
             ou la veille d'un jour férié)",
        )
        .si("aucun proche n'est présent sur place")
        .formalite(
            "demande écrite, remise des clés ou du code d'accès, accès au logement en sécurité",
        )
}

pub(super) fn venue_proche_enfants(trajets: &str) -> Service {
    Service::new("3-1-1", "Garde des enfants : venue d'un proche au domicile")
        .limite("voyage aller-retour d'un proche pour garder les enfants au domicile")
        .territoire(trajets)
}

pub(super) fn voyage_enfants(trajets: &str) -> Service {
    Service::new("3-1-2", "Garde des enfants : voyage chez un proche")
        .limite(
            "aller-retour des enfants et d'un adulte qui les accompagne, ou accompagnement par un \
             prestataire d'IMA",
        )
        .territoire(trajets)
}

pub(super) fn garde_domicile(l: &Limites) -> Service {
    Service::new("3-1-3", "Garde des enfants au domicile")
        .limite(format!(
            "{} heures au plus sur {} jours au plus, hors dimanches et jours fériés",
            l.garde_heures, l.garde_jours
        ))
        .si("ni la venue d'un proche ni le voyage chez un proche ne conviennent")
}

pub(super) fn conduite_ecole(l: &Limites, handicape: bool) -> Service {
    let s = Service::new("3-1-4", "Conduite à l'école")
        .limite(format!(
            "un aller-retour par jour et par enfant, {} jours au plus sur une période de {} jours",
            l.ecole_jours, l.ecole_periode_jours
        ))
        .si("aucun proche ne peut se rendre disponible");
    if handicape {
        s.limite("enfant handicapé : conduite en centre spécialisé aux mêmes conditions, sans limite d'âge")
    } else {
        s
    }
}

pub(super) fn extrascolaire(l: &Limites) -> Service {
    Service::new("3-1-5", "Conduite aux activités extrascolaires")
        .limite(format!(
            "un aller-retour par semaine et par enfant, pendant {} mois au plus",
            l.extrascolaire_mois
        ))
        .si("aucun proche ne peut se rendre disponible")
}

pub(super) fn soutien_scolaire(l: &Limites) -> Service {
    Service::new("3-2", "Soutien scolaire chez un proche")
        .limite(format!(
            "{} heures par jour ouvrable et par foyer, hors vacances scolaires et jours fériés",
            l.soutien_heures_jour
        ))
        .limite(format!(
            "pendant l'hospitalisation ou l'immobilisation, {} jours au plus",
            l.soutien_periode_jours
        ))
        .limite("du primaire au secondaire, matières principales, au domicile du proche")
        .si("l'enfant a été confié à un proche éloigné de son école et ne peut plus suivre les cours")
}

pub(super) fn aide_devoirs(l: &Limites, enfants: usize) -> Service {
    let par_semaine = l.devoirs_heures_semaine as usize * enfants;
    Service::new("3-3", "Aide aux devoirs")
        .limite(format!(
            "{} heures par enfant et par semaine, soit {} heures par semaine pour {} enfant{}",
            l.devoirs_heures_semaine,
            par_semaine,
            enfants,
            if enfants > 1 { "s" } else { "" }
        ))
        .limite(format!(
            "hors vacances scolaires et jours fériés ; pendant l'hospitalisation ou \
             l'immobilisation, {} jours au plus",
            l.devoirs_periode_jours
        ))
        .limite("du primaire au secondaire, matières principales, au domicile")
}

pub(super) fn enveloppe(
    code: &str,
    unites: u32,
    mois: u32,
    annexe: &str,
    table: &[PrestationUnites],
) -> Service {
    let lignes: Vec<String> = table
        .iter()
        .map(|p| format!("{} {} u.", p.libelle.to_lowercase(), p.valeur))
        .collect();
    Service::new(code, "Enveloppe de services")
        .limite(format!(
            "{unites} unités à utiliser sur {mois} mois au plus ({annexe})"
        ))
        .limite(format!("barème : {}", lignes.join(" ; ")))
        .formalite(format!(
            "une seule enveloppe par période de {mois} mois ; unités figées une fois les \
             prestations accordées et commencées"
        ))
}

pub(super) fn ergotherapeute(code: &str) -> Service {
    Service::new(code, "Bilan à domicile par un ergothérapeute")
        .limite("un dossier par événement")
        .limite(
            "évaluation dans le lieu de vie et document de préconisations (aides techniques, \
             aménagements, aides humaines…)",
        )
        .territoire(METROPOLE)
}

pub(super) fn teleassistance(l: &Limites) -> Service {
    Service::new("2-3", "Téléassistance")
        .limite(format!(
            "installation, maintenance du transmetteur et accès au service pendant {} mois au plus",
            l.teleassistance_mois
        ))
        .territoire(METROPOLE)
}

pub(super) fn travaux(code: &str) -> Service {
    Service::new(code, "Service travaux pour aménager le domicile")
        .limite(
            "mise en relation avec des professionnels, diagnostic, devis vérifiés, suivi des \
             travaux ; un dossier par événement",
        )
        .limite("le coût des travaux reste à la charge de l'assuré")
        .formalite("après les préconisations de l'ergothérapeute")
        .territoire(METROPOLE)
}

pub(super) fn emploi_conjoint(l: &Limites) -> Service {
    Service::new("4-1", "Aide à la recherche d'emploi du conjoint")
        .limite(format!(
            "CV en ligne, offres ciblées, envoi et appel à {} entreprises, accompagnement \
             individualisé",
            l.emploi_entreprises
        ))
        .limite(format!(
            "{} entretiens téléphoniques de suivi sur {} jours",
            l.emploi_entretiens, l.emploi_periode_jours
        ))
}

pub(super) fn demenagement() -> Service {
    Service::new("4-2", "Aide au déménagement")
        .limite("coordonnées d'un déménageur ou d'un garde-meubles, 24 h/24 et 7 j/7")
}

pub(super) fn nettoyage(l: &Limites) -> Service {
    Service::new("4-3", "Nettoyage du logement quitté")
        .limite(format!("{} au plus", euros_court(l.nettoyage_plafond)))
        .limite(format!(
            "à réaliser dans les {} mois qui suivent le déménagement",
            l.nettoyage_mois
        ))
}

/// Services open to every Assuré whatever the event (art. 5).
pub(super) fn informations() -> Vec<Service> {
    vec![
        Service::new("5-1", "Informations juridiques en ligne")
            .limite("accès illimité et sécurisé au site, 24 h/24 et 7 j/7"),
        Service::new(
            "5-2",
            "Informations administratives, sociales, juridiques et pratiques par téléphone",
        )
        .limite("une fois par an, du lundi au vendredi de 9 h à 18 h, hors jours fériés"),
    ]
}
