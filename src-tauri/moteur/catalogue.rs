//! The catalogue of acts an adviser can estimate (`assets/catalogue.toml`):
//! for each act code, its French label, search synonyms, the Annexe 2
//! line(s) and variant it maps to, the fields it needs, its default BRSS and
//! AMO rate parameters and the deduction it bears (participation forfaitaire
//! or franchise). The engine reads it; the UI searches it.
//!
//! A component's variant is its fixed `variante` plus keys computed from the
//! act (`selon`):
//! - `"optam"`, `"reseau"`, `"conventionne"` → `oui` | `non` from the act field;
//! - `"parcours"` → `dans` | `hors` from `assure.parcours_soins`;
//! - `"sejour"` → the act's `sejour`;
//! - `"element"` → the act's `element` under the key `element`, or
//!   `"element=KEY"` to put it under another key;
//! - `"age<N"` → `<N` | `>=N` from the age at the date of care;
//! - `"age<N|cecite"` → `<N` when under N or the act says `cecite`.
//!
//! A component applies only when its `si` conditions hold (`parcours_soins`,
//! `optam`, `reseau`, `conventionne`, `cecite`: booleans).

use super::chaine::Chaine;
use crate::tarifs::cent_pour_cent_sante::Panier;
use crate::tarifs::memo::{permanente, Memo};
use crate::tarifs::Bareme;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use ts_rs::TS;

/// The whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    #[serde(rename = "enveloppe", default)]
    pub enveloppes: Vec<EnveloppeDeclaree>,
    #[serde(rename = "acte")]
    pub actes: Vec<ActeCatalogue>,
}

/// An annual envelope whose consumption `deja_utilise.enveloppes` may state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct EnveloppeDeclaree {
    pub id: String,
    pub libelle: String,
    pub lignes: Vec<String>,
}

/// What the AMO deducts from its payment for this act.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Deduction {
    #[default]
    Aucune,
    /// 1 € (2 € from 2024-05-15) per consultation or act of a doctor, biology.
    ParticipationForfaitaire,
    FranchiseMedicament,
    FranchiseAuxiliaire,
    FranchiseTransport,
}

/// Act-specific rules on top of the generic cell arithmetic.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regle {
    #[default]
    Generale,
    /// A lens of an optical equipment (renewal period, two lenses).
    OptiqueVerre,
    /// The frame of an optical equipment (renewal period, one frame).
    OptiqueMonture,
    /// Yearly maintenance forfait per device owned (`appareils`).
    EntretienAudioprothese,
    /// Forfait journalier: counted in `jours`; frais réels default to the
    /// forfait in force × days.
    ForfaitJournalier,
}

/// A field of an act beyond the common ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Champ {
    Optam,
    Reseau,
    Conventionne,
    Cecite,
    EvolutionVue,
    Nuits,
    Jours,
    Appareils,
    Sejour,
    Element,
    CodeLpp,
    CodeCcam,
    Dent,
    Materiau,
    DebutTraitement,
    Dents,
}

impl Champ {
    pub fn nom(self) -> &'static str {
        match self {
            Champ::Optam => "optam",
            Champ::Reseau => "reseau",
            Champ::Conventionne => "conventionne",
            Champ::Cecite => "cecite",
            Champ::EvolutionVue => "evolution_vue",
            Champ::Nuits => "nuits",
            Champ::Jours => "jours",
            Champ::Appareils => "appareils",
            Champ::Sejour => "sejour",
            Champ::Element => "element",
            Champ::CodeLpp => "code_lpp",
            Champ::CodeCcam => "code_ccam",
            Champ::Dent => "dent",
            Champ::Materiau => "materiau",
            Champ::DebutTraitement => "debut_traitement",
            Champ::Dents => "dents",
        }
    }
}

