//! The one-page summary of a simulation, as the adviser hands it over: what
//! was asked in plain words, the result (cotisation and its breakdown,
//! eligibility and every refusal reason, computed dates; or the premium, the
//! services an event opens, the envelope), the notice article each figure
//! comes from, and "Simulation non contractuelle". Amounts and dates are the
//! simulators' own, only formatted here.
//!
//! A summary must fit on one page: [`document_simulation`] lays the document
//! out and, when it runs over, drops the explanatory notes, then the
//! details of how each service is given, then the services left closed.
//! When even the shortest form runs over (a caution with several loans and
//! every refusal reason), the complete summary is printed on as many pages
//! as it needs ("page 1/2"): an adviser must never be left without paper.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::EnTete;
use crate::pdf::format::{date, euros};
use crate::pdf::{
    layout, Column, Document, Heading, KeyValues, Metadata, Notice, Paragraph, PdfError, Span,
    Table,
};
use crate::simulateurs::assistance::demande::{AssistanceDemande, Domicile};
use crate::simulateurs::assistance::enveloppe::{self, EnveloppeDemande};
use crate::simulateurs::assistance::evenement::{self, EvenementResultat};
use crate::simulateurs::assistance::prime::{self, PrimeDemande, PrimeResultat};
use crate::simulateurs::assistance::{
    AssistanceSaisie, EnveloppeResultat, EnveloppeSaisie, PrimeSaisie, Service, StatutService,
};
use crate::simulateurs::caution::{
    self, CautionDemande, CautionResultat, CautionSaisie, Localisation, Operation, TypePret,
};
use crate::simulateurs::corem::{
    self, Assiette, CoremDates, CoremDemande, CoremResultat, CoremSaisie, Qualite,
};
use crate::simulateurs::{Baremes, Condition, Note, SimulateurError, Statut};

/// What to print: the tool and what the adviser typed in it. The
/// simulation is computed again from the input, so the paper always says
/// what the simulators say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "outil", content = "saisie", rename_all = "snake_case")]
pub enum SimulationSaisie {
    Caution(CautionSaisie),
    Corem(CoremSaisie),
    AssistancePrime(PrimeSaisie),
    AssistanceEvenement(AssistanceSaisie),
    AssistanceEnveloppe(EnveloppeSaisie),
}

impl SimulationSaisie {
    /// The file name prefix of the printed copy.
    pub fn prefixe(&self) -> &'static str {
        match self {
            SimulationSaisie::Caution(_) => "simulation-caution",
            SimulationSaisie::Corem(_) => "simulation-corem",
            SimulationSaisie::AssistancePrime(_) => "simulation-assistance-prime",
            SimulationSaisie::AssistanceEvenement(_) => "simulation-assistance-evenement",
            SimulationSaisie::AssistanceEnveloppe(_) => "simulation-assistance-enveloppe",
        }
    }
}

/// Why a summary could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ErreurSimulationImprimee {
    /// The input is to be corrected (the message names the field).
    #[error(transparent)]
    Saisie(#[from] SimulateurError),
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// How much is printed; the shortest that fits one page is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Detail {
    /// Everything, notes included.
    Complet,
    /// Without the explanatory notes (the readings to confirm stay).
    SansNotes,
    /// Also without the ways each service is given.
    Court,
    /// Also without the services left closed (counted in one line).
    Minimal,
}

const DETAILS: [Detail; 4] = [
    Detail::Complet,
    Detail::SansNotes,
    Detail::Court,
    Detail::Minimal,
];

/// Computes the simulation described by `saisie` and builds its one-page
/// summary (checked by laying it out).
pub fn document_simulation(
    b: &Baremes,
    saisie: &SimulationSaisie,
    entete: &EnTete,
) -> Result<Document, ErreurSimulationImprimee> {
    let construire: Box<dyn Fn(Detail) -> Document> = match saisie {
        SimulationSaisie::Caution(s) => {
            let d = s.lire()?;
            let r = caution::simuler(&b.caution, &d);
            Box::new(move |n| document_caution(&d, &r, entete, n))
        }
        SimulationSaisie::Corem(s) => {
            let d = s.lire(b.corem.annees_moyenne)?;
            let r = corem::simuler(&b.corem, &d);
            Box::new(move |n| document_corem(&d, &r, entete, n))
        }
        SimulationSaisie::AssistancePrime(s) => {
            let d = s.lire()?;
            let r = prime::calculer(&b.assistance, &d);
            Box::new(move |n| document_prime(&d, &r, entete, n))
        }
        SimulationSaisie::AssistanceEvenement(s) => {
            let d = s.lire()?;
            let r = evenement::evaluer(&b.assistance, &d);
            Box::new(move |n| document_evenement(&d, &r, entete, n))
        }
        SimulationSaisie::AssistanceEnveloppe(s) => {
            let d = s.lire(&b.assistance)?;
            let r = enveloppe::calculer(&b.assistance, &d);
            let src = b.assistance.source.clone();
            Box::new(move |n| document_enveloppe(&d, &r, &src, entete, n))
        }
    };
    for n in DETAILS {
        let doc = construire(n);
        if layout(&doc)?.pages.len() <= 1 {
            return Ok(doc);
        }
    }
    Ok(construire(Detail::Complet))
}

