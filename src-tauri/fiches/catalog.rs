//! The checklist files of `assets/fiches/` (one TOML file per checklist):
//! their format, loading and validation. The files are compiled in, read
//! once, and checked thoroughly so that a mistake in a text (an unknown
//! placeholder, a source that does not exist, a date rule that could go
//! backwards) fails the tests, not a member's printout.
//!
//! Format of one file (French keys, reviewed by non-programmers):
//!
//! ```toml
//! id = "maternite"                       # = the file name
//! menu = "Maternité"                     # short name in the list
//! titre = "…"
//! intro = "…"
//! document = "…"                         # the source document
//!
//! [[champs]]                             # inputs, in screen order
//! champ = "debut_grossesse"              # a key of situation::Field
//! obligatoire = false
//! groupe = "grossesse"                   # at least one field of a group
//! aide = "…"
//!
//! [sources.maternite]                    # the sections the items cite
//! section = "Guide Sécurité sociale MGEN, « Maternité »"
//! reference = "seed 000, l. 272-295"
//!
//! [parametres.participation_forfaitaire] # dated amounts, looked up at date_soins
//! libelle = "…"
//! valeurs = [{ depuis = "2005-01-01", montant = "1", source = "…" }]
//!
//! [[items]]
//! id = "declaration"
//! texte = "… au plus tard le {echeance} …"
//! echeance = { depuis = "debut_grossesse", mois = 3, jours = -1 }
//! # or a_partir_du = { … }, or periode = { debut = { … }, fin = { … } }
//! destinataire = "…"                     # optional
//! a_envoyer = "…"                        # optional
//! source = "maternite"
//! important = true                       # optional
//! quand = { statut = ["fonctionnaire"], motif = ["perte"], parametres = ["…"], champs = ["…"] }
//! # statut/motif: only for these values; parametres: only when defined at
//! # the date of care; champs: only when these inputs were entered.
//! ```
//!
//! Placeholders in `texte`, `destinataire` and `a_envoyer`: `{echeance}`,
//! `{a_partir_du}`, `{debut}`, `{fin}` (the item's own computed dates), an
//! anchor (`{debut_grossesse}`, `{accouchement}`, `{date_soins}`, …) and a
//! parameter (`{participation_forfaitaire}`, printed "2 €", "0,50 €").

use super::dates::Shift;
use super::error::FicheError;
use super::situation::{Anchor, Field, MotifCarte, Statut};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The checklist files shipped with the application, in menu order.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "maternite",
        include_str!("../../assets/fiches/maternite.toml"),
    ),
    (
        "arret-travail",
        include_str!("../../assets/fiches/arret-travail.toml"),
    ),
    (
        "carte-vitale",
        include_str!("../../assets/fiches/carte-vitale.toml"),
    ),
    (
        "medecin-traitant",
        include_str!("../../assets/fiches/medecin-traitant.toml"),
    ),
    (
        "franchises",
        include_str!("../../assets/fiches/franchises.toml"),
    ),
    (
        "feuilles-de-soins",
        include_str!("../../assets/fiches/feuilles-de-soins.toml"),
    ),
    (
        "changement-situation",
        include_str!("../../assets/fiches/changement-situation.toml"),
    ),
    (
        "nouvel-adherent",
        include_str!("../../assets/fiches/nouvel-adherent.toml"),
    ),
];

