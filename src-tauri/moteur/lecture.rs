//! Reading a situation from JSON, strictly: unknown fields are refused,
//! amounts must be decimal strings with at most two decimals, impossible
//! values are refused, each time with a French message naming the JSON path.
//! Semantic checks that need the catalogue follow in [`super::validation`].

use super::erreur::ErreurSaisie;
use super::situation::{
    Acte, Assure, DebutTraitement, DejaUtilise, Dent, Grossesse, Panier, Sejour, Situation, Statut,
};
use crate::tarifs::Offre;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::str::FromStr;

/// Most acts one situation may hold (protects the engine from huge inputs).
pub const ACTES_MAX: usize = 500;

/// The baskets by their names in documents.
const PANIERS: [(&str, Panier); 7] = [
    ("classe_a", Panier::ClasseA),
    ("classe_b", Panier::ClasseB),
    ("panier_100_sante", Panier::Panier100Sante),
    ("tarifs_maitrises", Panier::TarifsMaitrises),
    ("tarifs_libres", Panier::TarifsLibres),
    ("classe_1", Panier::Classe1),
    ("classe_2", Panier::Classe2),
];

/// Parses JSON text into a situation (syntax and types; see
/// [`super::validation::valider`] for the rest).
pub fn lire_texte(texte: &str) -> Result<Situation, ErreurSaisie> {
    lire(&json(texte)?)
}

/// Parses JSON text, with a French message saying where it breaks.
pub(crate) fn json(texte: &str) -> Result<Value, ErreurSaisie> {
    serde_json::from_str(texte).map_err(|e| {
        ErreurSaisie::new(
            "",
            format!(
                "JSON illisible (ligne {}, colonne {}) : {}",
                e.line(),
                e.column(),
                categorie(&e)
            ),
        )
    })
}

fn categorie(e: &serde_json::Error) -> &'static str {
    match e.classify() {
        serde_json::error::Category::Eof => "fin de texte inattendue",
        serde_json::error::Category::Syntax => "syntaxe incorrecte",
        serde_json::error::Category::Io => "lecture impossible",
        serde_json::error::Category::Data => "donnée incorrecte",
    }
}

/// Parses a JSON value into a situation.
pub fn lire(v: &Value) -> Result<Situation, ErreurSaisie> {
    let mut o = Objet::new(v, String::new())?;
    let date = o.date("date")?.ok_or_else(|| o.manque("date"))?;
    let offre = o.offre("offre")?;
    let assure_v = o.valeur("assure").ok_or_else(|| o.manque("assure"))?;
    let assure = lire_assure(assure_v, o.sous("assure"))?;
    let actes_v = o.valeur("actes").ok_or_else(|| o.manque("actes"))?;
    let actes = lire_actes(&o, "actes", actes_v)?;
    let alternative_100_sante = match o.valeur("alternative_100_sante") {
        None | Some(Value::Null) => None,
        Some(v) => Some(lire_actes(&o, "alternative_100_sante", v)?),
    };
    o.fin()?;
    Ok(Situation {
        date,
        offre,
        assure,
        actes,
        alternative_100_sante,
    })
}