// ------------------------------------------------------------ shared parts

/// The simulators write their sentences with narrow no-break spaces
/// ("1 234,56 €"); on paper they become ordinary spaces, as
/// [`crate::pdf::format`] prints amounts, so the text can be searched.
fn p(s: &str) -> String {
    s.replace(['\u{202f}', '\u{a0}'], " ")
}

fn oui_non(b: bool) -> &'static str {
    if b {
        "oui"
    } else {
        "non"
    }
}

fn pct(taux: Decimal) -> String {
    format!("{} %", taux.normalize().to_string().replace('.', ","))
}

/// The identity of the document and the "non contractuelle" notice, which
/// also names the notice every article cited comes from.
fn entame(titre: &str, entete: &EnTete, source: &str, avertissement: &str, n: Detail) -> Document {
    let mut doc = Document::new(Metadata {
        title: format!("Simulation — {titre}"),
        section: entete.section.clone(),
        printed_on: entete.imprime_le,
        reference: match &entete.numero {
            Some(n) => format!("{n} — simulation non contractuelle"),
            None => "simulation non contractuelle".into(),
        },
        adviser_initials: entete.initiales.clone(),
    });
    doc.push(
        Notice::warning(if n < Detail::Minimal {
            format!(
                "Faite au guichet d'après les informations données et la {} (articles cités). \
                 {avertissement}",
                p(&minuscule(source))
            )
        } else {
            format!("Articles cités : {}. {avertissement}", p(source))
        })
        .titled("Simulation non contractuelle"),
    );
    doc
}

/// The verdict line, then every refusal reason with its article.
fn verdict(doc: &mut Document, eligible: Option<bool>, cs: &[Condition], titre_ok: &str) {
    match eligible {
        Some(true) => {
            doc.push(Paragraph::spans(vec![
                Span::bold(format!("{titre_ok}.")),
                Span::plain(" Toutes les conditions vérifiables ici sont remplies."),
            ]));
        }
        None => {
            doc.push(Paragraph::spans(vec![
                Span::bold("À compléter."),
                Span::plain(
                    " Aucune condition n'échoue, mais certaines n'ont pas pu être vérifiées faute \
                     d'information (« à vérifier » ci-dessous).",
                ),
            ]));
        }
        Some(false) => {
            let motifs: Vec<String> = cs
                .iter()
                .filter(|c| c.statut == Statut::NonRemplie)
                .enumerate()
                .map(|(i, c)| format!("{}. {} ({})", i + 1, p(&c.detail), c.article))
                .collect();
            doc.push(Notice::warning(motifs.join("\n")).titled(format!(
                "Demande non recevable — {} motif{} de refus",
                motifs.len(),
                if motifs.len() > 1 { "s" } else { "" }
            )));
        }
    }
}

/// The other conditions (the failing ones are the reasons above): those
/// that could not be checked, one line each with what is missing, then those
/// met with what was found; in short summaries the conditions met are only
/// named, in the shortest only counted with their articles.
fn conditions(doc: &mut Document, cs: &[Condition], n: Detail) {
    let mut spans = Vec::new();
    let ligne = |spans: &mut Vec<Span>, tete: String, texte: String| {
        if !spans.is_empty() {
            spans.push(Span::plain("\n"));
        }
        spans.push(Span::bold(format!("{tete} · ")));
        spans.push(Span::plain(texte));
    };
    for c in cs.iter().filter(|c| c.statut == Statut::AVerifier) {
        ligne(
            &mut spans,
            "À vérifier".into(),
            format!("{} ({}) : {}", p(&c.libelle), c.article, p(&c.detail)),
        );
    }
    let remplies: Vec<&Condition> = cs.iter().filter(|c| c.statut == Statut::Remplie).collect();
    if n < Detail::Court {
        for c in &remplies {
            ligne(
                &mut spans,
                "Remplie".into(),
                format!("{} ({}) : {}", p(&c.libelle), c.article, p(&c.detail)),
            );
        }
    } else if n == Detail::Court && !remplies.is_empty() {
        let noms: Vec<String> = remplies
            .iter()
            .map(|c| format!("{} ({})", p(&c.libelle), c.article))
            .collect();
        ligne(
            &mut spans,
            "Remplies".into(),
            format!("{}.", noms.join(" ; ")),
        );
    } else if !remplies.is_empty() {
        let mut articles: Vec<&str> = Vec::new();
        for c in &remplies {
            if !articles.contains(&c.article.as_str()) {
                articles.push(&c.article);
            }
        }
        ligne(
            &mut spans,
            "Remplies".into(),
            format!(
                "{} condition{} ({}).",
                remplies.len(),
                if remplies.len() > 1 { "s" } else { "" },
                articles.join(", ")
            ),
        );
    }
    if !spans.is_empty() {
        doc.push(Paragraph::spans(spans).small());
    }
}