/// How a component's MGEN amount is treated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The cell covers the ticket modérateur (and possibly more): its
    /// percentage is reduced "à due proportion" on exonération.
    #[default]
    TicketModerateur,
    /// Fees beyond the base (line 20): never reduced.
    Depassement,
    /// The heavy-act participation (lines 4 and 20): pays at most what the
    /// AMO deducted.
    #[serde(rename = "participation_18")]
    Participation18,
    /// Paid once the annual forfait of the previous component is used up
    /// (line 25, lenses: ticket modérateur beyond the forfait): the act then
    /// gets at least this amount in all.
    AuDelaEnveloppe,
    /// A forfait (never reduced; stated for readability).
    Forfait,
}

/// Conditions a component may require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    ParcoursSoins,
    Optam,
    Reseau,
    Conventionne,
    Cecite,
    /// The act's `dent` is `molaire`.
    Molaire,
}

/// A variant key computed from the act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Selon {
    Optam,
    Reseau,
    Conventionne,
    Parcours,
    Sejour,
    /// The act's `element`, under this key.
    Element(String),
    /// The act's `dent` (incisive_canine_premolaire | molaire).
    Dent,
    /// The act's `materiau`.
    Materiau,
    /// The act's `debut_traitement`, under the key `debut` (only when given).
    Debut,
    /// Age band split at N.
    Age(u32),
    /// Hearing aids (line 29): `age` `<20`, or `>=20` with `cecite` oui|non.
    Audio,
    /// Companion (line 24): `age` `<16` or `>70`, else `handicap` `oui`.
    Accompagnant,
}

impl TryFrom<String> for Selon {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Ok(match s.as_str() {
            "optam" => Selon::Optam,
            "reseau" => Selon::Reseau,
            "conventionne" => Selon::Conventionne,
            "parcours" => Selon::Parcours,
            "sejour" => Selon::Sejour,
            "element" => Selon::Element("element".into()),
            "dent" => Selon::Dent,
            "materiau" => Selon::Materiau,
            "debut" => Selon::Debut,
            "audio" => Selon::Audio,
            "accompagnant" => Selon::Accompagnant,
            _ => {
                if let Some(k) = s.strip_prefix("element=") {
                    Selon::Element(k.to_string())
                } else if let Some(n) = s.strip_prefix("age<") {
                    Selon::Age(n.parse().map_err(|_| format!("âge invalide : {s}"))?)
                } else {
                    return Err(format!("clé de variante calculée inconnue : « {s} »"));
                }
            }
        })
    }
}

impl From<Selon> for String {
    fn from(s: Selon) -> String {
        match s {
            Selon::Optam => "optam".into(),
            Selon::Reseau => "reseau".into(),
            Selon::Conventionne => "conventionne".into(),
            Selon::Parcours => "parcours".into(),
            Selon::Sejour => "sejour".into(),
            Selon::Element(k) if k == "element" => "element".into(),
            Selon::Element(k) => format!("element={k}"),
            Selon::Dent => "dent".into(),
            Selon::Materiau => "materiau".into(),
            Selon::Debut => "debut".into(),
            Selon::Age(n) => format!("age<{n}"),
            Selon::Audio => "audio".into(),
            Selon::Accompagnant => "accompagnant".into(),
        }
    }
}

impl Selon {
    /// The variant key this item fills.
    pub fn cle(&self) -> &str {
        match self {
            Selon::Optam => "optam",
            Selon::Reseau => "reseau",
            Selon::Conventionne => "conventionne",
            Selon::Parcours => "parcours",
            Selon::Sejour => "sejour",
            Selon::Element(k) => k,
            Selon::Dent => "dent",
            Selon::Materiau => "materiau",
            Selon::Debut => "debut",
            Selon::Age(_) | Selon::Audio | Selon::Accompagnant => "age",
        }
    }

    /// The act field this item reads, if any.
    pub fn champ(&self) -> Option<Champ> {
        match self {
            Selon::Optam => Some(Champ::Optam),
            Selon::Reseau => Some(Champ::Reseau),
            Selon::Conventionne => Some(Champ::Conventionne),
            Selon::Sejour => Some(Champ::Sejour),
            Selon::Element(_) => Some(Champ::Element),
            Selon::Dent => Some(Champ::Dent),
            Selon::Materiau => Some(Champ::Materiau),
            Selon::Debut => Some(Champ::DebutTraitement),
            Selon::Audio => Some(Champ::Cecite),
            Selon::Parcours | Selon::Age(_) | Selon::Accompagnant => None,
        }
    }
}