/// A non-empty list of at most [`ACTES_MAX`] acts under `cle`.
pub(crate) fn lire_actes(o: &Objet<'_>, cle: &str, v: &Value) -> Result<Vec<Acte>, ErreurSaisie> {
    let Value::Array(items) = v else {
        return Err(o.erreur(cle, "liste d'actes attendue"));
    };
    if items.is_empty() {
        return Err(o.erreur(cle, "aucun acte à estimer"));
    }
    if items.len() > ACTES_MAX {
        return Err(o.erreur(
            cle,
            format!(
                "trop d'actes ({}) : {ACTES_MAX} au plus par estimation",
                items.len()
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, a)| lire_acte(a, format!("{}[{i}]", o.sous(cle))))
        .collect()
}

pub(crate) fn lire_assure(v: &Value, chemin: String) -> Result<Assure, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let date_naissance = o
        .date("date_naissance")?
        .ok_or_else(|| o.manque("date_naissance"))?;
    let statut = match o.texte("statut")? {
        None => None,
        Some(s) => Some(match s.as_str() {
            "fonctionnaire" => Statut::Fonctionnaire,
            "non_fonctionnaire" => Statut::NonFonctionnaire,
            "retraite" => Statut::Retraite,
            "etudiant" => Statut::Etudiant,
            "ayant_droit" => Statut::AyantDroit,
            _ => {
                return Err(o.erreur(
                    "statut",
                    format!("statut inconnu « {s} » ({})", Statut::NOMS.join(", ")),
                ))
            }
        }),
    };
    let parcours_soins = o
        .booleen("parcours_soins")?
        .ok_or_else(|| o.manque("parcours_soins"))?;
    let css = o.booleen("css")?.ok_or_else(|| o.manque("css"))?;
    let handicap = o.booleen("handicap")?.ok_or_else(|| o.manque("handicap"))?;
    let date_adhesion = o.date("date_adhesion")?;
    let grossesse = match o.valeur("grossesse") {
        None => None,
        Some(g) => Some(lire_grossesse(g, o.sous("grossesse"))?),
    };
    let deja_utilise = match o.valeur("deja_utilise") {
        None => None,
        Some(d) => Some(lire_deja(d, o.sous("deja_utilise"))?),
    };
    o.fin()?;
    Ok(Assure {
        date_naissance,
        statut,
        parcours_soins,
        css,
        handicap,
        date_adhesion,
        grossesse,
        deja_utilise,
    })
}

fn lire_grossesse(v: &Value, chemin: String) -> Result<Grossesse, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let debut = o.date("debut")?.ok_or_else(|| o.manque("debut"))?;
    let terme = o.date("terme")?.ok_or_else(|| o.manque("terme"))?;
    let accouchement = o.date("accouchement")?;
    o.fin()?;
    Ok(Grossesse {
        debut,
        terme,
        accouchement,
    })
}

fn lire_deja(v: &Value, chemin: String) -> Result<DejaUtilise, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let mut d = DejaUtilise {
        participations_forfaitaires: o.montant("participations_forfaitaires")?,
        franchises: o.montant("franchises")?,
        ..DejaUtilise::default()
    };
    if let Some(env) = o.valeur("enveloppes") {
        let mut e = Objet::new(env, o.sous("enveloppes"))?;
        let keys: Vec<String> = e.map.keys().cloned().collect();
        let mut out = BTreeMap::new();
        for k in keys {
            let m = e.montant_cle(&k)?;
            if let Some(m) = m {
                out.insert(k, m);
            }
        }
        d.enveloppes = out;
    }
    d.seances_psychotherapie = o.entier("seances_psychotherapie")?;
    d.appareils_auditifs = o.entier("appareils_auditifs")?;
    d.implants = o.entier("implants")?;
    d.couronnes_sur_implant = o.entier("couronnes_sur_implant")?;
    d.semestres_orthodontie = o.entier("semestres_orthodontie")?;
    d.dernier_equipement_optique = o.date("dernier_equipement_optique")?;
    d.derniere_aide_auditive = o.date("derniere_aide_auditive")?;
    o.fin()?;
    Ok(d)
}

fn lire_acte(v: &Value, chemin: String) -> Result<Acte, ErreurSaisie> {
    let mut o = Objet::new(v, chemin)?;
    let code = o.texte("code")?.ok_or_else(|| o.manque("code"))?;
    let quantite = match o.entier("quantite")? {
        None => 1,
        Some(0) => return Err(o.erreur("quantite", "au moins 1")),
        Some(q) => q,
    };
    let acte = Acte {
        code,
        date: o.date("date")?,
        quantite,
        frais_reels: o.montant("frais_reels")?,
        brss: o.montant("brss")?,
        taux_amo: o.taux("taux_amo")?,
        exoneration_tm: o.booleen("exoneration_tm")?,
        praticien: o.texte("praticien")?,
        optam: o.booleen("optam")?,
        reseau: o.booleen("reseau")?,
        conventionne: o.booleen("conventionne")?,
        cecite: o.booleen("cecite")?,
        evolution_vue: o.booleen("evolution_vue")?,
        nuits: o.entier("nuits")?,
        jours: o.entier("jours")?,
        appareils: o.entier("appareils")?,
        sejour: o.choix(
            "sejour",
            "type de séjour inconnu",
            &[
                ("mco", Sejour::Mco),
                ("maternite", Sejour::Maternite),
                ("psychiatrie", Sejour::Psychiatrie),
                ("ssr", Sejour::Ssr),
            ],
        )?,
        element: o.texte("element")?,
        code_lpp: o.texte("code_lpp")?,
        code_ccam: o.texte("code_ccam")?,
        dent: o.choix(
            "dent",
            "type de dent inconnu",
            &[
                ("incisive_canine_premolaire", Dent::IncisiveCaninePremolaire),
                ("molaire", Dent::Molaire),
            ],
        )?,
        // The words of the devis or of the Annexe, in any spelling.
        materiau: o
            .texte("materiau")?
            .map(|m| super::catalogue::materiau_canonique(&m)),
        debut_traitement: o.choix(
            "debut_traitement",
            "valeur inconnue",
            &[
                ("avant_16_ans", DebutTraitement::Avant16Ans),
                ("apres_16_ans", DebutTraitement::Apres16Ans),
            ],
        )?,
        dents: o.entier("dents")?,
        panier: o.choix("panier", "panier inconnu", &PANIERS)?,
        prix_limite: o.montant("prix_limite")?,
    };
    o.fin()?;
    Ok(acte)
}