/// The warnings; the shortest summary leaves them to the dates they are
/// about, printed below.
fn avertissements(doc: &mut Document, a: &[String], n: Detail) {
    if n == Detail::Minimal {
        return;
    }
    for x in a {
        doc.push(Notice::warning(p(x)));
    }
}

/// The notes: all of them in full detail, then only the readings to confirm.
fn notes(doc: &mut Document, notes: &[Note], n: Detail) {
    let gardees: Vec<&Note> = notes
        .iter()
        .filter(|x| n == Detail::Complet || (x.a_confirmer && n == Detail::SansNotes))
        .collect();
    if gardees.is_empty() {
        return;
    }
    doc.push(Heading::sub("Comment la notice a été lue"));
    let lignes: Vec<String> = gardees
        .iter()
        .map(|x| {
            let marque = if x.a_confirmer {
                " (lecture à confirmer)"
            } else {
                ""
            };
            format!("{}{marque} — {}", p(&x.texte), x.article)
        })
        .collect();
    doc.push(Paragraph::new(lignes.join("\n")).small());
}

/// "Notice d'information …" → "notice d'information …", to follow "la".
fn minuscule(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(premier) => premier.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn age(naissance: NaiveDate, le: NaiveDate) -> u32 {
    crate::simulateurs::dates::age(naissance, le)
}

// ----------------------------------------------------------------- caution

fn type_pret(t: TypePret) -> &'static str {
    match t {
        TypePret::Amortissable => "amortissable",
        TypePret::Relais => "relais",
        TypePret::Travaux => "crédit à la consommation pour travaux",
        TypePret::InFine => "in fine",
    }
}

fn operation(o: Operation) -> &'static str {
    match o {
        Operation::Ancien => "logement ancien sans travaux",
        Operation::AncienTravaux => "logement ancien avec travaux",
        Operation::Neuf => "logement neuf",
        Operation::Terrain => "terrain à bâtir",
    }
}

fn localisation(l: Localisation) -> &'static str {
    match l {
        Localisation::Metropole => "France métropolitaine",
        Localisation::Drom => "département d'outre-mer",
        Localisation::Com => "pays d'outre-mer",
        Localisation::Etranger => "étranger",
    }
}

const NON_RENSEIGNE: &str = "non renseigné";

fn ou_non_renseigne<T>(v: Option<T>, f: impl Fn(T) -> String) -> String {
    v.map(f).unwrap_or_else(|| NON_RENSEIGNE.into())
}

fn age_a(naissance: Option<NaiveDate>, demande: Option<NaiveDate>) -> String {
    match (naissance, demande) {
        (Some(n), Some(d)) => format!("{} ans", age(n, d)),
        (Some(_), None) => "âge inconnu (date de la demande non renseignée)".into(),
        (None, _) => NON_RENSEIGNE.into(),
    }
}

/// The caution summary: the request, the cotisation by tranches (art. 8),
/// the conditions (art. 3 to 6), the dates and ceilings (art. 4, 5, 6-2-4),
/// what the section studies next, the readings.
fn document_caution(
    d: &CautionDemande,
    r: &CautionResultat,
    entete: &EnTete,
    n: Detail,
) -> Document {
    let mut doc = entame(
        "Caution acquisition MGEN",
        entete,
        &r.source,
        "La caution est accordée par MGEN après étude du dossier par la section (art. 6-2).",
        n,
    );
    doc.push(Heading::section("La demande"));
    doc.push(demande_de_caution(d, n));

    doc.push(Heading::section(format!(
        "Cotisation : {} (art. 8)",
        euros(r.cotisation)
    )));
    doc.push(tranches_de_la_cotisation(r));

    doc.push(Heading::section("Conditions d'attribution (art. 3 à 6)"));
    verdict(&mut doc, r.eligible, &r.conditions, "Caution possible");
    avertissements(&mut doc, &r.avertissements, n);
    conditions(&mut doc, &r.conditions, n);

    doc.push(Heading::sub("Dates et plafonds"));
    let mut kv = vec![(
        "Fin de la caution (art. 4)".to_string(),
        fin_de_la_caution(r, n),
    )];
    if let Some(a) = r.apport_exige {
        kv.push(("Apport personnel exigé (art. 6-2-4)".into(), euros(a)));
    }
    kv.push((
        "Plafond restant (art. 5)".into(),
        euros(r.plafond_disponible),
    ));
    doc.push(KeyValues::new(kv));

    a_verifier_par_la_section(&mut doc, r, n);
    notes(&mut doc, &r.notes, n);
    doc
}