/// One Annexe 2 line an act draws on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Composante {
    pub ligne: String,
    #[serde(default)]
    pub variante: BTreeMap<String, String>,
    #[serde(default)]
    pub selon: Vec<Selon>,
    #[serde(default)]
    pub role: Role,
    #[serde(default)]
    pub si: BTreeMap<Condition, bool>,
    /// Envelope id for a per-year forfait whose cell names none.
    #[serde(default)]
    pub enveloppe: Option<String>,
    /// For a "forfait journalier in force" cell: which AMO parameter.
    #[serde(default)]
    pub forfait_journalier: Option<String>,
    /// Applies only when the act's `dents` is at least this.
    #[serde(default)]
    pub dents_min: Option<u32>,
    /// Applies only when the act's `dents` is at most this.
    #[serde(default)]
    pub dents_max: Option<u32>,
    /// The component counts the teeth beyond this number (`dents` − n
    /// units; does not apply when there are none).
    #[serde(default)]
    pub dents_au_dela_de: Option<u32>,
    /// Materials of the act that the Annexe groups under one row of this
    /// line (26.3.2.1: céramo-métallique or céramo-céramique, the row
    /// `ceramique`): act value → row value. Others are looked up as typed.
    #[serde(default)]
    pub materiau_du_bareme: BTreeMap<String, String>,
}

impl Composante {
    /// The barème's `materiau` for the act's material on this line.
    pub fn materiau_du_bareme<'a>(&'a self, materiau: &'a str) -> &'a str {
        self.materiau_du_bareme
            .get(materiau)
            .map_or(materiau, String::as_str)
    }
}

/// A material as the catalogue spells it, from the words of a devis or of
/// the Annexe: lower case, without accents, words joined by `_`
/// (« Céramo-métallique » → `ceramo_metallique`).
pub fn materiau_canonique(saisi: &str) -> String {
    let mut out = String::with_capacity(saisi.len());
    for c in saisi.trim().chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        };
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// A default BRSS per unit: an AMO parameter, for the acts that match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BaseParDefaut {
    pub parametre: String,
    /// The LPP code the base is for; another `code_lpp` needs `brss`.
    #[serde(default)]
    pub code_lpp: Option<String>,
    /// Only from this age (in whole years at the date of care).
    #[serde(default)]
    pub age_min: Option<u32>,
    /// Only under this age.
    #[serde(default)]
    pub age_max: Option<u32>,
    /// Only when the act's `cecite` is this.
    #[serde(default)]
    pub cecite: Option<bool>,
}

/// An allowed value of an act's `element` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ElementDeclare {
    pub valeur: String,
    pub libelle: String,
}

fn vrai() -> bool {
    true
}

