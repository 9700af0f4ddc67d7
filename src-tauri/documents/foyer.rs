//! The household's estimate as printed: who is in the household (ages,
//! never dates of birth), each person's care with the Sécurité sociale part
//! and the reste à charge under each offer, the household's four offers
//! side by side with one stacked bar each, the cost of each offer over the
//! year (cotisations + reste à charge, the cheapest marked, the
//! differences, what would change the answer; the section's grid the
//! cotisations came from, when the document names one), the warnings, the barème,
//! the explanation of every amount, and the maternité checklist of any
//! pregnant member. Amounts are the engine's, only formatted here.

use super::devis::{deux_options_titrees, OFFRE_100_SANTE};
use super::estimation::{barres_des_frais, references};
use super::{fiche_pour, joindre_fiche, EnTete};
use crate::fiches::FicheError;
use crate::moteur::foyer::cout::{CoutAnnuel, CoutOffre};
use crate::moteur::foyer::{GrilleAppliquee, ResultatFoyer, SituationFoyer, TotalFoyer};
use crate::moteur::{age_au, Resultat, ResultatOffre};
use crate::pdf::format::{date, euros};
use crate::pdf::{
    Block, Column, Document, Heading, KeyValues, Metadata, Notice, Paragraph, Span, Table,
};
use crate::tarifs::Offre;

/// The household's estimate, then the maternité checklist of each pregnant
/// member when `avec_fiche` is true. `resultat` should hold the four offers.
pub fn foyer_imprime(
    situation: &SituationFoyer,
    resultat: &ResultatFoyer,
    entete: &EnTete,
    avec_fiche: bool,
) -> Result<Document, FicheError> {
    let mut doc = document_foyer(situation, resultat, entete);
    if avec_fiche {
        for membre in situation.membres() {
            if let Some(fiche) = fiche_pour(&membre)? {
                joindre_fiche(&mut doc, &fiche);
            }
        }
    }
    Ok(doc)
}

/// The household's estimate (module doc).
pub fn document_foyer(
    situation: &SituationFoyer,
    resultat: &ResultatFoyer,
    entete: &EnTete,
) -> Document {
    let mut doc = Document::new(Metadata {
        title: "Estimation pour le foyer".into(),
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
             réels, bases de remboursement, cotisations), du barème MGEN utilisé et des règles de \
             la Sécurité sociale en vigueur à la date des soins ; le remboursement réel est \
             calculé sur les factures.",
        )
        .titled("À savoir"),
    );
    le_foyer(&mut doc, situation, resultat);
    for p in &resultat.personnes {
        par_personne(
            &mut doc,
            &format!("{} — détail par soin", p.nom),
            &p.resultat.offres,
        );
        option_100_sante(&mut doc, &p.nom, &p.resultat, situation.offre);
    }
    comparaison(&mut doc, &resultat.foyer);
    cout_annuel(
        &mut doc,
        &resultat.cout,
        situation.grille_cotisations.as_ref(),
    );
    avertissements(&mut doc, resultat);
    if let Some(premier) = resultat.personnes.first() {
        references(&mut doc, &premier.resultat);
    }
    annexe(&mut doc, resultat);
    doc
}

fn le_foyer(doc: &mut Document, situation: &SituationFoyer, resultat: &ResultatFoyer) {
    let mut lignes = vec![("Date des soins".to_string(), date(situation.date))];
    for (k, p) in situation.foyer.iter().enumerate() {
        let nom = &resultat.personnes[k].nom;
        lignes.push((
            match &p.nom {
                Some(_) => format!("{nom} ({})", p.relation.libelle()),
                None => nom.clone(),
            },
            format!(
                "{} ans, {} soin(s)",
                age_au(p.assure.date_naissance, situation.date),
                p.actes.len()
            ),
        ));
    }
    doc.push(Heading::section("Le foyer"));
    doc.push(KeyValues::new(lignes));
}