/// The loans, the insurance, the people's ages, the operation and the
/// property, as the adviser typed them.
fn demande_de_caution(d: &CautionDemande, n: Detail) -> KeyValues {
    let mut kv: Vec<(String, String)> = d
        .prets
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let duree = x
                .duree_mois
                .map(|m| format!(" sur {m} mois"))
                .unwrap_or_default();
            (
                if d.prets.len() > 1 {
                    format!("Prêt {}", i + 1)
                } else {
                    "Prêt".into()
                },
                format!("{} ({}){duree}", euros(x.montant), type_pret(x.type_pret)),
            )
        })
        .collect();
    if n < Detail::Minimal {
        kv.push((
            "Assurance du prêt".into(),
            if d.autre_assurance {
                "autre que le contrat CNP de MGEN (cotisation doublée)".into()
            } else {
                "contrat CNP souscrit par MGEN".into()
            },
        ));
    }
    let mut demande = format!(
        "le {} ; emprunteur : {}",
        ou_non_renseigne(d.date_demande, date),
        age_a(d.naissance_emprunteur, d.date_demande)
    );
    if d.naissance_co_emprunteur.is_some() {
        demande.push_str(&format!(
            " ; co-emprunteur : {}",
            age_a(d.naissance_co_emprunteur, d.date_demande)
        ));
    }
    kv.push(("Demande".into(), demande));
    kv.push(("Opération".into(), operation_et_apport(d)));
    kv.push(("Bien".into(), bien(d)));
    KeyValues::new(kv)
}

/// "logement neuf, coût total 300 000,00 €, apport 60 000,00 €".
fn operation_et_apport(d: &CautionDemande) -> String {
    let mut op = ou_non_renseigne(d.operation, |o| operation(o).to_string());
    if let Some(c) = d.cout_operation {
        op.push_str(&format!(", coût total {}", euros(c)));
    }
    if let Some(a) = d.apport {
        op.push_str(&format!(", apport {}", euros(a)));
    }
    op
}

/// Where the property is, the share owned, the other MGEN cautions.
fn bien(d: &CautionDemande) -> String {
    let mut bien = ou_non_renseigne(d.localisation, |l| localisation(l).to_string());
    if let Some(q) = d.quote_part {
        bien.push_str(&format!(", détenu à {}", pct(q)));
    }
    bien.push_str(&match d.encours_autres {
        Some(e) => format!(" ; autres cautions MGEN : {} restant dû", euros(e)),
        None => " ; aucune autre caution MGEN déclarée".into(),
    });
    bien
}

/// The tranches of art. 8 with their arithmetic, the doubling for another
/// insurance, the total.
fn tranches_de_la_cotisation(r: &CautionResultat) -> Table {
    let mut t = Table::new(vec![
        Column::text("Tranche du montant emprunté", 34),
        Column::text("Calcul", 48),
        Column::amount("Montant", 18),
    ]);
    for l in &r.detail.lignes {
        t = t.row([p(&l.tranche), p(&l.calcul), euros(l.montant)]);
    }
    if !r.detail.majoration_autre_assurance.is_zero() {
        t = t.row([
            "Assurance autre que CNP".to_string(),
            format!(
                "cotisation de base de {} doublée",
                euros(r.detail.cotisation_base)
            ),
            euros(r.detail.majoration_autre_assurance),
        ]);
    }
    t.total_row([
        "Cotisation".to_string(),
        "payée une fois, à la date d'effet".to_string(),
        euros(r.cotisation),
    ])
}

/// The last day of the guarantee (art. 4) and which limit sets it: the
/// loans' term, a 76th birthday, or the 30 years; the others are recalled.
fn fin_de_la_caution(r: &CautionResultat, n: Detail) -> String {
    let mut fin = ou_non_renseigne(r.date_fin, date);
    let Some(df) = r.date_fin else {
        return fin;
    };
    let mut limites: Vec<(String, NaiveDate)> = Vec::new();
    if let Some(t) = r.terme_prets {
        limites.push(("terme des prêts".into(), t));
    }
    for f in &r.fins_par_age {
        limites.push((
            format!("veille des 76 ans ({})", f.personne),
            f.veille_76e_anniversaire,
        ));
    }
    let (egales, autres): (Vec<_>, Vec<_>) = limites.iter().partition(|(_, x)| *x == df);
    let mut quoi: Vec<String> = egales.iter().map(|(l, _)| l.clone()).collect();
    if quoi.is_empty() {
        quoi.push("30 ans après le départ".into());
    }
    fin.push_str(&format!(", {}", quoi.join(" et ")));
    if !autres.is_empty() && n < Detail::Minimal {
        let autres: Vec<String> = autres
            .iter()
            .map(|(l, x)| format!("{l} : {}", date(*x)))
            .collect();
        fin.push_str(&format!(" ({})", autres.join(" ; ")));
    }
    fin
}