/// One act code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActeCatalogue {
    pub code: String,
    pub libelle: String,
    /// `code` and `libelle` as shared strings (made on first use; not
    /// data): the results of every act of this code share them.
    #[serde(skip)]
    pub noms_partages: Memo<(Chaine, Chaine)>,
    /// Annexe section ("OPTIQUE").
    pub section: String,
    /// Annexe lines, for display ("25").
    pub lignes: Vec<String>,
    #[serde(default)]
    pub synonymes: Vec<String>,
    /// Reimbursed by the Sécurité sociale (otherwise AMO 0).
    #[serde(default = "vrai")]
    pub rembourse: bool,
    /// Not reimbursed, but MGEN pays a percentage of the base the Sécurité
    /// sociale would apply: `brss` is then required (26.8.1.2).
    #[serde(default)]
    pub base_sans_remboursement: bool,
    /// Default BRSS per unit, the first entry that matches the act;
    /// none → `brss` required.
    #[serde(default, rename = "base")]
    pub bases: Vec<BaseParDefaut>,
    /// AMO rate parameter (required when reimbursed).
    #[serde(default)]
    pub taux: Option<String>,
    /// AMO rate parameter out of the parcours de soins.
    #[serde(default)]
    pub taux_hors_parcours: Option<String>,
    #[serde(default)]
    pub deduction: Deduction,
    /// The heavy-act participation (R.160-16) may apply.
    #[serde(default)]
    pub acte_lourd: bool,
    /// 100 % for the whole pregnancy (compulsory exams, preparation…).
    #[serde(default)]
    pub maternite_toute_grossesse: bool,
    #[serde(default)]
    pub regle: Regle,
    /// Fields the act requires.
    #[serde(default)]
    pub champs: Vec<Champ>,
    /// Fields the act accepts but does not require.
    #[serde(default)]
    pub champs_optionnels: Vec<Champ>,
    #[serde(default)]
    pub elements: Vec<ElementDeclare>,
    /// Allowed values of `materiau`.
    #[serde(default)]
    pub materiaux: Vec<String>,
    /// LPP codes the act covers (optics).
    #[serde(default)]
    pub codes_lpp: Vec<String>,
    /// The baskets of the 100 % Santé reform a devis may put the act in
    /// (`assets/tarifs/cent-pour-cent-sante.toml`).
    #[serde(default)]
    pub paniers: Vec<Panier>,
    /// The act is covered only under this age (e.g. 6 for some optical
    /// supplements).
    #[serde(default)]
    pub age_moins_de: Option<u32>,
    /// What the adviser should know (in our words).
    #[serde(default)]
    pub note: Option<String>,
    /// Said when no component applies (e.g. "conventionné only").
    #[serde(default)]
    pub sans_prestation: Option<String>,
    pub mgen: Vec<Composante>,
}

impl ActeCatalogue {
    /// The code and label as shared strings.
    pub fn noms(&self) -> (Chaine, Chaine) {
        self.noms_partages
            .get_or_init(|| {
                let permanente = |s: &str| Chaine::permanente(permanente(s));
                (permanente(&self.code), permanente(&self.libelle))
            })
            .clone()
    }

    /// Whether the act reads this field (required or optional).
    pub fn accepte(&self, champ: Champ) -> bool {
        self.champs.contains(&champ) || self.champs_optionnels.contains(&champ)
    }
}

/// Errors of the catalogue file (found by the tests, never by advisers).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErreurCatalogue {
    #[error("catalogue illisible : {0}")]
    Syntaxe(String),
    #[error("catalogue, acte « {code} » : {message}")]
    Invalide { code: String, message: String },
}

impl Catalogue {
    pub fn acte(&self, code: &str) -> Option<&ActeCatalogue> {
        self.actes.iter().find(|a| a.code == code)
    }

    pub fn enveloppe(&self, id: &str) -> Option<&EnveloppeDeclaree> {
        self.enveloppes.iter().find(|e| e.id == id)
    }

    /// Every (ligne, variante) the act can reach, for the variant values the
    /// catalogue allows: used to check the catalogue against a barème.
    /// (Combinations a barème legitimately lacks — a material only printed
    /// for one kind of tooth — are refused at estimate time with a message
    /// naming the field.)
    pub fn references(&self, acte: &ActeCatalogue) -> Vec<(String, BTreeMap<String, String>)> {
        acte.mgen
            .iter()
            .flat_map(|c| {
                variantes_atteignables(acte, c)
                    .into_iter()
                    .map(|v| (c.ligne.clone(), v))
            })
            .collect()
    }

    /// References of this catalogue that a barème lacks, as readable text
    /// (empty when the catalogue fits the barème).
    ///
    pub fn references_absentes(&self, bareme: &Bareme) -> Vec<String> {
        let mut missing = BTreeSet::new();
        for a in &self.actes {
            for (ligne, variante) in self.references(a) {
                if bareme.ligne(&ligne, &variante).is_none() {
                    missing.insert(format!("{} → ligne {ligne} {variante:?}", a.code));
                }
            }
        }
        missing.into_iter().collect()
    }