/// One checklist file, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FicheDef {
    pub id: String,
    pub menu: String,
    pub titre: String,
    pub intro: String,
    pub document: String,
    #[serde(default)]
    pub champs: Vec<ChampDef>,
    pub sources: BTreeMap<String, SourceDef>,
    #[serde(default)]
    pub parametres: BTreeMap<String, ParametreDef>,
    pub items: Vec<ItemDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChampDef {
    pub champ: String,
    #[serde(default)]
    pub obligatoire: bool,
    pub groupe: Option<String>,
    pub aide: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceDef {
    pub section: String,
    pub reference: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParametreDef {
    pub libelle: String,
    pub valeurs: Vec<ValeurDef>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValeurDef {
    pub depuis: String,
    pub montant: String,
    pub source: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    pub id: String,
    pub texte: String,
    pub echeance: Option<RegleDef>,
    pub a_partir_du: Option<RegleDef>,
    pub periode: Option<PeriodeDef>,
    pub destinataire: Option<String>,
    pub a_envoyer: Option<String>,
    pub source: String,
    #[serde(default)]
    pub important: bool,
    #[serde(default)]
    pub quand: QuandDef,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegleDef {
    pub depuis: String,
    #[serde(default)]
    pub annees: u32,
    #[serde(default)]
    pub mois: u32,
    #[serde(default)]
    pub jours: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodeDef {
    pub debut: RegleDef,
    pub fin: RegleDef,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuandDef {
    #[serde(default)]
    pub statut: Vec<String>,
    #[serde(default)]
    pub motif: Vec<String>,
    #[serde(default)]
    pub parametres: Vec<String>,
    /// The item applies only when all these inputs were entered.
    #[serde(default)]
    pub champs: Vec<String>,
}

/// A date rule once checked: anchor + shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub anchor: Anchor,
    pub shift: Shift,
}

/// Which date an item carries, once checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateRule {
    Due(Rule),
    NotBefore(Rule),
    Period(Rule, Rule),
}

/// One dated value of a parameter, once checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pub since: NaiveDate,
    pub amount: Decimal,
    pub source: String,
}

/// A checked item.
#[derive(Debug, Clone)]
pub struct Item {
    pub def: ItemDef,
    pub date: Option<DateRule>,
    pub statut: Vec<Statut>,
    pub motif: Vec<MotifCarte>,
    pub champs: Vec<Field>,
}

/// A checked checklist.
#[derive(Debug, Clone)]
pub struct Fiche {
    pub def: FicheDef,
    pub champs: Vec<(Field, ChampDef)>,
    /// Parameter name → values sorted by date.
    pub parametres: BTreeMap<String, Vec<Value>>,
    pub items: Vec<Item>,
}

/// Every checklist, checked.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub fiches: Vec<Fiche>,
}

fn err(file: &str, what: impl std::fmt::Display) -> FicheError {
    FicheError::Catalog(format!("{file} : {what}"))
}

impl Catalog {
    /// The shipped checklists, read and checked once.
    pub fn builtin() -> Result<&'static Catalog, FicheError> {
        static CATALOG: std::sync::OnceLock<Result<Catalog, FicheError>> =
            std::sync::OnceLock::new();
        CATALOG
            .get_or_init(|| Catalog::from_sources(BUILTIN))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads and checks checklist files given as (file stem, TOML text).
    pub fn from_sources(sources: &[(&str, &str)]) -> Result<Catalog, FicheError> {
        let mut fiches = Vec::new();
        let mut ids = HashSet::new();
        for (stem, text) in sources {
            let file = format!("assets/fiches/{stem}.toml");
            let def: FicheDef = toml::from_str(text).map_err(|e| err(&file, e))?;
            if def.id != *stem {
                return Err(err(&file, format!("id « {} » ≠ nom du fichier", def.id)));
            }
            if !ids.insert(def.id.clone()) {
                return Err(err(&file, "id en double"));
            }
            fiches.push(check_fiche(&file, def)?);
        }
        Ok(Catalog { fiches })
    }

    pub fn get(&self, id: &str) -> Result<&Fiche, FicheError> {
        self.fiches
            .iter()
            .find(|f| f.def.id == id)
            .ok_or_else(|| FicheError::UnknownFiche {
                id: id.to_string(),
                known: self.ids().join(", "),
            })
    }

    pub fn ids(&self) -> Vec<&str> {
        self.fiches.iter().map(|f| f.def.id.as_str()).collect()
    }
}

/// The fields from which an anchor can be obtained (the first is the main one).
pub fn anchor_fields(anchor: Anchor) -> &'static [Field] {
    match anchor {
        Anchor::DebutGrossesse => &[Field::DebutGrossesse, Field::Terme],
        Anchor::Accouchement => &[Field::DateAccouchement, Field::Terme, Field::DebutGrossesse],
        Anchor::ConstatationGrossesse => &[
            Field::ConstatationGrossesse,
            Field::DebutGrossesse,
            Field::Terme,
        ],
        Anchor::DateArret => &[Field::DateArret],
        Anchor::DatePerte => &[Field::DatePerte],
        Anchor::DateSoins => &[Field::DateSoins],
    }
}

/// Placeholders an item may use besides parameters and anchors.
fn own_placeholders(date: Option<DateRule>) -> &'static [&'static str] {
    match date {
        None => &[],
        Some(DateRule::Due(_)) => &["echeance"],
        Some(DateRule::NotBefore(_)) => &["a_partir_du"],
        Some(DateRule::Period(..)) => &["debut", "fin"],
    }
}

