//! Shared by the PDF tests and the benchmark: a realistic sample estimate
//! (three acts, the four MGEN offers, a stacked bar per offer, an annex) and
//! helpers that run poppler's command-line tools on rendered bytes.
//!
//! The amounts are the worked examples of ../shared/docs/domain.md with the
//! 2018 values (Annexe 2 lines 1 and 2.1 of seed 004 for the MGEN parts),
//! worked by hand in the comments below.
#![allow(dead_code)]

#[path = "../poppler/mod.rs"]
mod poppler_outils;
// Each test crate uses its part of this shared module.
#[allow(unused_imports)]
pub use poppler_outils::{poppler, text_layout};

use chrono::NaiveDate;
use guichet::pdf::format::{date, euros};
use guichet::pdf::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date valide")
}

pub fn meta(title: &str) -> Metadata {
    Metadata {
        title: title.to_string(),
        section: "Section MGEN du Rhône".to_string(),
        printed_on: day(2018, 3, 12),
        reference: "E-2018-000042".to_string(),
        adviser_initials: Some("CL".to_string()),
    }
}

/// One act of the sample: label, frais réels, AMO, then MGEN for Initiale,
/// Equilibre, Référence, Intégrale.
struct Act {
    label: &'static str,
    frais: Decimal,
    amo: Decimal,
    mgen: [Decimal; 4],
}

pub const OFFERS: [&str; 4] = [
    "MGEN Initiale",
    "MGEN Equilibre",
    "MGEN Référence",
    "MGEN Intégrale",
];

fn acts() -> Vec<Act> {
    vec![
        // GP consultation in parcours, FR 30, BRSS 25: AMO 70 % × 25 = 17,50
        // − 1,00 participation = 16,50; MGEN line 1, 30 % × 25 = 7,50 for the
        // four offers; 17,50 + 7,50 = 25 ≤ 30.
        Act {
            label: "Consultation d’un médecin généraliste, parcours de soins coordonnés",
            frais: dec!(30.00),
            amo: dec!(16.50),
            mgen: [dec!(7.50); 4],
        },
        // Specialist OPTAM in parcours, FR 45, BRSS 30: AMO 70 % × 30 = 21 − 1
        // = 20; MGEN line 2.1: 30 % → 9; 80 % → 24; 30 % → 9; 130 % → 39
        // capped at FR − AMO gross = 45 − 21 = 24.
        Act {
            label: "Consultation d’un médecin spécialiste adhérent à l’OPTAM, dans le parcours de soins coordonnés",
            frais: dec!(45.00),
            amo: dec!(20.00),
            mgen: [dec!(9.00), dec!(24.00), dec!(9.00), dec!(24.00)],
        },
        // Forfait journalier 2018: 20 € (from 2018-01-01), not paid by AMO,
        // covered in full by MGEN (contrat responsable) — read from the 18 €
        // cell of the 2018 table: "lecture à confirmer".
        Act {
            label: "Forfait journalier hospitalier, 1 jour (lecture à confirmer)",
            frais: dec!(20.00),
            amo: dec!(0.00),
            mgen: [dec!(20.00); 4],
        },
    ]
}

/// Index of the member's offer in the sample (Equilibre).
pub const MEMBER_OFFER: usize = 1;