/// A JSON object being read: remembers the fields read so that the others
/// can be refused.
pub(crate) struct Objet<'a> {
    chemin: String,
    map: &'a Map<String, Value>,
    lus: Vec<String>,
}

impl<'a> Objet<'a> {
    pub(crate) fn new(v: &'a Value, chemin: String) -> Result<Self, ErreurSaisie> {
        match v {
            Value::Object(map) => Ok(Objet {
                chemin,
                map,
                lus: Vec::new(),
            }),
            _ => Err(ErreurSaisie::new(
                if chemin.is_empty() {
                    "(racine)".to_string()
                } else {
                    chemin
                },
                format!("objet JSON attendu, trouvé {}", nature(v)),
            )),
        }
    }

    pub(crate) fn sous(&self, cle: &str) -> String {
        if self.chemin.is_empty() {
            cle.to_string()
        } else {
            format!("{}.{cle}", self.chemin)
        }
    }

    pub(crate) fn erreur(&self, cle: &str, message: impl Into<String>) -> ErreurSaisie {
        ErreurSaisie::new(self.sous(cle), message)
    }

    pub(crate) fn manque(&self, cle: &str) -> ErreurSaisie {
        self.erreur(cle, "champ obligatoire absent")
    }

    /// The value of a field, `None` when absent or null.
    pub(crate) fn valeur(&mut self, cle: &str) -> Option<&'a Value> {
        self.lus.push(cle.to_string());
        match self.map.get(cle) {
            None | Some(Value::Null) => None,
            Some(v) => Some(v),
        }
    }

    /// A text that must be one of `valeurs` (names and what each reads as);
    /// otherwise "{inconnu} « x » (the names)".
    pub(crate) fn choix<T: Copy>(
        &mut self,
        cle: &str,
        inconnu: &str,
        valeurs: &[(&str, T)],
    ) -> Result<Option<T>, ErreurSaisie> {
        let Some(s) = self.texte(cle)? else {
            return Ok(None);
        };
        match valeurs.iter().find(|(nom, _)| *nom == s) {
            Some((_, v)) => Ok(Some(*v)),
            None => {
                let noms: Vec<&str> = valeurs.iter().map(|(nom, _)| *nom).collect();
                Err(self.erreur(cle, format!("{inconnu} « {s} » ({})", noms.join(", "))))
            }
        }
    }

    /// An offer's code (`"reference"`): which offers exist is the grid's
    /// to say, checked against the grid in force when estimating
    /// ([`crate::moteur::offres`]); here only the code's form.
    pub(crate) fn offre(&mut self, cle: &str) -> Result<Option<Offre>, ErreurSaisie> {
        let Some(s) = self.texte(cle)? else {
            return Ok(None);
        };
        match Offre::depuis_code(&s) {
            Some(o) => Ok(Some(o)),
            None => Err(self.erreur(
                cle,
                format!(
                    "offre inconnue « {s} » (un code d'offre du barème, par exemple reference)"
                ),
            )),
        }
    }

    pub(crate) fn texte(&mut self, cle: &str) -> Result<Option<String>, ErreurSaisie> {
        match self.valeur(cle) {
            None => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Err(self.erreur(cle, "texte vide")),
            Some(Value::String(s)) if s.chars().count() > 200 => {
                Err(self.erreur(cle, "texte trop long (200 caractères au plus)"))
            }
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(self.erreur(cle, format!("texte attendu, trouvé {}", nature(v)))),
        }
    }

    pub(crate) fn date(&mut self, cle: &str) -> Result<Option<NaiveDate>, ErreurSaisie> {
        match self.valeur(cle) {
            None => Ok(None),
            Some(Value::String(s)) => {
                let ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
                match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                    Ok(d) if ok => Ok(Some(d)),
                    _ => {
                        Err(self.erreur(cle, format!("date invalide « {s} » (format AAAA-MM-JJ)")))
                    }
                }
            }
            Some(v) => Err(self.erreur(
                cle,
                format!("date attendue (texte AAAA-MM-JJ), trouvé {}", nature(v)),
            )),
        }
    }

    pub(crate) fn booleen(&mut self, cle: &str) -> Result<Option<bool>, ErreurSaisie> {
        match self.valeur(cle) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(v) => {
                Err(self.erreur(cle, format!("true ou false attendu, trouvé {}", nature(v))))
            }
        }
    }

    pub(crate) fn entier(&mut self, cle: &str) -> Result<Option<u32>, ErreurSaisie> {
        match self.valeur(cle) {
            None => Ok(None),
            Some(Value::Number(n)) => match n.as_i64() {
                Some(i) if i < 0 => Err(self.erreur(cle, format!("nombre négatif ({i})"))),
                Some(i) if i > 10_000 => Err(self.erreur(cle, format!("nombre trop grand ({i})"))),
                Some(i) => Ok(Some(i as u32)),
                None => Err(self.erreur(cle, format!("nombre entier attendu, trouvé {n}"))),
            },
            Some(v) => {
                Err(self.erreur(cle, format!("nombre entier attendu, trouvé {}", nature(v))))
            }
        }
    }

    pub(crate) fn montant(&mut self, cle: &str) -> Result<Option<Decimal>, ErreurSaisie> {
        let v = self.valeur(cle);
        self.decimal(cle, v, "montant", 2, Some(Decimal::from(1_000_000)))
    }

    pub(crate) fn montant_cle(&mut self, cle: &str) -> Result<Option<Decimal>, ErreurSaisie> {
        self.montant(cle)
    }

    pub(crate) fn taux(&mut self, cle: &str) -> Result<Option<Decimal>, ErreurSaisie> {
        let v = self.valeur(cle);
        self.decimal(cle, v, "taux", 2, Some(Decimal::ONE_HUNDRED))
    }

    pub(crate) fn decimal(
        &self,
        cle: &str,
        v: Option<&Value>,
        quoi: &str,
        decimales: u32,
        max: Option<Decimal>,
    ) -> Result<Option<Decimal>, ErreurSaisie> {
        let s = match v {
            None => return Ok(None),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => {
                return Err(self.erreur(
                    cle,
                    format!(
                        "{quoi} à écrire en texte décimal, par exemple \"{n}\" (entre guillemets)"
                    ),
                ))
            }
            Some(v) => {
                return Err(self.erreur(
                    cle,
                    format!(
                        "{quoi} attendu en texte décimal (\"150.00\"), trouvé {}",
                        nature(v)
                    ),
                ))
            }
        };
        let valid_chars = !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == '-')
            && s.chars().filter(|c| *c == '.').count() <= 1
            && s.chars().skip(1).all(|c| c != '-');
        let d = match Decimal::from_str(s) {
            Ok(d) if valid_chars => d,
            _ => {
                return Err(self.erreur(
                    cle,
                    format!(
                        "{quoi} illisible « {s} » (texte décimal avec un point, ex. \"150.00\")"
                    ),
                ))
            }
        };
        if d.is_sign_negative() && !d.is_zero() {
            return Err(self.erreur(cle, format!("{quoi} négatif ({s})")));
        }
        if d.normalize().scale() > decimales {
            return Err(self.erreur(
                cle,
                format!("{quoi} avec plus de {decimales} décimales ({s})"),
            ));
        }
        if let Some(max) = max {
            if d > max {
                return Err(self.erreur(cle, format!("{quoi} trop grand ({s}, au plus {max})")));
            }
        }
        Ok(Some(d.abs()))
    }

    /// Refuses the fields that were not read.
    pub(crate) fn fin(self) -> Result<(), ErreurSaisie> {
        for k in self.map.keys() {
            if !self.lus.iter().any(|l| l == k) {
                return Err(self.erreur(k, "champ inconnu"));
            }
        }
        Ok(())
    }
}