/// A person's devis with its 100 % Santé option (nothing without one):
/// what is left to pay with either option per offer and the sentence
/// ([`deux_options_titrees`]), then the option's acts in the same table as
/// the chosen ones.
fn option_100_sante(doc: &mut Document, nom: &str, r: &Resultat, offre: Option<Offre>) {
    let Some(alternative) = &r.alternative_100_sante else {
        return;
    };
    deux_options_titrees(
        doc,
        r,
        offre,
        &format!("{nom} — le devis : les deux options"),
    );
    par_personne(doc, &format!("{nom} — {OFFRE_100_SANTE}"), alternative);
}

/// One person's care (or their devis's option): per act, the frais réels,
/// the Sécurité sociale and the reste à charge under each offer.
fn par_personne(doc: &mut Document, titre: &str, offres: &[ResultatOffre]) {
    doc.push(Heading::section(titre.to_string()));
    let mut colonnes = vec![
        Column::text("Soin (date)", 26),
        Column::amount("Frais réels", 12),
        Column::amount("Sécurité sociale", 12),
    ];
    for o in offres {
        colonnes.push(Column::amount(
            o.libelle.trim_start_matches("MGEN ").to_string(),
            13,
        ));
    }
    let mut t = Table::new(colonnes);
    let Some(premiere) = offres.first() else {
        return;
    };
    for (i, a) in premiere.actes.iter().enumerate() {
        let mut ligne = vec![
            format!(
                "{} ({})",
                libelle_acte(&a.libelle, a.quantite),
                date(a.date)
            ),
            euros(a.frais_reels),
            euros(a.amo.net),
        ];
        ligne.extend(offres.iter().map(|o| euros(o.actes[i].reste_a_charge)));
        t = t.row(ligne);
    }
    let mut total = vec![
        "Total".to_string(),
        euros(premiere.totaux.frais_reels),
        euros(premiere.totaux.amo.net),
    ];
    total.extend(offres.iter().map(|o| euros(o.totaux.reste_a_charge)));
    doc.push(t.total_row(total));
    doc.push(
        Paragraph::new("Les dernières colonnes : le reste à charge sous chaque offre MGEN.")
            .small(),
    );
}

fn libelle_acte(libelle: &str, quantite: u32) -> String {
    if quantite > 1 {
        format!("{libelle} (× {quantite})")
    } else {
        libelle.to_string()
    }
}

fn comparaison(doc: &mut Document, foyer: &[TotalFoyer]) {
    doc.push(Heading::section("Le foyer : les offres MGEN côte à côte"));
    let mut colonnes = vec![Column::text("Pour tout le foyer", 24)];
    for t in foyer {
        colonnes.push(Column::amount(t.libelle.clone(), 19));
    }
    let ligne = |nom: &str, f: &dyn Fn(&TotalFoyer) -> String| {
        let mut v = vec![nom.to_string()];
        v.extend(foyer.iter().map(f));
        v
    };
    let t = Table::new(colonnes)
        .row(ligne("Frais réels", &|t| euros(t.totaux.frais_reels)))
        .row(ligne("Sécurité sociale", &|t| euros(t.totaux.amo.net)))
        .row(ligne("MGEN", &|t| {
            if t.lecture_a_confirmer {
                format!("{} (à confirmer)", euros(t.totaux.mgen))
            } else {
                euros(t.totaux.mgen)
            }
        }))
        .total_row(ligne("Reste à charge", &|t| {
            euros(t.totaux.reste_a_charge)
        }));
    doc.push(t);
    doc.push(barres_des_frais(
        foyer.iter().map(|t| (t.libelle.as_str(), &t.totaux)),
    ));
}

