//! The estimate as the member takes it home: the situation in plain words
//! (the age, never the date of birth), per act AMO / MGEN / reste à charge
//! for the member's offer (each line with the codes its devis prints),
//! then, for a devis with its 100 % Santé option,
//! the option's acts and the two options side by side (`devis.rs`), the
//! four offers side by side with one stacked bar each, the warnings, the
//! barème and parameters used, and an annex that explains every amount
//! (the option's acts too). Amounts are the engine's, only formatted here.

use super::devis::{codes_de_la_ligne, deux_options, OFFRE_100_SANTE};
use super::EnTete;
use crate::moteur::situation::Acte;
use crate::moteur::{age_au, Resultat, ResultatOffre, Situation, Statut, Totaux};
use crate::pdf::format::{date, euros};
use crate::pdf::{
    Bar, Colour, Column, Document, Heading, KeyValues, Metadata, Notice, Paragraph, Series, Span,
    StackedBarChart, Table,
};
use crate::tarifs::Offre;

/// Marks an amount that depends on an ambiguous cell of the table.
const MARQUE_A_CONFIRMER: &str = " (à confirmer)";

fn statut_texte(s: Statut) -> &'static str {
    match s {
        Statut::Fonctionnaire => "fonctionnaire",
        Statut::NonFonctionnaire => "non fonctionnaire",
        Statut::Retraite => "retraité",
        Statut::Etudiant => "étudiant",
        Statut::AyantDroit => "ayant droit",
    }
}

fn oui_non(b: bool) -> &'static str {
    if b {
        "oui"
    } else {
        "non"
    }
}

/// Builds the estimate document. `situation.offre` is the member's offer
/// (highlighted); `resultat` should hold the four offers (estimate a copy of
/// the situation without `offre`) so that the comparison can be printed.
pub fn document_estimation(
    situation: &Situation,
    resultat: &Resultat,
    entete: &EnTete,
) -> Document {
    let mut doc = Document::new(Metadata {
        title: "Estimation de remboursement".into(),
        section: entete.section.clone(),
        printed_on: entete.imprime_le,
        reference: entete
            .numero
            .clone()
            .unwrap_or_else(|| "estimation non enregistrée".into()),
        adviser_initials: entete.initiales.clone(),
    });
    doc.push(
        Notice::warning(
            "Estimation non contractuelle. Elle dépend des montants indiqués au conseiller (frais \
             réels, bases de remboursement), du barème MGEN utilisé et des règles de la Sécurité \
             sociale en vigueur à la date des soins ; le remboursement réel est calculé sur les \
             factures.",
        )
        .titled("À savoir"),
    );

    situation_en_clair(&mut doc, situation, resultat);

    let offre_adherent = situation.offre;
    let detaillees = a_detailler(&resultat.offres, offre_adherent);
    for r in &detaillees {
        detail_par_soin(
            &mut doc,
            "Détail par soin",
            r,
            &situation.actes,
            offre_adherent == Some(r.offre),
        );
    }
    let alternative = a_detailler(
        resultat
            .alternative_100_sante
            .as_deref()
            .unwrap_or_default(),
        offre_adherent,
    );
    for r in &alternative {
        detail_par_soin(
            &mut doc,
            OFFRE_100_SANTE,
            r,
            situation
                .alternative_100_sante
                .as_deref()
                .unwrap_or_default(),
            offre_adherent == Some(r.offre),
        );
    }
    deux_options(&mut doc, resultat, offre_adherent);
    if resultat.offres.len() > 1 {
        comparaison(&mut doc, resultat, offre_adherent);
    }
    avertissements(&mut doc, resultat);
    references(&mut doc, resultat);
    annexe(&mut doc, &detaillees, &alternative);
    doc
}

/// The offers detailed per act: the member's, or all of them when comparing.
fn a_detailler(offres: &[ResultatOffre], offre_adherent: Option<Offre>) -> Vec<&ResultatOffre> {
    match offre_adherent {
        Some(o) if offres.iter().any(|r| r.offre == o) => {
            offres.iter().filter(|r| r.offre == o).collect()
        }
        _ => offres.iter().collect(),
    }
}

/// "quatre", "cinq"…: how many offers are compared, as the page says it.
pub(super) fn nombre_en_lettres(n: usize) -> String {
    const NOMS: [&str; 9] = [
        "zéro", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit",
    ];
    NOMS.get(n).map_or_else(|| n.to_string(), |s| s.to_string())
}