    /// Checks the catalogue's coherence (the tests run it on the shipped
    /// file): each code once, then each act ([`Catalogue::valider_acte`]).
    fn valider(&self) -> Result<(), ErreurCatalogue> {
        let mut codes = BTreeSet::new();
        for a in &self.actes {
            let invalide = |message: &str| ErreurCatalogue::Invalide {
                code: a.code.clone(),
                message: message.to_string(),
            };
            if !codes.insert(a.code.as_str()) {
                return Err(invalide("code en double"));
            }
            self.valider_acte(a).map_err(|m| invalide(&m))?;
        }
        Ok(())
    }

    /// One act: the AMO side (rate and bases on a reimbursed act only), at
    /// least one Annexe line, the fields its variants and conditions read,
    /// its declared envelopes.
    fn valider_acte(&self, a: &ActeCatalogue) -> Result<(), String> {
        if a.rembourse && a.taux.is_none() {
            return Err("acte remboursé sans paramètre de taux".into());
        }
        if !a.rembourse && (a.taux.is_some() || !a.bases.is_empty()) {
            return Err("acte non remboursé avec une base ou un taux".into());
        }
        if a.rembourse && a.base_sans_remboursement {
            return Err("base sans remboursement sur un acte remboursé".into());
        }
        if a.mgen.is_empty() {
            return Err("aucune ligne de l'Annexe".into());
        }
        valider_valeurs(a)?;
        for c in &a.mgen {
            self.valider_composante(a, c)?;
        }
        if a.codes_lpp.is_empty() == a.accepte(Champ::CodeLpp) {
            return Err("codes LPP et champ code_lpp incohérents".into());
        }
        Ok(())
    }

    /// A component: the fields its conditions on teeth, its variant keys and
    /// its conditions read are fields of the act; its envelope is declared.
    fn valider_composante(&self, a: &ActeCatalogue, c: &Composante) -> Result<(), String> {
        if c.materiau_du_bareme
            .keys()
            .any(|m| !a.materiaux.contains(m))
        {
            return Err("« materiau_du_bareme » : matériau hors de l'acte".into());
        }
        let dents = c.dents_min.is_some() || c.dents_max.is_some() || c.dents_au_dela_de.is_some();
        if dents && !a.champs.contains(&Champ::Dents) {
            return Err("condition sur « dents » sans le champ requis".into());
        }
        if let Some(ch) = c
            .selon
            .iter()
            .filter_map(Selon::champ)
            .find(|ch| !a.accepte(*ch))
        {
            return Err(format!("variante selon « {} » sans le champ", ch.nom()));
        }
        let champ_de = |cond: &Condition| match cond {
            Condition::ParcoursSoins => None,
            Condition::Optam => Some(Champ::Optam),
            Condition::Reseau => Some(Champ::Reseau),
            Condition::Conventionne => Some(Champ::Conventionne),
            Condition::Cecite => Some(Champ::Cecite),
            Condition::Molaire => Some(Champ::Dent),
        };
        if let Some(ch) =
            c.si.keys()
                .filter_map(champ_de)
                .find(|ch| !a.champs.contains(ch))
        {
            return Err(format!("condition sur « {} » non requis", ch.nom()));
        }
        match &c.enveloppe {
            Some(id) if self.enveloppe(id).is_none() => {
                Err(format!("enveloppe « {id} » non déclarée"))
            }
            _ => Ok(()),
        }
    }
}

/// The values an act lists (elements, materials, LPP codes of its default
/// bases) go with the field and the variant key that use them.
fn valider_valeurs(a: &ActeCatalogue) -> Result<(), String> {
    let uses_element = a
        .mgen
        .iter()
        .any(|c| c.selon.iter().any(|s| matches!(s, Selon::Element(_))));
    if uses_element == a.elements.is_empty() || uses_element != a.accepte(Champ::Element) {
        return Err("« element » : valeurs, champ et variante incohérents".into());
    }
    let uses_materiau = a.mgen.iter().any(|c| c.selon.contains(&Selon::Materiau));
    if uses_materiau == a.materiaux.is_empty() || uses_materiau != a.accepte(Champ::Materiau) {
        return Err("« materiau » : valeurs, champ et variante incohérents".into());
    }
    let hors_acte = |b: &BaseParDefaut| {
        b.code_lpp
            .as_ref()
            .is_some_and(|c| !a.codes_lpp.contains(c))
    };
    if a.bases.iter().any(hors_acte) {
        return Err("base par défaut pour un code LPP hors de l'acte".into());
    }
    Ok(())
}

