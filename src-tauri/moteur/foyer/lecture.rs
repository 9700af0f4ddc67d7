//! Reading a household document from JSON, as strictly as the
//! single-member one ([`crate::moteur::lecture`]): unknown fields refused,
//! amounts as decimal strings, each refusal a French message naming the
//! JSON path (`foyer[1].actes[0].frais_reels`). [`lire_document`] reads
//! either kind: a document with `foyer` is a household, any other a
//! single member.

use super::{
    Document, GrilleAppliquee, Personne, Relation, SituationFoyer, Variation, PERSONNES_MAX,
};
use crate::moteur::erreur::ErreurSaisie;
use crate::moteur::lecture::{self, lire_actes, lire_assure, Objet, ACTES_MAX};
use crate::tarifs::{Offre, ParOffre};
use rust_decimal::Decimal;
use serde_json::Value;

/// Parses JSON text into a document of either kind.
pub fn lire_document_texte(texte: &str) -> Result<Document, ErreurSaisie> {
    lire_document(&lecture::json(texte)?)
}

/// A household document when it has `foyer`, else a single member.
pub fn lire_document(v: &Value) -> Result<Document, ErreurSaisie> {
    if v.get("foyer").is_some() {
        lire_foyer(v).map(Document::Foyer)
    } else {
        lecture::lire(v).map(Document::Seul)
    }
}

/// Parses a household document.
pub fn lire_foyer(v: &Value) -> Result<SituationFoyer, ErreurSaisie> {
    let mut o = Objet::new(v, String::new())?;
    for cle in ["assure", "actes", "alternative_100_sante"] {
        if o.valeur(cle).is_some() {
            return Err(o.erreur(
                cle,
                "champ d'une situation à une personne : dans un foyer, il va sous chaque personne de « foyer »",
            ));
        }
    }
    let date = o.date("date")?.ok_or_else(|| o.manque("date"))?;
    let offre = o.offre("offre")?;
    let foyer_v = o.valeur("foyer").ok_or_else(|| o.manque("foyer"))?;
    let foyer = lire_personnes(&o, foyer_v)?;
    let cotisations = match o.valeur("cotisations") {
        None => ParOffre::new(),
        Some(c) => lire_cotisations(c, o.sous("cotisations"))?,
    };
    let variation = match o.valeur("variation") {
        None => None,
        Some(c) => Some(lire_variation(c, o.sous("variation"))?),
    };
    let grille_cotisations = match o.valeur("grille_cotisations") {
        None => None,
        Some(c) => Some(lire_grille(c, o.sous("grille_cotisations"))?),
    };
    o.fin()?;
    let s = SituationFoyer {
        date,
        offre,
        foyer,
        cotisations,
        variation,
        grille_cotisations,
    };
    valider_foyer(&s)?;
    Ok(s)
}