/// What the section studies on the file: in full, or in short summaries
/// what each point is about (up to its first colon); left out of a short
/// summary of a refused request.
fn a_verifier_par_la_section(doc: &mut Document, r: &CautionResultat, n: Detail) {
    if n >= Detail::Court && r.eligible == Some(false) {
        return;
    }
    if n <= Detail::SansNotes {
        doc.push(Heading::sub("À vérifier par la section sur le dossier"));
        let lignes: Vec<String> = r.a_verifier_par_la_section.iter().map(|x| p(x)).collect();
        doc.push(Paragraph::new(lignes.join("\n")).small());
        return;
    }
    let points: Vec<String> = r
        .a_verifier_par_la_section
        .iter()
        .map(|x| p(x.split([':', '(']).next().unwrap_or(x).trim()))
        .collect();
    doc.push(
        Paragraph::spans(vec![
            Span::bold("À vérifier par la section sur le dossier · "),
            Span::plain(format!("{}.", points.join(" ; "))),
        ])
        .small(),
    );
}

// ------------------------------------------------------------------- corem

/// The Corem summary: the request, the cotisation (art. 11), the conditions
/// of adhesion (art. 2), the dates (art. 3 and 4), the readings.
fn document_corem(d: &CoremDemande, r: &CoremResultat, entete: &EnTete, n: Detail) -> Document {
    let mut doc = entame(
        "Option invalidité Corem",
        entete,
        &r.source,
        "L'adhésion se fait sur demande écrite ; seule la notice fait foi.",
        n,
    );
    doc.push(Heading::section("La demande"));
    doc.push(demande_corem(d, r));

    doc.push(Heading::section(format!(
        "Cotisation : {} par an (art. 11)",
        euros(r.cotisation)
    )));
    doc.push(cotisation_corem(r));

    doc.push(Heading::section("Conditions d'adhésion (art. 2)"));
    verdict(
        &mut doc,
        Some(r.eligible),
        &r.conditions,
        "Adhésion possible",
    );
    avertissements(&mut doc, &r.avertissements, n);
    conditions(&mut doc, &r.conditions, n);
    if let Some(dt) = &r.dates {
        doc.push(Heading::sub("Dates"));
        doc.push(dates_corem(dt));
    }
    notes(&mut doc, &r.notes, n);
    doc
}

/// The base of the cotisation, the request's date, age and situation.
fn demande_corem(d: &CoremDemande, r: &CoremResultat) -> KeyValues {
    let base = match &d.assiette {
        Assiette::CotisationAnnuelle(a) => format!("cotisation annuelle au Corem de {}", euros(*a)),
        Assiette::Versements(v) => format!(
            "versements arrêtés ; versements des trois dernières années civiles : {}",
            v.iter().map(|x| euros(*x)).collect::<Vec<_>>().join(", ")
        ),
    };
    let qualite = match d.qualite {
        Qualite::Membre => "membre participant MGEN",
        Qualite::Conjoint => "bénéficiaire conjoint MGEN",
        Qualite::Autre => "ni membre participant ni conjoint bénéficiaire",
    };
    KeyValues::new([
        ("Base de la cotisation".to_string(), base),
        ("Date de la demande".into(), date(d.date_demande)),
        (
            "Âge à la demande".into(),
            format!("{} ans", r.age_a_la_demande),
        ),
        ("Qualité".into(), qualite.to_string()),
        ("En activité".into(), oui_non(d.en_activite).to_string()),
        (
            "En arrêt de travail / en invalidité".into(),
            format!("{} / {}", oui_non(d.en_arret), oui_non(d.en_invalidite)),
        ),
    ])
}

/// The rate and its base, paid at once or in monthly payments (art. 11).
fn cotisation_corem(r: &CoremResultat) -> KeyValues {
    KeyValues::new([
        (
            format!(
                "{} de {}",
                pct(r.taux_pct),
                if r.mode == "moyenne" {
                    "la moyenne des versements"
                } else {
                    "la cotisation Corem"
                }
            ),
            p(&r.calcul),
        ),
        ("Payée en une fois".to_string(), euros(r.cotisation)),
        (
            format!("Ou en {} versements", r.mensualites),
            format!(
                "{} × {} puis {}",
                r.mensualites - 1,
                euros(r.mensualite),
                euros(r.derniere_mensualite)
            ),
        ),
    ])
}