type Variante = BTreeMap<String, String>;

/// Every variant component `c` can reach: its fixed `variante`, extended
/// by each key it is chosen by (`selon`).
fn variantes_atteignables(acte: &ActeCatalogue, c: &Composante) -> Vec<Variante> {
    let mut variantes = vec![c.variante.clone()];
    for s in &c.selon {
        variantes = match s {
            // Absent from the rows other than the active treatment.
            Selon::Debut => {
                let avec = combiner(
                    &variantes,
                    &[&[("debut", "avant_16_ans")], &[("debut", "apres_16_ans")]],
                );
                variantes.into_iter().chain(avec).collect()
            }
            Selon::Audio => combiner(
                &variantes,
                &[
                    &[("age", "<20")],
                    &[("age", ">=20"), ("cecite", "oui")],
                    &[("age", ">=20"), ("cecite", "non")],
                ],
            ),
            Selon::Accompagnant => combiner(
                &variantes,
                &[&[("age", "<16")], &[("age", ">70")], &[("handicap", "oui")]],
            ),
            _ => {
                let valeurs = valeurs_selon(acte, c, s);
                let options: Vec<[(&str, &str); 1]> =
                    valeurs.iter().map(|x| [(s.cle(), x.as_str())]).collect();
                let options: Vec<&[(&str, &str)]> = options.iter().map(|o| &o[..]).collect();
                combiner(&variantes, &options)
            }
        };
    }
    variantes
}

/// Each variant with each option's keys set.
fn combiner(variantes: &[Variante], options: &[&[(&str, &str)]]) -> Vec<Variante> {
    let mut out = Vec::with_capacity(variantes.len() * options.len());
    for v in variantes {
        for o in options {
            let mut v = v.clone();
            for (k, x) in *o {
                v.insert(k.to_string(), x.to_string());
            }
            out.push(v);
        }
    }
    out
}

/// The values a variant key chosen from one field can take.
fn valeurs_selon(acte: &ActeCatalogue, c: &Composante, s: &Selon) -> Vec<String> {
    let textes = |v: &[&str]| v.iter().map(|x| x.to_string()).collect();
    match s {
        Selon::Optam | Selon::Reseau | Selon::Conventionne => textes(&["oui", "non"]),
        Selon::Parcours => textes(&["dans", "hors"]),
        Selon::Sejour => textes(&crate::moteur::situation::Sejour::NOMS),
        Selon::Element(_) => acte.elements.iter().map(|e| e.valeur.clone()).collect(),
        Selon::Age(n) => vec![format!("<{n}"), format!(">={n}")],
        Selon::Dent => textes(&["incisive_canine_premolaire", "molaire"]),
        Selon::Materiau => {
            let mut m: Vec<String> = acte
                .materiaux
                .iter()
                .map(|x| c.materiau_du_bareme(x).to_string())
                .collect();
            m.sort_unstable();
            m.dedup();
            m
        }
        Selon::Debut | Selon::Audio | Selon::Accompagnant => Vec::new(),
    }
}

/// Reads and checks a catalogue file.
pub fn parse_catalogue(texte: &str) -> Result<Catalogue, ErreurCatalogue> {
    let c: Catalogue =
        toml::from_str(texte).map_err(|e| ErreurCatalogue::Syntaxe(e.to_string()))?;
    c.valider()?;
    Ok(c)
}

/// The shipped catalogue (`assets/catalogue.toml`), read once.
///
/// # Panics
/// Never in a released build: the shipped file is checked by the tests.
pub fn catalogue_livre() -> &'static Catalogue {
    static CAT: OnceLock<Catalogue> = OnceLock::new();
    CAT.get_or_init(|| {
        parse_catalogue(include_str!("../../assets/catalogue.toml"))
            .unwrap_or_else(|e| panic!("catalogue livré invalide : {e}"))
    })
}