fn lire_personnes(o: &Objet<'_>, v: &Value) -> Result<Vec<Personne>, ErreurSaisie> {
    let Value::Array(items) = v else {
        return Err(o.erreur("foyer", "liste de personnes attendue"));
    };
    if items.is_empty() {
        return Err(o.erreur("foyer", "aucune personne dans le foyer"));
    }
    if items.len() > PERSONNES_MAX {
        return Err(o.erreur(
            "foyer",
            format!(
                "trop de personnes ({}) : {PERSONNES_MAX} au plus par foyer",
                items.len()
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(k, p)| lire_personne(p, format!("foyer[{k}]")))
        .collect()
}

fn lire_personne(v: &Value, chemin: String) -> Result<Personne, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let relation = o
        .choix("relation", "relation inconnue", &Relation::NOMS)?
        .ok_or_else(|| o.manque("relation"))?;
    let nom = o.texte("nom")?;
    let assure_v = o.valeur("assure").ok_or_else(|| o.manque("assure"))?;
    let assure = lire_assure(assure_v, o.sous("assure"))?;
    let actes_v = o.valeur("actes").ok_or_else(|| o.manque("actes"))?;
    let actes = lire_actes(&o, "actes", actes_v)?;
    let alternative_100_sante = match o.valeur("alternative_100_sante") {
        None | Some(Value::Null) => None,
        Some(v) => Some(lire_actes(&o, "alternative_100_sante", v)?),
    };
    o.fin()?;
    Ok(Personne {
        relation,
        nom,
        assure,
        actes,
        alternative_100_sante,
    })
}

/// `{ "initiale": "600.00", … }`: yearly euros per offer, each optional,
/// in the order written; which offers exist is the grid's to say
/// ([`super::cout`] refuses a cotisation for an offer the estimate has not).
fn lire_cotisations(v: &Value, chemin: String) -> Result<ParOffre<Decimal>, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let mut out = ParOffre::new();
    for nom in v.as_object().into_iter().flat_map(|m| m.keys()) {
        let offre = Offre::depuis_code(nom).ok_or_else(|| {
            o.erreur(
                nom,
                format!("offre inconnue « {nom} » (un code d'offre du barème)"),
            )
        })?;
        if let Some(m) = o.montant(nom)? {
            out.insert(offre, m);
        }
    }
    o.fin()?;
    Ok(out)
}

fn lire_variation(v: &Value, chemin: String) -> Result<Variation, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let personne = o.entier("personne")?.ok_or_else(|| o.manque("personne"))?;
    let acte = o.entier("acte")?.ok_or_else(|| o.manque("acte"))?;
    o.fin()?;
    Ok(Variation { personne, acte })
}

/// `{ "libelle": "Section 75 — 2027", "date_effet": "2027-01-01" }`: the
/// section's grid the cotisations were filled from.
fn lire_grille(v: &Value, chemin: String) -> Result<GrilleAppliquee, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let libelle = o.texte("libelle")?.ok_or_else(|| o.manque("libelle"))?;
    let date_effet = o
        .date("date_effet")?
        .ok_or_else(|| o.manque("date_effet"))?;
    o.fin()?;
    Ok(GrilleAppliquee {
        libelle,
        date_effet,
    })
}