fn situation_en_clair(doc: &mut Document, situation: &Situation, resultat: &Resultat) {
    let a = &situation.assure;
    let mut lignes: Vec<(String, String)> = vec![
        ("Date des soins".into(), date(situation.date)),
        (
            "Âge à la date des soins".into(),
            format!("{} ans", age_au(a.date_naissance, situation.date)),
        ),
    ];
    if let Some(s) = a.statut {
        lignes.push(("Statut".into(), statut_texte(s).into()));
    }
    lignes.push((
        "Offre MGEN".into(),
        match situation.offre {
            Some(o) => resultat
                .offres
                .iter()
                .find(|r| r.offre == o)
                .map_or_else(|| o.code().to_string(), |r| r.libelle.clone()),
            None => format!(
                "comparaison des {} offres",
                nombre_en_lettres(resultat.offres.len())
            ),
        },
    ));
    lignes.push((
        "Médecin traitant déclaré (parcours de soins)".into(),
        oui_non(a.parcours_soins).into(),
    ));
    if a.css {
        lignes.push(("Complémentaire santé solidaire".into(), "oui".into()));
    }
    if a.handicap {
        lignes.push(("Situation de handicap".into(), "oui".into()));
    }
    if let Some(m) = &resultat.maternite {
        lignes.push((
            "Grossesse : prise en charge à 100 %".into(),
            format!("du {} au {}", date(m.debut), date(m.fin)),
        ));
    }
    lignes.push((
        "Nombre de soins estimés".into(),
        situation.actes.len().to_string(),
    ));
    if let Some(alternative) = &situation.alternative_100_sante {
        lignes.push((
            "Nombre de soins de l'offre 100 % Santé du devis".to_string(),
            alternative.len().to_string(),
        ));
    }
    doc.push(Heading::section("Votre situation"));
    doc.push(KeyValues::new(lignes));
}

fn libelle_acte(a: &crate::moteur::ResultatActe) -> String {
    let mut s = a.libelle.to_string();
    if a.quantite > 1 {
        s.push_str(&format!(" (× {})", a.quantite));
    }
    s
}

/// The act's label with the codes its devis line prints (the input act of
/// the same index, when there is one).
fn libelle_et_codes(a: &crate::moteur::ResultatActe, actes: &[Acte]) -> String {
    let s = libelle_acte(a);
    match actes.get(a.index as usize).and_then(codes_de_la_ligne) {
        Some(codes) => format!("{s} — {codes}"),
        None => s,
    }
}

fn montant(m: rust_decimal::Decimal, a_confirmer: bool) -> String {
    if a_confirmer {
        format!("{}{MARQUE_A_CONFIRMER}", euros(m))
    } else {
        euros(m)
    }
}

/// One offer's acts in a table, under `quoi` ("Détail par soin", or the
/// devis's 100 % Santé option); `actes` are the input acts of that list
/// (for the codes of each devis line).
fn detail_par_soin(
    doc: &mut Document,
    quoi: &str,
    r: &ResultatOffre,
    actes: &[Acte],
    offre_adherent: bool,
) {
    let titre = if offre_adherent {
        format!("{quoi} — {} (votre offre)", r.libelle)
    } else {
        format!("{quoi} — {}", r.libelle)
    };
    doc.push(Heading::section(titre));
    let mut t = Table::new(vec![
        Column::text("Soin", 32),
        Column::text("Date", 14),
        Column::amount("Frais réels", 14),
        Column::amount("Sécurité sociale", 14),
        Column::amount("MGEN", 14),
        Column::amount("Reste à charge", 14),
    ]);
    for a in &r.actes {
        t = t.row([
            libelle_et_codes(a, actes),
            date(a.date),
            euros(a.frais_reels),
            euros(a.amo.net),
            montant(a.mgen, a.lecture_a_confirmer),
            euros(a.reste_a_charge),
        ]);
    }
    let tot = &r.totaux;
    t = t.total_row([
        "Total".to_string(),
        String::new(),
        euros(tot.frais_reels),
        euros(tot.amo.net),
        euros(tot.mgen),
        euros(tot.reste_a_charge),
    ]);
    doc.push(t);
}

fn comparaison(doc: &mut Document, resultat: &Resultat, offre_adherent: Option<Offre>) {
    let combien = nombre_en_lettres(resultat.offres.len());
    doc.push(Heading::section(format!(
        "Les {combien} offres MGEN côte à côte"
    )));
    let mut colonnes = vec![Column::text("Pour l'ensemble des soins", 24)];
    for r in &resultat.offres {
        colonnes.push(Column::amount(r.libelle.clone(), 19));
    }
    let mut t = Table::new(colonnes);
    let ligne = |nom: &str, f: &dyn Fn(&ResultatOffre) -> String| {
        let mut v = vec![nom.to_string()];
        v.extend(resultat.offres.iter().map(f));
        v
    };
    t = t.row(ligne("Frais réels", &|r| euros(r.totaux.frais_reels)));
    t = t.row(ligne("Sécurité sociale", &|r| euros(r.totaux.amo.net)));
    t = t.row(ligne("MGEN", &|r| {
        montant(r.totaux.mgen, r.lecture_a_confirmer)
    }));
    t = t.total_row(ligne("Reste à charge", &|r| {
        euros(r.totaux.reste_a_charge)
    }));
    if let Some(i) = offre_adherent.and_then(|o| resultat.offres.iter().position(|r| r.offre == o))
    {
        t = t.highlight(i + 1);
    }
    doc.push(t);
    doc.push(barres_des_frais(
        resultat
            .offres
            .iter()
            .map(|r| (r.libelle.as_str(), &r.totaux)),
    ));
    doc.push(
        Paragraph::new(format!(
            "Chaque barre fait la somme des frais réels : part de la Sécurité sociale, part MGEN \
             et ce qui reste à votre charge, à la même échelle pour les {combien} offres."
        ))
        .small(),
    );
}