fn nature(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "un booléen",
        Value::Number(_) => "un nombre",
        Value::String(_) => "un texte",
        Value::Array(_) => "une liste",
        Value::Object(_) => "un objet",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use serde_json::json;

    fn base() -> Value {
        json!({
            "date": "2018-06-15",
            "assure": { "date_naissance": "1983-02-01", "parcours_soins": true, "css": false, "handicap": false },
            "actes": [ { "code": "consultation_generaliste", "frais_reels": "30.00" } ]
        })
    }

    fn err(v: Value) -> String {
        lire(&v).unwrap_err().to_string()
    }

    #[test]
    fn reads_a_minimal_situation() {
        let s = lire(&base()).unwrap();
        assert_eq!(s.actes[0].frais_reels, Some(dec!(30.00)));
        assert_eq!(s.actes[0].quantite, 1);
        assert_eq!(s.offre, None);
    }

    #[test]
    fn negative_amount_names_the_path() {
        let mut v = base();
        v["actes"][0]["frais_reels"] = json!("-5");
        assert_eq!(err(v), "actes[0].frais_reels : montant négatif (-5)");
    }

    #[test]
    fn numbers_for_amounts_are_refused() {
        let mut v = base();
        v["actes"][0]["frais_reels"] = json!(30.5);
        let e = err(v);
        assert!(
            e.starts_with("actes[0].frais_reels : montant à écrire en texte décimal"),
            "{e}"
        );
    }

    #[test]
    fn unknown_fields_are_refused_at_every_level() {
        let mut v = base();
        v["actes"][0]["couleur"] = json!("bleu");
        assert_eq!(err(v), "actes[0].couleur : champ inconnu");
        let mut v = base();
        v["assure"]["age"] = json!(40);
        assert_eq!(err(v), "assure.age : champ inconnu");
        let mut v = base();
        v["extra"] = json!(1);
        assert_eq!(err(v), "extra : champ inconnu");
        let mut v = base();
        v["assure"]["grossesse"] = json!({"debut": "2018-01-01", "terme": "2018-10-01", "x": 1});
        assert_eq!(err(v), "assure.grossesse.x : champ inconnu");
    }

    #[test]
    fn missing_required_fields_are_named() {
        let mut v = base();
        v["assure"].as_object_mut().unwrap().remove("css");
        assert_eq!(err(v), "assure.css : champ obligatoire absent");
        let mut v = base();
        v.as_object_mut().unwrap().remove("date");
        assert_eq!(err(v), "date : champ obligatoire absent");
    }

    #[test]
    fn bad_values_are_refused() {
        let mut v = base();
        v["date"] = json!("15/06/2018");
        assert!(err(v).starts_with("date : date invalide « 15/06/2018 »"));
        let mut v = base();
        v["actes"][0]["frais_reels"] = json!("10.005");
        assert_eq!(
            err(v),
            "actes[0].frais_reels : montant avec plus de 2 décimales (10.005)"
        );
        let mut v = base();
        v["actes"][0]["frais_reels"] = json!("12,50");
        assert!(err(v).starts_with("actes[0].frais_reels : montant illisible"));
        let mut v = base();
        v["actes"][0]["taux_amo"] = json!("120");
        assert!(err(v).starts_with("actes[0].taux_amo : taux trop grand"));
        let mut v = base();
        v["actes"][0]["quantite"] = json!(0);
        assert_eq!(err(v), "actes[0].quantite : au moins 1");
        let mut v = base();
        v["actes"][0]["nuits"] = json!(-2);
        assert_eq!(err(v), "actes[0].nuits : nombre négatif (-2)");
        let mut v = base();
        v["offre"] = json!("Premium !");
        assert!(err(v).starts_with("offre : offre inconnue « Premium ! »"));
        let mut v = base();
        v["actes"] = json!([]);
        assert_eq!(err(v), "actes : aucun acte à estimer");
        let mut v = base();
        v["assure"]["parcours_soins"] = json!("oui");
        assert_eq!(
            err(v),
            "assure.parcours_soins : true ou false attendu, trouvé un texte"
        );
        let mut v = base();
        v["assure"]["deja_utilise"] = json!({"enveloppes": {"prevention": "-1"}});
        assert_eq!(
            err(v),
            "assure.deja_utilise.enveloppes.prevention : montant négatif (-1)"
        );
    }

    #[test]
    fn broken_json_says_where() {
        let e = lire_texte("{\"date\": ").unwrap_err().to_string();
        assert!(e.contains("JSON illisible (ligne 1"), "{e}");
        let e = lire_texte("[1]").unwrap_err().to_string();
        assert_eq!(e, "(racine) : objet JSON attendu, trouvé une liste");
    }

    #[test]
    fn serde_form_round_trips_through_the_reader() {
        let s = lire(&base()).unwrap();
        let again = lire(&serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(s, again);
        let via_serde: Situation =
            serde_json::from_value(serde_json::to_value(&s).unwrap()).unwrap();
        assert_eq!(s, via_serde);
    }
}