/// A default base as shown to the adviser: its parameter and value at the
/// date asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct BaseVue {
    pub parametre: String,
    pub libelle: String,
    /// `None` when no value is known at the date (the base must be entered).
    #[ts(type = "string | null")]
    pub valeur: Option<rust_decimal::Decimal>,
    #[ts(type = "string | null")]
    pub depuis: Option<chrono::NaiveDate>,
    pub code_lpp: Option<String>,
    pub age_min: Option<u32>,
    pub age_max: Option<u32>,
    pub cecite: Option<bool>,
}

/// What every view of an act shows (the Estimation screen's search and act
/// editor, `guichet catalogue`): its identity, Annexe lines, search words
/// and the fields to fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FicheActe {
    pub code: String,
    pub libelle: String,
    pub section: String,
    /// Annexe 2 lines ("2.1", "2.2").
    pub lignes: Vec<String>,
    /// Words people use, for the search.
    pub synonymes: Vec<String>,
    /// Reimbursed by the Sécurité sociale.
    pub rembourse: bool,
    /// Fields the act requires besides code, date, quantite, frais_reels.
    pub champs: Vec<Champ>,
    /// Fields the act accepts.
    pub champs_optionnels: Vec<Champ>,
    pub elements: Vec<ElementDeclare>,
    pub materiaux: Vec<String>,
    pub codes_lpp: Vec<String>,
    /// The baskets of the 100 % Santé reform a devis may put the act in.
    pub paniers: Vec<Panier>,
    pub note: Option<String>,
}

impl From<&ActeCatalogue> for FicheActe {
    fn from(a: &ActeCatalogue) -> Self {
        FicheActe {
            code: a.code.clone(),
            libelle: a.libelle.clone(),
            section: a.section.clone(),
            lignes: a.lignes.clone(),
            synonymes: a.synonymes.clone(),
            rembourse: a.rembourse,
            champs: a.champs.clone(),
            champs_optionnels: a.champs_optionnels.clone(),
            elements: a.elements.clone(),
            materiaux: a.materiaux.clone(),
            codes_lpp: a.codes_lpp.clone(),
            paniers: a.paniers.clone(),
            note: a.note.clone(),
        }
    }
}

/// One act as `guichet catalogue` shows it: its [`FicheActe`] with the
/// default bases and AMO rate valued at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EntreeCatalogue {
    #[serde(flatten)]
    pub fiche: FicheActe,
    /// `brss` is required when no default base applies.
    pub brss_requise: bool,
    pub bases_par_defaut: Vec<BaseVue>,
    /// AMO rate parameter and its value at the date, when reimbursed.
    pub taux_amo: Option<String>,
    #[ts(type = "string | null")]
    pub taux_amo_valeur: Option<rust_decimal::Decimal>,
    pub deduction: Deduction,
}

/// The catalogue as shown at a date (default bases and rates valued then).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VueCatalogue {
    #[ts(type = "string")]
    pub date: chrono::NaiveDate,
    pub enveloppes: Vec<EnveloppeDeclaree>,
    pub actes: Vec<EntreeCatalogue>,
}