/// The dates of the adhesion (art. 3) and of the end of the right (art. 4).
fn dates_corem(dt: &CoremDates) -> KeyValues {
    KeyValues::new([
        ("Date d'effet (art. 3)".to_string(), date(dt.date_effet)),
        (
            "Fin de la première période (art. 3)".into(),
            date(dt.fin_premiere_periode),
        ),
        (
            "Fin du délai d'attente de 3 ans (art. 3)".into(),
            date(dt.fin_delai_attente),
        ),
        (
            "Invalidité couverte à partir du (art. 3)".into(),
            date(dt.garantie_acquise_le),
        ),
        (
            "Fin de la garantie, 60 ans (art. 4)".into(),
            date(dt.date_fin),
        ),
    ])
}

// ------------------------------------------------------- assistance: prime

/// The premium summary: the request, the months counted, the premium per
/// Assuré and in total (Montant de la prime), the dates.
fn document_prime(d: &PrimeDemande, r: &PrimeResultat, entete: &EnTete, n: Detail) -> Document {
    let mut doc = entame(
        "MGEN Assistance, prime",
        entete,
        &r.source,
        "La prime est appelée avec la cotisation ; seule la notice fait foi.",
        n,
    );
    doc.push(Heading::section("La demande"));
    doc.push(KeyValues::new([
        ("Date d'adhésion".to_string(), date(d.date_adhesion)),
        (
            "Assurés".into(),
            if d.assures > 1 {
                format!("{} (l'adhérent et son conjoint bénéficiaire)", d.assures)
            } else {
                "1 (l'adhérent)".into()
            },
        ),
    ]));
    doc.push(Heading::section(format!(
        "Prime : {} TTC ({} mois comptés)",
        euros(r.total_ttc),
        r.mois_comptes
    )));
    doc.push(Paragraph::new(format!(
        "Mois comptés : {} ({} mois, le mois d'adhésion compte en entier). {}",
        r.periode,
        r.mois_comptes,
        p(&r.calcul)
    )));
    doc.push(montants_de_la_prime(r));
    doc.push(Heading::sub("Dates"));
    doc.push(KeyValues::new([
        ("Début des garanties".to_string(), date(r.date_adhesion)),
        (
            "Fin de la première période".into(),
            date(r.fin_premiere_periode),
        ),
        (
            "Renouvellement (prime entière)".into(),
            date(r.renouvellement),
        ),
    ]));
    doc.push(
        Paragraph::new("Figures : « Montant de la prime » et « Prise d'effet et durée des garanties » de la notice.")
            .small(),
    );
    notes(&mut doc, &r.notes, n);
    doc
}

/// The yearly premium, the prorated one per Assuré, the total: HT, taxes, TTC.
fn montants_de_la_prime(r: &PrimeResultat) -> Table {
    Table::new(vec![
        Column::text("Montant de la prime", 46),
        Column::amount("HT", 18),
        Column::amount("Taxes", 18),
        Column::amount("TTC", 18),
    ])
    .row([
        "Prime annuelle par assuré".to_string(),
        euros(r.prime_annuelle_ht),
        euros(r.prime_annuelle_ttc - r.prime_annuelle_ht),
        euros(r.prime_annuelle_ttc),
    ])
    .row([
        format!("Prorata {}/12 par assuré", r.mois_comptes),
        euros(r.prime_ht),
        euros(r.taxes),
        euros(r.prime_ttc),
    ])
    .total_row([
        format!(
            "Total pour {} assuré{}",
            r.assures,
            if r.assures > 1 { "s" } else { "" }
        ),
        euros(r.total_ht),
        euros(r.total_taxes),
        euros(r.total_ttc),
    ])
}

// ---------------------------------------------------- assistance: événement

fn statut_service(s: StatutService) -> &'static str {
    match s {
        StatutService::Ouvert => "ouvert",
        StatutService::SousCondition => "sous condition",
        StatutService::NonOuvert => "non ouvert",
    }
}

fn domicile(d: Domicile) -> &'static str {
    match d {
        Domicile::Metropole => "France métropolitaine (Monaco, Andorre compris)",
        Domicile::Drom => "département d'outre-mer",
        Domicile::HorsFrance => "hors de France",
    }
}