/// Cotisations + reste à charge per offer, the cheapest highlighted, and
/// the sentences that say it with their figures.
/// `grille`: the section's grid the cotisations were filled from, unchanged.
fn cout_annuel(doc: &mut Document, cout: &CoutAnnuel, grille: Option<&GrilleAppliquee>) {
    doc.push(Heading::section("Ce que coûte chaque offre sur l'année"));
    if let Some(g) = grille {
        doc.push(Paragraph::new(format!(
            "Cotisations : grille « {} » en vigueur au {}",
            g.libelle,
            date(g.date_effet)
        )));
    }
    let mut colonnes = vec![Column::text("Pour tout le foyer", 24)];
    for o in &cout.offres {
        colonnes.push(Column::amount(o.libelle.clone(), 19));
    }
    let ou = |m: Option<rust_decimal::Decimal>| m.map_or_else(|| "non renseignées".into(), euros);
    let mut t = Table::new(colonnes);
    let ligne = |nom: &str, f: &dyn Fn(&CoutOffre) -> String| {
        let mut v = vec![nom.to_string()];
        v.extend(cout.offres.iter().map(f));
        v
    };
    let cotisations = ligne("Cotisations de l'année", &|o| ou(o.cotisation));
    let reste = ligne("Reste à charge des soins", &|o| euros(o.reste_a_charge));
    let net = ligne("Coût net de l'année", &|o| {
        o.cout_net.map_or_else(|| "—".into(), euros)
    });
    let ecart = ligne("Écart avec la moins chère", &|o| {
        o.ecart
            .map_or_else(|| "—".into(), |e| format!("+ {}", euros(e)))
    });
    t = t.row(cotisations).row(reste).total_row(net).row(ecart);
    if let Some(i) = cout.offres.iter().position(|o| o.moins_chere) {
        t = t.highlight(i + 1);
    }
    doc.push(t);
    doc.push(Paragraph::new(cout.conclusion.clone()));
    if let Some(b) = &cout.bascule {
        doc.push(Paragraph::new(b.message.clone()));
    }
}

fn avertissements(doc: &mut Document, resultat: &ResultatFoyer) {
    let mut messages: Vec<String> = Vec::new();
    for p in &resultat.personnes {
        let r = &p.resultat;
        let actes = r.offres.iter().flat_map(|o| o.actes.iter());
        let textes = r
            .avertissements
            .iter()
            .map(|a| a.message.clone())
            .chain(actes.flat_map(|a| a.avertissements.iter().map(|w| w.message.to_string())));
        for m in textes {
            let m = format!("{} : {m}", p.nom);
            if !messages.contains(&m) {
                messages.push(m);
            }
        }
    }
    let a_confirmer = resultat.foyer.iter().any(|t| t.lecture_a_confirmer);
    if messages.is_empty() && !a_confirmer {
        return;
    }
    doc.push(Heading::section("Points d'attention"));
    if a_confirmer {
        doc.push(Notice::warning(
            "Les montants suivis de « (à confirmer) » reposent sur une lecture du tableau des \
             prestations à confirmer (une case ambiguë, ou un forfait dont l'Annexe ne dit pas \
             s'il est par bénéficiaire ou pour le foyer) : l'annexe dit comment il a été lu.",
        ));
    }
    for m in messages {
        doc.push(Paragraph::spans(vec![Span::plain("• "), Span::plain(m)]));
    }
}

/// Every amount of every person's acts under every offer, explained.
fn annexe(doc: &mut Document, resultat: &ResultatFoyer) {
    doc.push(Block::PageBreak);
    doc.push(Heading::section(
        "Annexe — comment chaque montant est calculé",
    ));
    for p in &resultat.personnes {
        for o in &p.resultat.offres {
            for (i, a) in o.actes.iter().enumerate() {
                doc.push(Heading::sub(format!(
                    "{} — {} — soin {} : {}",
                    p.nom,
                    o.libelle,
                    i + 1,
                    libelle_acte(&a.libelle, a.quantite)
                )));
                for e in a.explications.iter() {
                    let mut origine = e.reference.to_string();
                    if let Some(d) = e.date_effet {
                        origine.push_str(&format!(", en vigueur le {}", date(d)));
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
    }
}