/// The catalogue with its default bases and rates valued at `date`.
pub fn vue(
    catalogue: &Catalogue,
    amo: &crate::tarifs::amo::ParametresAmo,
    date: chrono::NaiveDate,
) -> VueCatalogue {
    let actes = catalogue
        .actes
        .iter()
        .map(|a| {
            let bases: Vec<BaseVue> = a
                .bases
                .iter()
                .map(|b| {
                    let v = amo.valeur_au(&b.parametre, date).ok();
                    BaseVue {
                        parametre: b.parametre.clone(),
                        libelle: amo
                            .parametre(&b.parametre)
                            .map(|p| p.libelle.clone())
                            .unwrap_or_default(),
                        valeur: v.and_then(|v| v.valeur),
                        depuis: v.map(|v| v.depuis),
                        code_lpp: b.code_lpp.clone(),
                        age_min: b.age_min,
                        age_max: b.age_max,
                        cecite: b.cecite,
                    }
                })
                .collect();
            EntreeCatalogue {
                fiche: FicheActe::from(a),
                brss_requise: (a.rembourse || a.base_sans_remboursement)
                    && !bases.iter().any(|b| b.valeur.is_some()),
                bases_par_defaut: bases,
                taux_amo: a.taux.clone(),
                taux_amo_valeur: a
                    .taux
                    .as_deref()
                    .and_then(|t| amo.valeur_au(t, date).ok())
                    .and_then(|v| v.valeur),
                deduction: a.deduction,
            }
        })
        .collect();
    VueCatalogue {
        date,
        enveloppes: catalogue.enveloppes.clone(),
        actes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn materials_are_read_in_the_words_of_a_devis() {
        for (saisi, lu) in [
            ("Céramo-métallique", "ceramo_metallique"),
            ("ceramo metallique", "ceramo_metallique"),
            ("  CÉRAMO--CÉRAMIQUE ", "ceramo_ceramique"),
            ("ceramo_ceramique", "ceramo_ceramique"),
            ("Métallique", "metallique"),
            ("résine", "resine"),
        ] {
            assert_eq!(materiau_canonique(saisi), lu, "{saisi}");
        }
    }

    #[test]
    fn an_incisor_crown_in_ceramo_metal_or_ceramo_ceramic_is_the_ceramic_row() {
        // Seed 004, 26.3.2.1: « céramo-métallique ou céramo-céramique » on
        // incisors, canines and premolars; 26.3.2.2 (molars) names
        // céramo-métallique alone.
        let a = catalogue_livre().acte("couronne").unwrap();
        let ligne = |l: &str| a.mgen.iter().find(|c| c.ligne == l).unwrap();
        for m in ["ceramo_metallique", "ceramo_ceramique", "ceramique"] {
            assert_eq!(ligne("26.3.2.1").materiau_du_bareme(m), "ceramique");
        }
        assert_eq!(
            ligne("26.3.2.1").materiau_du_bareme("metallique"),
            "metallique"
        );
        assert_eq!(
            ligne("26.3.2.2").materiau_du_bareme("ceramo_metallique"),
            "ceramo_metallique"
        );
    }

    #[test]
    fn shipped_catalogue_parses() {
        let c = catalogue_livre();
        assert!(c.actes.len() >= 80, "{}", c.actes.len());
    }

    #[test]
    fn view_values_bases_at_the_date() {
        let amo = crate::tarifs::amo::parametres_livres();
        let d = chrono::NaiveDate::from_ymd_opt(2024, 12, 22).unwrap();
        let v = vue(catalogue_livre(), amo, d);
        let g = v
            .actes
            .iter()
            .find(|a| a.fiche.code == "consultation_generaliste")
            .unwrap();
        // G = 30 € from 2024-12-22 (domain.md AMO facts table).
        assert_eq!(
            g.bases_par_defaut[0].valeur,
            Some(rust_decimal_macros::dec!(30))
        );
        assert!(!g.brss_requise);
        let k = v
            .actes
            .iter()
            .find(|a| a.fiche.code == "seance_kinesitherapie")
            .unwrap();
        assert!(k.brss_requise);
        let o = v
            .actes
            .iter()
            .find(|a| a.fiche.code == "osteopathie")
            .unwrap();
        assert!(!o.brss_requise && !o.fiche.rembourse);
    }

    #[test]
    fn unknown_selon_and_bad_acts_are_refused() {
        assert!(Selon::try_from("couleur".to_string()).is_err());
        let bad = r#"
[[acte]]
code = "x"
libelle = "x"
section = "x"
lignes = ["1"]
[[acte.mgen]]
ligne = "1"
"#;
        // Reimbursed without a rate parameter.
        assert!(matches!(
            parse_catalogue(bad),
            Err(ErreurCatalogue::Invalide { .. })
        ));
    }
}