/// One line per service: title (article) and status in bold, then its
/// limits, the facts it depends on, its own deadline when it is not the
/// 30 days of the event or the call is late, and (in full detail) how it
/// is given and where. The shortest summary keeps only the limits with a
/// figure (hours, days, amounts), or the first one when none has.
fn ligne_service(s: &Service, limite_generale: Option<NaiveDate>, n: Detail) -> Vec<Span> {
    let chiffrees = s
        .limites
        .iter()
        .filter(|x| x.chars().any(|c| c.is_ascii_digit()))
        .count();
    let mut v: Vec<String> = s
        .limites
        .iter()
        .enumerate()
        .filter(|(i, x)| {
            n < Detail::Minimal
                || x.chars().any(|c| c.is_ascii_digit())
                || (chiffrees == 0 && *i == 0)
        })
        .map(|(_, x)| p(x))
        .collect();
    v.extend(s.conditions.iter().map(|x| format!("si {}", p(x))));
    if let Some(dl) = &s.delai {
        if Some(dl.date_limite) != limite_generale {
            v.push(format!("demande au plus tard le {}", date(dl.date_limite)));
        }
        if dl.dans_les_delais == Some(false) {
            let mut t = format!(
                "appel hors délai (le {}e jour)",
                dl.jour_appel.unwrap_or_default()
            );
            if let Some(reste) = &dl.plafond_restant {
                t.push_str(&format!(" : reste {}", p(reste)));
            }
            v.push(t);
        }
    }
    if n <= Detail::SansNotes {
        if let Some(t) = &s.territoire {
            v.push(p(t));
        }
        v.extend(s.modalites.iter().map(|x| p(x)));
    }
    vec![
        Span::bold(format!(
            "{} ({}) · {}",
            s.titre,
            s.article,
            statut_service(s.statut)
        )),
        Span::plain(format!(" : {}", v.join(" ; "))),
    ]
}

/// The event summary: the event and the household, the request to IMA,
/// the exclusions, the services opened (then those left closed), the
/// envelope, what does not add up and where, the readings.
fn document_evenement(
    d: &AssistanceDemande,
    r: &EvenementResultat,
    entete: &EnTete,
    n: Detail,
) -> Document {
    let mut doc = entame(
        "MGEN Assistance, événement",
        entete,
        &r.source,
        "IMA évalue les besoins et fixe les heures accordées ; appelez IMA avant toute dépense.",
        n,
    );
    doc.push(Heading::section("L'événement"));
    doc.push(l_evenement(d, r));
    for e in &r.exclusions {
        doc.push(Notice::warning(format!("{} — {}", p(&e.texte), e.article)).titled("Exclusion"));
    }
    services_de_l_evenement(&mut doc, r, n);
    if let Some(e) = &r.enveloppe {
        doc.push(Heading::sub("Enveloppe de services"));
        let mut texte = format!(
            "{} unités sur {} (annexe {}), à utiliser du {} au {}.",
            e.unites_disponibles,
            e.unites_contrat,
            if e.annexe == "enfant" { "2" } else { "1" },
            date(e.debut),
            date(e.fin)
        );
        if let Some(c) = &e.calcul {
            texte.push(' ');
            texte.push_str(&p(c));
        }
        doc.push(Paragraph::new(texte));
    }
    doc.push(Heading::sub("Non cumulables, territoire"));
    doc.push(non_cumulables_et_territoire(r, n));
    notes(&mut doc, &r.notes, n);
    doc
}

/// The event with its length, the household, and when to call IMA.
fn l_evenement(d: &AssistanceDemande, r: &EvenementResultat) -> KeyValues {
    let mut evt = p(&r.evenement);
    if let Some(du) = &r.duree {
        evt.push_str(&format!(", {}", p(&du.texte)));
    }
    let appel = match (d.date_appel, r.jour_appel) {
        (Some(a), Some(j)) => format!("appel à IMA le {} ({j}e jour)", date(a)),
        (Some(a), None) => format!("appel à IMA le {}", date(a)),
        (None, _) => "IMA pas encore appelée".into(),
    };
    let demande = match (r.date_limite_demande, r.date_reference, &r.reference) {
        (Some(l), Some(dr), Some(quoi)) => format!(
            "au plus tard le {} (30 jours à compter {quoi}, le {}, jour 1) ; {appel}",
            date(l),
            date(dr)
        ),
        _ => appel,
    };
    KeyValues::new([
        ("Événement".to_string(), evt),
        ("Foyer".into(), foyer(d)),
        ("Demande à IMA".into(), demande),
    ])
}

/// "avec conjoint ; enfants de 3 ans, 12 ans (handicapé) ; domicile : …".
fn foyer(d: &AssistanceDemande) -> String {
    let enfants: Vec<String> = d
        .enfants
        .iter()
        .map(|e| {
            format!(
                "{} an{}{}",
                e.age,
                if e.age > 1 { "s" } else { "" },
                if e.handicape { " (handicapé)" } else { "" }
            )
        })
        .collect();
    format!(
        "{} ; {} ; domicile : {}",
        if d.conjoint {
            "avec conjoint"
        } else {
            "sans conjoint"
        },
        if enfants.is_empty() {
            "sans enfant".to_string()
        } else {
            format!("enfants de {}", enfants.join(", "))
        },
        domicile(d.domicile)
    )
}