/// What the household as a whole must satisfy: one adhérent exactly, at
/// most [`ACTES_MAX`] acts in all, and a `variation` that names an act of
/// the document.
pub fn valider_foyer(s: &SituationFoyer) -> Result<(), ErreurSaisie> {
    let adherents = s
        .foyer
        .iter()
        .filter(|p| p.relation == Relation::Adherent)
        .count();
    if adherents != 1 {
        return Err(ErreurSaisie::new(
            "foyer",
            format!(
                "un foyer compte un adhérent (relation « adherent »), et un seul : {adherents} trouvé(s)"
            ),
        ));
    }
    let total: usize = s.foyer.iter().map(|p| p.actes.len()).sum();
    if total > ACTES_MAX {
        return Err(ErreurSaisie::new(
            "foyer",
            format!("trop d'actes ({total}) : {ACTES_MAX} au plus pour tout le foyer"),
        ));
    }
    if let Some(v) = s.variation {
        let Some(p) = s.foyer.get(v.personne as usize) else {
            return Err(ErreurSaisie::new(
                "variation.personne",
                format!(
                    "aucune personne n° {} : le foyer en compte {} (numérotées à partir de 0)",
                    v.personne,
                    s.foyer.len()
                ),
            ));
        };
        if v.acte as usize >= p.actes.len() {
            return Err(ErreurSaisie::new(
                "variation.acte",
                format!(
                    "aucun acte n° {} pour foyer[{}] : il en compte {} (numérotés à partir de 0)",
                    v.acte,
                    v.personne,
                    p.actes.len()
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn assure() -> Value {
        json!({"date_naissance": "1980-01-01", "parcours_soins": true, "css": false, "handicap": false})
    }

    fn foyer() -> Value {
        json!({
            "date": "2018-06-15",
            "foyer": [
                {"relation": "adherent", "nom": "Claire", "assure": assure(),
                 "actes": [{"code": "consultation_generaliste", "quantite": 1, "frais_reels": "25.00"}]},
                {"relation": "enfant", "assure": assure(),
                 "actes": [{"code": "consultation_generaliste", "quantite": 1, "frais_reels": "25.00"}]}
            ],
            "cotisations": {"initiale": "600.00"},
            "variation": {"personne": 1, "acte": 0}
        })
    }

    fn err(v: Value) -> String {
        lire_document(&v).unwrap_err().to_string()
    }

    #[test]
    fn a_household_document_reads_and_round_trips() {
        let Document::Foyer(f) = lire_document(&foyer()).unwrap() else {
            panic!("foyer attendu");
        };
        assert_eq!(f.foyer.len(), 2);
        assert_eq!(f.foyer[0].relation, Relation::Adherent);
        assert_eq!(f.nom(0), "Claire");
        assert_eq!(f.nom(1), "Personne 2 (enfant)");
        assert_eq!(f.cotisations[&Offre::INITIALE], Decimal::new(60000, 2));
        let texte = serde_json::to_value(&f).unwrap();
        assert_eq!(lire_foyer(&texte).unwrap(), f);
    }

    #[test]
    fn the_grid_the_cotisations_come_from_is_read_and_checked() {
        let mut v = foyer();
        v["grille_cotisations"] =
            json!({"libelle": "Section 75 — 2027", "date_effet": "2027-01-01"});
        let Document::Foyer(f) = lire_document(&v).unwrap() else {
            panic!("foyer attendu");
        };
        let g = f.grille_cotisations.as_ref().unwrap();
        assert_eq!(g.libelle, "Section 75 — 2027");
        assert_eq!(
            g.date_effet,
            chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()
        );
        assert_eq!(
            serde_json::to_value(&f).unwrap()["grille_cotisations"],
            v["grille_cotisations"]
        );
        v["grille_cotisations"]["date_effet"] = json!("01/01/2027");
        assert_eq!(
            err(v.clone()),
            "grille_cotisations.date_effet : date invalide « 01/01/2027 » (format AAAA-MM-JJ)"
        );
        v["grille_cotisations"] = json!({"date_effet": "2027-01-01"});
        assert!(err(v).starts_with("grille_cotisations.libelle"));
        // Without it, the document is written as before.
        let Document::Foyer(f) = lire_document(&foyer()).unwrap() else {
            panic!("foyer attendu");
        };
        assert!(serde_json::to_value(&f)
            .unwrap()
            .get("grille_cotisations")
            .is_none());
    }

    #[test]
    fn a_single_member_document_stays_one() {
        let v = json!({"date": "2018-06-15", "assure": assure(),
                       "actes": [{"code": "consultation_generaliste", "frais_reels": "25.00"}]});
        assert!(matches!(lire_document(&v).unwrap(), Document::Seul(_)));
    }

    #[test]
    fn refusals_name_the_household_path() {
        let mut v = foyer();
        v["foyer"][1]["actes"][0]["frais_reels"] = json!("-3");
        assert_eq!(
            err(v),
            "foyer[1].actes[0].frais_reels : montant négatif (-3)"
        );
        let mut v = foyer();
        v["foyer"][1]["relation"] = json!("cousin");
        assert_eq!(
            err(v),
            "foyer[1].relation : relation inconnue « cousin » (adherent, conjoint, enfant, autre)"
        );
        let mut v = foyer();
        v["foyer"][1]["relation"] = json!("adherent");
        assert!(err(v).starts_with("foyer : un foyer compte un adhérent"));
        let mut v = foyer();
        v["foyer"][0]["assure"]["age"] = json!(3);
        assert_eq!(err(v), "foyer[0].assure.age : champ inconnu");
        let mut v = foyer();
        v["cotisations"]["integrale"] = json!(900);
        assert!(err(v).starts_with("cotisations.integrale : montant à écrire en texte"));
        let mut v = foyer();
        v["variation"]["acte"] = json!(4);
        assert!(err(v).starts_with("variation.acte : aucun acte n° 4 pour foyer[1]"));
        let mut v = foyer();
        v["assure"] = assure();
        assert!(err(v).starts_with("assure : champ d'une situation à une personne"));
        let mut v = foyer();
        v["foyer"] = json!([]);
        assert_eq!(err(v), "foyer : aucune personne dans le foyer");
    }
}