/// One bar per offer: the frais réels split into the Sécurité sociale's
/// part, MGEN's and the reste à charge (the household print draws the same).
pub(super) fn barres_des_frais<'a>(
    offres: impl Iterator<Item = (&'a str, &'a Totaux)>,
) -> StackedBarChart {
    StackedBarChart {
        series: vec![
            Series {
                label: "Sécurité sociale".into(),
                colour: Colour::SKY,
            },
            Series {
                label: "MGEN".into(),
                colour: Colour::BLUE,
            },
            Series {
                label: "Reste à charge".into(),
                colour: Colour::AMBER,
            },
        ],
        bars: offres
            .map(|(libelle, t)| {
                Bar::euros(libelle.to_string(), &[t.amo.net, t.mgen, t.reste_a_charge])
            })
            .collect(),
    }
}

fn avertissements(doc: &mut Document, resultat: &Resultat) {
    let mut messages: Vec<String> = resultat
        .avertissements
        .iter()
        .map(|a| a.message.clone())
        .collect();
    let alternative = resultat
        .alternative_100_sante
        .as_deref()
        .unwrap_or_default();
    for r in resultat.offres.iter().chain(alternative) {
        for a in &r.actes {
            for w in a.avertissements.iter() {
                if !messages.iter().any(|m| w.message == m.as_str()) {
                    messages.push(w.message.to_string());
                }
            }
        }
    }
    let a_confirmer = resultat.offres.iter().any(|r| r.lecture_a_confirmer);
    if messages.is_empty() && !a_confirmer {
        return;
    }
    doc.push(Heading::section("Points d'attention"));
    if a_confirmer {
        doc.push(Notice::warning(
            "Les montants suivis de « (à confirmer) » reposent sur une case du tableau des \
             prestations dont la lecture est à confirmer : l'annexe dit comment elle a été lue.",
        ));
    }
    for m in messages {
        doc.push(Paragraph::spans(vec![Span::plain("• "), Span::plain(m)]));
    }
}

/// The barèmes and AMO values an estimate used, and how it rounds (the
/// household print ends the same way).
pub(super) fn references(doc: &mut Document, resultat: &Resultat) {
    doc.push(Heading::section("Barèmes et paramètres utilisés"));
    let mut lignes: Vec<(String, String)> = resultat
        .baremes
        .iter()
        .map(|b| {
            (
                "Barème MGEN".to_string(),
                format!(
                    "{}, en vigueur le {} ({})",
                    b.nom,
                    date(b.en_vigueur_le),
                    b.source
                ),
            )
        })
        .collect();
    lignes.push((
        "Sécurité sociale".into(),
        format!(
            "bases, taux, participations et franchises en vigueur à la date de chaque soin \
             (valeurs vérifiées jusqu'au {})",
            date(resultat.amo_verifie_jusqu_au)
        ),
    ));
    lignes.push(("Arrondi".into(), resultat.arrondi.clone()));
    doc.push(KeyValues::new(lignes));
}

/// The explanations of the offers detailed per act (the member's offer, or
/// all four when comparing), then those of the devis's 100 % Santé option:
/// the other offers' totals are sums of amounts computed by the same rules,
/// and their explanations would triple the annex.
fn annexe(doc: &mut Document, detaillees: &[&ResultatOffre], alternative: &[&ResultatOffre]) {
    doc.push(crate::pdf::Block::PageBreak);
    doc.push(Heading::section(
        "Annexe — comment chaque montant est calculé",
    ));
    let listes = [
        ("", detaillees),
        (" (offre 100 % Santé du devis)", alternative),
    ];
    for (quoi, offres) in listes {
        for r in offres.iter() {
            explications(doc, r, quoi);
        }
    }
}

/// The explanation lines of every act of one offer.
fn explications(doc: &mut Document, r: &ResultatOffre, quoi: &str) {
    for (i, a) in r.actes.iter().enumerate() {
        doc.push(Heading::sub(format!(
            "{} — soin {}{quoi} : {}",
            r.libelle,
            i + 1,
            libelle_acte(a)
        )));
        for e in a.explications.iter() {
            let mut origine = e.reference.to_string();
            if let Some(d) = e.date_effet {
                origine.push_str(&format!(", en vigueur le {}", date(d)));
            }
            let source = e.source.to_string();
            if !source.is_empty() {
                origine.push_str(&format!(" — {source}"));
            }
            doc.push(
                Paragraph::spans(vec![
                    Span::plain(format!("{} ", e.formule)),
                    Span::plain(format!("[{origine}]")),
                ])
                .small(),
            );
        }
    }
}