/// The sample estimate: page 1 the acts under the member's offer, page 2 the
/// four offers compared, page 3 the annex.
pub fn sample_estimate() -> Document {
    let acts = acts();
    let mut doc = Document::new(meta("Estimation de remboursement"));
    doc.push(KeyValues::new([
        ("Date des soins", date(day(2018, 3, 15))),
        ("Offre de l’adhérent", OFFERS[MEMBER_OFFER].to_string()),
        (
            "Situation",
            "Adulte, médecin traitant déclaré (parcours de soins coordonnés), sans exonération du ticket modérateur".to_string(),
        ),
        (
            "Barèmes",
            "Annexe 2 des Statuts et Règlements MGEN en vigueur au 01/01/2018 ; tarifs de la Sécurité sociale au 15/03/2018".to_string(),
        ),
    ]));
    doc.push(
        Notice::info(
            "Les montants sont calculés à partir des frais annoncés, des barèmes indiqués et de la situation déclarée. Le remboursement réel dépend des actes facturés, de la base retenue par la Sécurité sociale et des droits ouverts à la date des soins.",
        )
        .titled("Estimation non contractuelle"),
    );
    doc.push(Heading::section(format!(
        "Détail par acte — {}",
        OFFERS[MEMBER_OFFER]
    )));
    let mut table = Table::new(vec![
        Column::text("Acte", 40),
        Column::amount("Frais réels", 15),
        Column::amount("Sécurité sociale", 15),
        Column::amount("MGEN", 15),
        Column::amount("Reste à charge", 15),
    ])
    .highlight(4);
    let (mut tf, mut ta, mut tm) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for a in &acts {
        let m = a.mgen[MEMBER_OFFER];
        table = table.row([
            a.label.to_string(),
            euros(a.frais),
            euros(a.amo),
            euros(m),
            euros(a.frais - a.amo - m),
        ]);
        tf += a.frais;
        ta += a.amo;
        tm += m;
    }
    table = table.total_row([
        "Total".to_string(),
        euros(tf),
        euros(ta),
        euros(tm),
        euros(tf - ta - tm),
    ]);
    doc.push(table);
    doc.push(
        Notice::warning(
            "Forfait journalier : la cellule du barème MGEN 2018 indique 18 €, montant antérieur au forfait de 20 € en vigueur depuis le 01/01/2018. Guichet retient le forfait en vigueur, qu’un contrat responsable prend en charge en totalité. À confirmer auprès de la section.",
        )
        .titled("Lecture à confirmer"),
    );
    doc.push(Block::PageBreak);

    doc.push(Heading::section("Comparaison des quatre offres"));
    doc.push(Paragraph::spans(vec![
        Span::plain("Mêmes actes et mêmes frais ("),
        Span::bold(euros(tf)),
        Span::plain(
            ") : seule la part MGEN change d’une offre à l’autre. Votre offre actuelle est ",
        ),
        Span::bold(OFFERS[MEMBER_OFFER]),
        Span::plain("."),
    ]));
    let mut compare = Table::new(vec![
        Column::text("Offre", 34),
        Column::amount("Sécurité sociale (AMO)", 22),
        Column::amount("MGEN", 22),
        Column::amount("Reste à charge", 22),
    ])
    .highlight(3);
    let mut bars = Vec::new();
    for (o, name) in OFFERS.iter().enumerate() {
        let mgen: Decimal = acts.iter().map(|a| a.mgen[o]).sum();
        let rac = tf - ta - mgen;
        let label = if o == MEMBER_OFFER {
            format!("{name} (votre offre)")
        } else {
            name.to_string()
        };
        compare = compare.row([label, euros(ta), euros(mgen), euros(rac)]);
        bars.push(Bar::euros(*name, &[ta, mgen, rac]));
    }
    doc.push(compare);
    doc.push(Heading::sub("Répartition des frais par offre"));
    doc.push(StackedBarChart {
        series: vec![
            Series {
                label: "Sécurité sociale (AMO)".to_string(),
                colour: Colour::BLUE,
            },
            Series {
                label: "MGEN".to_string(),
                colour: Colour::SKY,
            },
            Series {
                label: "Reste à charge".to_string(),
                colour: Colour::AMBER,
            },
        ],
        bars,
    });
    doc.push(
        Paragraph::new(
            "Chaque barre représente les frais réels totaux, à la même échelle pour les quatre offres ; le montant en bout de barre est leur somme.",
        )
        .small(),
    );
    doc.push(Block::PageBreak);

    doc.push(Heading::section("Annexe — d’où viennent les montants"));
    doc.push(Heading::sub(acts[0].label));
    doc.push(Paragraph::new(
        "Base de remboursement (BRSS) : 25,00 €. La Sécurité sociale rembourse 70 % de la base, soit 17,50 €, moins la participation forfaitaire de 1,00 € : 16,50 €. MGEN (Annexe 2, ligne 1, 30 % de la BRSS pour les quatre offres) : 7,50 €. La part Sécurité sociale avant participation et la part MGEN (17,50 € + 7,50 € = 25,00 €) ne dépassent pas les frais réels de 30,00 €. Reste à charge : 30,00 € − 16,50 € − 7,50 € = 6,00 €, dont la participation forfaitaire, que MGEN ne rembourse jamais.",
    ));
    doc.push(Heading::sub(acts[1].label));
    doc.push(Paragraph::new(
        "Base de remboursement : 30,00 €. Sécurité sociale : 70 % soit 21,00 €, moins la participation forfaitaire de 1,00 € : 20,00 €. MGEN (Annexe 2, ligne 2.1) : Initiale et Référence 30 % de la base, soit 9,00 € ; Equilibre 80 %, soit 24,00 € ; Intégrale 130 %, soit 39,00 €, ramenés à 24,00 € parce que la part MGEN ne peut dépasser les frais réels moins la part Sécurité sociale avant participation (45,00 € − 21,00 € = 24,00 €). Reste à charge avec votre offre : 45,00 € − 20,00 € − 24,00 € = 1,00 €.",
    ));
    doc.push(Heading::sub(acts[2].label));
    doc.push(Paragraph::new(
        "La Sécurité sociale ne rembourse pas le forfait journalier : il reste dû par le patient. MGEN le prend en charge en totalité pour les quatre offres, soit 20,00 € par jour en 2018. Voir l’encadré « Lecture à confirmer » en page 1.",
    ));
    doc.push(Heading::sub("Sources et arrondis"));
    doc.push(KeyValues::new([
        ("Part MGEN", "Statuts et Règlements MGEN 2018, Annexe 2, lignes 1 et 2.1"),
        ("Participation forfaitaire", "Guide Sécurité sociale MGEN : 1 € par consultation, 50 € par an au plus"),
        ("Arrondis", "Au centime, à la dernière étape de chaque ligne ; les totaux sont la somme des lignes affichées"),
    ]));
    doc.push(
        Notice::info(
            "Cette estimation ne vaut pas accord de prise en charge. Pour un devis (optique, dentaire, audition, hospitalisation), demandez une prise en charge à votre section avant les soins.",
        ),
    );
    doc
}

/// Page count from `pdfinfo`.
pub fn page_count(pdf: &[u8]) -> usize {
    let info = poppler("pdfinfo", &[], pdf);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("nombre de pages dans pdfinfo")
}