/// The services opened first, one line each; then those left closed, with
/// why (or only named, in the shortest summary).
fn services_de_l_evenement(doc: &mut Document, r: &EvenementResultat, n: Detail) {
    let (ouverts, fermes): (Vec<&Service>, Vec<&Service>) = r
        .services
        .iter()
        .partition(|s| s.statut != StatutService::NonOuvert);
    doc.push(Heading::section(format!(
        "Services ouverts : {} sur {}",
        ouverts.len(),
        r.services.len()
    )));
    let mut spans = Vec::new();
    let a_la_ligne = |spans: &mut Vec<Span>| {
        if !spans.is_empty() {
            spans.push(Span::plain("\n"));
        }
    };
    for s in &ouverts {
        a_la_ligne(&mut spans);
        spans.extend(ligne_service(s, r.date_limite_demande, n));
    }
    if n < Detail::Minimal {
        for s in &fermes {
            a_la_ligne(&mut spans);
            spans.push(Span::bold(format!(
                "{} ({}) · non ouvert",
                s.titre, s.article
            )));
            spans.push(Span::plain(format!(
                " : {}",
                p(s.motif.as_deref().unwrap_or(""))
            )));
        }
    } else if !fermes.is_empty() {
        a_la_ligne(&mut spans);
        let titres: Vec<String> = fermes
            .iter()
            .map(|s| format!("{} ({})", s.titre, s.article))
            .collect();
        spans.push(Span::bold("Non ouverts · "));
        spans.push(Span::plain(format!("{}.", titres.join(" ; "))));
    }
    doc.push(Paragraph::spans(spans).small());
}

/// What cannot be combined, where the guarantees apply, and (but in the
/// shortest summary) the services open whatever the event.
fn non_cumulables_et_territoire(r: &EvenementResultat, n: Detail) -> Paragraph {
    let infos: Vec<String> = r
        .toujours_disponibles
        .iter()
        .map(|s| format!("{} ({})", s.titre, s.article))
        .collect();
    let mut lignes: Vec<String> = r.non_cumulables.iter().map(|x| p(x)).collect();
    lignes.extend(r.territoire.iter().map(|x| p(x)));
    if !infos.is_empty() && n < Detail::Minimal {
        lignes.push(format!(
            "Toujours disponibles, quel que soit l'événement : {}.",
            infos.join(", ")
        ));
    }
    Paragraph::new(lignes.join("\n")).small()
}

// ---------------------------------------------------- assistance: enveloppe

/// The envelope summary: units available, used and left, a table of the
/// annex with the quantities planned, the readings.
fn document_enveloppe(
    d: &EnveloppeDemande,
    r: &EnveloppeResultat,
    src: &str,
    entete: &EnTete,
    n: Detail,
) -> Document {
    let mut doc = entame(
        "MGEN Assistance, enveloppe",
        entete,
        src,
        "IMA accorde les prestations selon les besoins ; une fois commencées, elles ne sont plus \
         modifiables.",
        n,
    );
    let (_, article) = enveloppe::titre_et_article(d.annexe);
    doc.push(Heading::section(p(&r.titre)));
    doc.push(KeyValues::new([
        (
            "Unités disponibles".to_string(),
            format!(
                "{} sur les {} du contrat, sur {} mois ({article})",
                r.unites_disponibles, r.unites_contrat, r.duree_mois
            ),
        ),
        ("Unités utilisées".into(), format!("{}", r.unites_utilisees)),
        ("Unités restantes".into(), format!("{}", r.unites_restantes)),
    ]));
    if r.depassement > 0 {
        doc.push(Notice::warning(format!(
            "Le programme demande {} unités de plus que les {} disponibles : il faut le réduire.",
            r.depassement, r.unites_disponibles
        )));
    }
    doc.push(lignes_de_l_annexe(r));
    doc.push(
        Paragraph::new(
            "« Encore possible » : combien de fois encore chaque prestation tient dans les unités \
             restantes, si elle était la seule utilisée.",
        )
        .small(),
    );
    notes(&mut doc, &r.notes, n);
    doc
}

/// Every row of the annex with its value, the quantity planned, the units
/// it takes and how many more fit; the total used and left.
fn lignes_de_l_annexe(r: &EnveloppeResultat) -> Table {
    let mut t = Table::new(vec![
        Column::text("Prestation", 32),
        Column::text("Unité de mesure", 26),
        Column::amount("Valeur", 9),
        Column::amount("Quantité", 11),
        Column::amount("Unités", 10),
        Column::amount("Encore possible", 12),
    ]);
    for l in &r.lignes {
        t = t.row([
            p(&l.libelle),
            p(&l.unite),
            l.valeur_unitaire.to_string(),
            l.quantite.to_string(),
            l.unites.to_string(),
            l.encore_possible.to_string(),
        ]);
    }
    t.total_row([
        "Total".to_string(),
        String::new(),
        String::new(),
        String::new(),
        r.unites_utilisees.to_string(),
        format!("reste {}", r.unites_restantes),
    ])
}