/// The `{names}` of a text, or an error for an unclosed or empty brace.
pub fn placeholders(text: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(format!("accolade fermante isolée dans « {text} »"));
        }
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| format!("accolade non fermée dans « {text} »"))?;
        let name = &after[..close];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(format!(
                "nom de champ « {{{name}}} » invalide dans « {text} »"
            ));
        }
        out.push(name);
        rest = &after[close + 1..];
    }
    Ok(out)
}

fn check_rule(file: &str, item: &str, r: &RegleDef) -> Result<Rule, FicheError> {
    let anchor = Anchor::from_key(&r.depuis).ok_or_else(|| {
        err(
            file,
            format!("item {item} : date de départ « {} » inconnue", r.depuis),
        )
    })?;
    let months = r
        .annees
        .checked_mul(12)
        .and_then(|m| m.checked_add(r.mois))
        .filter(|m| *m <= 1200)
        .ok_or_else(|| err(file, format!("item {item} : durée trop longue")))?;
    if r.jours.abs() > 36_600 {
        return Err(err(file, format!("item {item} : durée trop longue")));
    }
    let shift = Shift::new(months, r.jours).map_err(|e| err(file, format!("item {item} : {e}")))?;
    Ok(Rule { anchor, shift })
}

/// Checks one checklist file: its inputs, its dated parameters, then each
/// item against them. Errors name the file and the item.
fn check_fiche(file: &str, def: FicheDef) -> Result<Fiche, FicheError> {
    let champs = check_champs(file, &def.champs)?;
    let parametres = check_parametres(file, &def.parametres, &champs)?;
    let context = ItemContext {
        file,
        declared: champs.iter().map(|(f, _)| *f).collect(),
        sources: &def.sources,
        parametres: &parametres,
    };
    let mut items = Vec::new();
    let mut item_ids = HashSet::new();
    for it in &def.items {
        if !item_ids.insert(it.id.clone()) {
            return Err(err(file, format!("item {} en double", it.id)));
        }
        items.push(context.check_item(it)?);
    }
    if items.is_empty() {
        return Err(err(file, "aucun item"));
    }
    Ok(Fiche {
        def,
        champs,
        parametres,
        items,
    })
}

/// The inputs of a checklist: known, each once, and either required or part
/// of a group (not both).
fn check_champs(file: &str, defs: &[ChampDef]) -> Result<Vec<(Field, ChampDef)>, FicheError> {
    let mut champs: Vec<(Field, ChampDef)> = Vec::new();
    for c in defs {
        let field = Field::from_key(&c.champ)
            .ok_or_else(|| err(file, format!("champ « {} » inconnu", c.champ)))?;
        if champs.iter().any(|(f, _)| *f == field) {
            return Err(err(file, format!("champ « {} » en double", c.champ)));
        }
        if c.obligatoire && c.groupe.is_some() {
            return Err(err(
                file,
                format!("champ « {} » : obligatoire et groupe à la fois", c.champ),
            ));
        }
        champs.push((field, c.clone()));
    }
    Ok(champs)
}

/// The dated parameters (amounts looked up at the date of care): each value
/// readable, non-negative and sourced, dates increasing; a checklist with
/// parameters must ask for the date of care.
fn check_parametres(
    file: &str,
    defs: &BTreeMap<String, ParametreDef>,
    champs: &[(Field, ChampDef)],
) -> Result<BTreeMap<String, Vec<Value>>, FicheError> {
    let mut parametres = BTreeMap::new();
    for (name, p) in defs {
        if p.valeurs.is_empty() {
            return Err(err(file, format!("paramètre {name} sans valeur")));
        }
        let values = p
            .valeurs
            .iter()
            .map(|v| check_valeur(file, name, v))
            .collect::<Result<Vec<_>, _>>()?;
        if values.windows(2).any(|w| w[0].since >= w[1].since) {
            return Err(err(
                file,
                format!("paramètre {name} : dates non croissantes"),
            ));
        }
        if !champs.iter().any(|(f, _)| *f == Field::DateSoins) {
            return Err(err(
                file,
                "des paramètres datés exigent le champ date_soins",
            ));
        }
        parametres.insert(name.clone(), values);
    }
    Ok(parametres)
}

/// One dated value of a parameter.
fn check_valeur(file: &str, name: &str, v: &ValeurDef) -> Result<Value, FicheError> {
    let since = NaiveDate::parse_from_str(&v.depuis, "%Y-%m-%d").map_err(|_| {
        err(
            file,
            format!("paramètre {name} : date « {} » illisible", v.depuis),
        )
    })?;
    let amount: Decimal = v.montant.parse().map_err(|_| {
        err(
            file,
            format!("paramètre {name} : montant « {} » illisible", v.montant),
        )
    })?;
    if amount.is_sign_negative() || v.source.trim().is_empty() {
        return Err(err(
            file,
            format!("paramètre {name} : montant négatif ou sans source"),
        ));
    }
    Ok(Value {
        since,
        amount,
        source: v.source.clone(),
    })
}

/// What an item is checked against: the checklist's declared inputs, its
/// sources and its parameters.
struct ItemContext<'a> {
    file: &'a str,
    declared: HashSet<Field>,
    sources: &'a BTreeMap<String, SourceDef>,
    parametres: &'a BTreeMap<String, Vec<Value>>,
}

impl ItemContext<'_> {
    fn err(&self, item: &ItemDef, what: impl std::fmt::Display) -> FicheError {
        err(self.file, format!("item {} : {what}", item.id))
    }

    /// One item: its source exists, its date rule, its conditions, and every
    /// date it prints comes from an input the checklist asks for.
    fn check_item(&self, it: &ItemDef) -> Result<Item, FicheError> {
        if !self.sources.contains_key(&it.source) {
            return Err(self.err(it, format!("source « {} » inconnue", it.source)));
        }
        let date = self.date_rule(it)?;
        let (statut, motif) = self.conditions(it)?;
        let champs = self.condition_champs(it)?;
        self.check_parametres_known(it)?;
        let mut anchors = match date {
            Some(DateRule::Due(r)) | Some(DateRule::NotBefore(r)) => vec![r.anchor],
            Some(DateRule::Period(a, b)) => vec![a.anchor, b.anchor],
            None => Vec::new(),
        };
        anchors.extend(self.placeholder_anchors(it, date)?);
        self.check_anchors_declared(it, &anchors)?;
        Ok(Item {
            def: it.clone(),
            date,
            statut,
            motif,
            champs,
        })
    }

    /// The item's one kind of date: a deadline, a "from", a period, or none.
    fn date_rule(&self, it: &ItemDef) -> Result<Option<DateRule>, FicheError> {
        let rule = |r| check_rule(self.file, &it.id, r);
        Ok(match (&it.echeance, &it.a_partir_du, &it.periode) {
            (None, None, None) => None,
            (Some(r), None, None) => Some(DateRule::Due(rule(r)?)),
            (None, Some(r), None) => Some(DateRule::NotBefore(rule(r)?)),
            (None, None, Some(p)) => Some(DateRule::Period(rule(&p.debut)?, rule(&p.fin)?)),
            _ => return Err(self.err(it, "une seule sorte de date")),
        })
    }

    /// The statut and motif the item is limited to: known values, and only
    /// when the checklist asks for that input.
    fn conditions(&self, it: &ItemDef) -> Result<(Vec<Statut>, Vec<MotifCarte>), FicheError> {
        let statut = it
            .quand
            .statut
            .iter()
            .map(|s| {
                Statut::from_key(s).ok_or_else(|| self.err(it, format!("statut « {s} » inconnu")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let motif = it
            .quand
            .motif
            .iter()
            .map(|m| {
                MotifCarte::from_key(m)
                    .ok_or_else(|| self.err(it, format!("motif « {m} » inconnu")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !statut.is_empty() && !self.declared.contains(&Field::Statut) {
            return Err(self.err(it, "condition sur le statut sans champ statut"));
        }
        if !motif.is_empty() && !self.declared.contains(&Field::Motif) {
            return Err(self.err(it, "condition sur le motif sans champ motif"));
        }
        Ok((statut, motif))
    }

    /// The parameters whose definition at the date of care the item needs.
    fn check_parametres_known(&self, it: &ItemDef) -> Result<(), FicheError> {
        match it
            .quand
            .parametres
            .iter()
            .find(|p| !self.parametres.contains_key(*p))
        {
            Some(p) => Err(self.err(it, format!("paramètre « {p} » inconnu"))),
            None => Ok(()),
        }
    }

    /// The inputs that must have been entered for the item to apply.
    fn condition_champs(&self, it: &ItemDef) -> Result<Vec<Field>, FicheError> {
        it.quand
            .champs
            .iter()
            .map(|c| {
                Field::from_key(c)
                    .filter(|f| self.declared.contains(f))
                    .ok_or_else(|| self.err(it, format!("champ « {c} » inconnu ou non déclaré")))
            })
            .collect()
    }

    /// The anchors named by the placeholders of the item's texts; any other
    /// placeholder must be one of the item's own dates or a parameter.
    fn placeholder_anchors(
        &self,
        it: &ItemDef,
        date: Option<DateRule>,
    ) -> Result<Vec<Anchor>, FicheError> {
        let own = own_placeholders(date);
        let texts = [
            Some(&it.texte),
            it.destinataire.as_ref(),
            it.a_envoyer.as_ref(),
        ];
        let mut anchors = Vec::new();
        for text in texts.into_iter().flatten() {
            for name in placeholders(text).map_err(|e| self.err(it, e))? {
                if own.contains(&name) || self.parametres.contains_key(name) {
                    continue;
                }
                match Anchor::from_key(name) {
                    Some(a) => anchors.push(a),
                    None => return Err(self.err(it, format!("« {{{name}}} » inconnu"))),
                }
            }
        }
        Ok(anchors)
    }

    /// Every date the item computes or prints needs the input it is computed from.
    fn check_anchors_declared(&self, it: &ItemDef, anchors: &[Anchor]) -> Result<(), FicheError> {
        for &a in anchors {
            let field = anchor_fields(a)[0];
            if !self.declared.contains(&field) {
                return Err(self.err(
                    it,
                    format!("date « {} » sans le champ {}", a.key(), field.key()),
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
        id = "essai"
        menu = "Essai"
        titre = "Essai"
        intro = "Pour les tests."
        document = "Guide"
        [[champs]]
        champ = "date_arret"
        obligatoire = true
        [sources.s]
        section = "Guide, « Arrêt »"
        reference = "seed 000, l. 239"
        [[items]]
        id = "a"
        texte = "Avant le {echeance}."
        echeance = { depuis = "date_arret", jours = 2 }
        source = "s"
    "#;

    fn load(text: &str) -> Result<Catalog, FicheError> {
        Catalog::from_sources(&[("essai", text)])
    }

    fn load_err(text: &str) -> String {
        load(text).unwrap_err().to_string()
    }

    #[test]
    fn shipped_checklists_load_and_check() {
        let c = Catalog::builtin().unwrap();
        assert_eq!(
            c.ids(),
            [
                "maternite",
                "arret-travail",
                "carte-vitale",
                "medecin-traitant",
                "franchises",
                "feuilles-de-soins",
                "changement-situation",
                "nouvel-adherent"
            ]
        );
    }

    #[test]
    fn minimal_file_loads() {
        let c = load(MINIMAL).unwrap();
        assert_eq!(c.fiches[0].items.len(), 1);
    }

    #[test]
    fn mistakes_in_files_are_caught() {
        assert!(load_err(&MINIMAL.replace("{echeance}", "{echeanse}"))
            .contains("« {echeanse} » inconnu"));
        assert!(
            load_err(&MINIMAL.replace("source = \"s\"", "source = \"t\""))
                .contains("source « t » inconnue")
        );
        assert!(load_err(&MINIMAL.replace("jours = 2", "jours = -2"))
            .contains("avant la date de départ"));
        assert!(
            load_err(&MINIMAL.replace("date_arret\", jours", "date_perte\", jours"))
                .contains("sans le champ date_perte")
        );
        assert!(
            load_err(&MINIMAL.replace("Avant le {echeance}.", "Avant le {echeance."))
                .contains("non fermée")
        );
        assert!(
            load_err(&MINIMAL.replace("id = \"essai\"", "id = \"autre\""))
                .contains("nom du fichier")
        );
        assert!(load_err(&MINIMAL.replace("texte =", "txte =")).contains("unknown field"));
        assert!(load_err(&format!(
            "{MINIMAL}\nquand = {{ statut = [\"fonctionnaire\"] }}"
        ))
        .contains("sans champ statut"));
    }

    #[test]
    fn placeholders_are_listed() {
        assert_eq!(
            placeholders("du {debut} au {fin}").unwrap(),
            ["debut", "fin"]
        );
        assert!(placeholders("a } b").is_err());
        assert!(placeholders("{}").is_err());
        assert!(placeholders("{Début}").is_err());
    }
}
