//! Cells of the shipped 2018 table checked one by one against values read
//! by hand in the seed (shared/seeds/004_…txt, Annexe 2). Each check quotes
//! the seed passage it comes from; for stacked blocks the comment says
//! which value of which column it is.

use guichet::tarifs::{
    shipped_baremes, variante, Bareme, Cellule, Compteur, Nature, Offre, Periode, Unite,
};
use rust_decimal::Decimal;
use std::str::FromStr;

use Offre::{Equilibre, Initiale, Integrale, Reference};

fn bareme() -> Bareme {
    shipped_baremes()
        .into_iter()
        .find(|b| b.nom.contains("2018"))
        .expect("barème 2018 livré")
}

fn cellule<'a, const N: usize>(
    b: &'a Bareme,
    ligne: &str,
    v: [(&str, &str); N],
    offre: Offre,
) -> &'a Cellule {
    b.cellule(ligne, &variante(v), offre)
        .unwrap_or_else(|| panic!("ligne {ligne} {v:?} {offre:?} absente"))
}

/// A percentage of the BRSS.
fn pct<const N: usize>(b: &Bareme, ligne: &str, v: [(&str, &str); N], o: Offre, attendu: &str) {
    let c = cellule(b, ligne, v, o);
    assert_eq!(c.nature, Nature::PourcentageBrss, "{ligne} {v:?} {o:?}");
    assert_eq!(
        c.valeur,
        Some(Decimal::from_str(attendu).unwrap()),
        "{ligne} {v:?} {o:?}"
    );
    assert_eq!(c.unite, None, "{ligne} {v:?} {o:?}");
}

/// A forfait in euros per unit.
fn eur<const N: usize>(
    b: &Bareme,
    ligne: &str,
    v: [(&str, &str); N],
    o: Offre,
    attendu: &str,
    unite: Unite,
) {
    let c = cellule(b, ligne, v, o);
    assert_eq!(c.nature, Nature::Forfait, "{ligne} {v:?} {o:?}");
    assert_eq!(
        c.valeur,
        Some(Decimal::from_str(attendu).unwrap()),
        "{ligne} {v:?} {o:?}"
    );
    assert_eq!(c.unite, Some(unite), "{ligne} {v:?} {o:?}");
}

fn neant<const N: usize>(b: &Bareme, ligne: &str, v: [(&str, &str); N], o: Offre) {
    let c = cellule(b, ligne, v, o);
    assert_eq!(c.nature, Nature::Neant, "{ligne} {v:?} {o:?}");
    assert_eq!(c.valeur, None);
}

#[test]
fn actes_medicaux_courants() {
    let b = bareme();
    // "1.  Consultations / Visites médecins généralistes … 30 % 30 % 30 % 30 %"
    pct(&b, "1", [], Initiale, "30");
    pct(&b, "1", [], Integrale, "30");
    // 2.1 stacked by column: Equilibre "80 %" then "60 %", Intégrale "130 %"
    // then "105 %", then 2.2 "30 %".
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "oui")],
        Equilibre,
        "80",
    );
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "non")],
        Equilibre,
        "60",
    );
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "oui")],
        Integrale,
        "130",
    );
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "non")],
        Integrale,
        "105",
    );
    pct(&b, "2.2", [("parcours", "hors")], Integrale, "30");
    // 3.1: Equilibre "55 %" / "30 %", Référence "30 %" / "30 %".
    pct(
        &b,
        "3.1",
        [("parcours", "dans"), ("optam", "oui")],
        Equilibre,
        "55",
    );
    pct(
        &b,
        "3.1",
        [("parcours", "dans"), ("optam", "oui")],
        Reference,
        "30",
    );
    // "4. Participation forfaitaire … 18 € 18 € 18 € 18 €"
    eur(&b, "4", [], Reference, "18", Unite::Acte);
    // "5. Honoraires des auxiliaires médicaux … 40 % 65 % 40 % 65 %"
    pct(&b, "5", [], Initiale, "40");
    pct(&b, "5", [], Equilibre, "65");
    // "6. Analyses - actes de laboratoire 40 % 65 % 40 % 65 %"
    pct(&b, "6", [], Integrale, "65");
    // "7. Psychothérapie (dans la limite de 20 séances / an) 10 € / séance
    //  15 € / séance 15 € / séance 20 € / séance"
    eur(&b, "7", [], Initiale, "10", Unite::Seance);
    eur(&b, "7", [], Integrale, "20", Unite::Seance);
    let c = cellule(&b, "7", [], Reference);
    assert_eq!(c.limites.len(), 1);
    assert_eq!(c.limites[0].compteur, Compteur::Seances);
    assert_eq!(c.limites[0].max, 20);
    assert_eq!(c.limites[0].periode, Periode::AnneeCivile);
}

#[test]
fn pharmacie() {
    let b = bareme();
    // 8, stacked per column: "35 %" (65 %) then "70 %" (30 %).
    pct(&b, "8", [("taux_amo", "65")], Reference, "35");
    pct(&b, "8", [("taux_amo", "30")], Equilibre, "70");
    // "Néant Forfait 25 € / an Néant Forfait 50 € / an", one shared envelope.
    neant(&b, "8", [("taux_amo", "15")], Initiale);
    eur(&b, "8", [("taux_amo", "15")], Equilibre, "25", Unite::An);
    eur(&b, "8", [("rembourse", "non")], Integrale, "50", Unite::An);
    let a = cellule(&b, "8", [("taux_amo", "15")], Integrale);
    let c = cellule(&b, "8", [("rembourse", "non")], Integrale);
    assert_eq!(a.enveloppe, c.enveloppe);
    assert!(a.enveloppe.is_some() && a.note.is_some());
    // "9. Vaccinations remboursées … 35 % 35 % 35 % 35%"
    pct(&b, "9", [], Integrale, "35");
}

#[test]
fn forfaits_se_soigner_autrement_et_prevention() {
    let b = bareme();
    // "10. Ostéopathie 75 € / an 125 € / an 75 € / an 150 € / an"
    eur(&b, "10", [], Initiale, "75", Unite::An);
    eur(&b, "10", [], Equilibre, "125", Unite::An);
    // shared by 11–14
    eur(&b, "14", [], Integrale, "150", Unite::An);
    assert_eq!(
        cellule(&b, "13", [], Reference).enveloppe.as_deref(),
        Some("se_soigner_autrement")
    );
    // 15: "75 € / an 125 € / an 75 € / an 150 € / an"
    eur(&b, "15", [], Reference, "75", Unite::An);
    eur(&b, "17", [], Equilibre, "125", Unite::An);
    // "18. Bilan psychomotricité Néant Néant" (read under Initiale, Référence)
    neant(&b, "18", [], Initiale);
    neant(&b, "18", [], Reference);
    eur(&b, "18", [], Equilibre, "125", Unite::An);
    // "19. Ostéodensitométrie Néant Néant Néant" (Intégrale only)
    neant(&b, "19", [], Equilibre);
    eur(&b, "19", [], Integrale, "150", Unite::An);
    assert!(cellule(&b, "19", [], Integrale).note.is_some());
}

#[test]
fn hospitalisation() {
    let b = bareme();
    // "-  Ticket modérateur 20 % 20 % 20 % 20 %"
    pct(&b, "20", [("poste", "ticket_moderateur")], Initiale, "20");
    // "sociale 18 € 18 € 18 € 18 €"
    eur(
        &b,
        "20",
        [("poste", "participation_forfaitaire")],
        Integrale,
        "18",
        Unite::Acte,
    );
    // stacked "Néant / Néant", "50 % / 30 %", "50 % / 30 %", "100 % / 75 %"
    neant(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "oui")],
        Initiale,
    );
    pct(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "non")],
        Reference,
        "30",
    );
    pct(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "oui")],
        Integrale,
        "100",
    );
    pct(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "non")],
        Integrale,
        "75",
    );
    // "21. Hébergement et frais de séjour 20 % 20 % 20 % 20 %"
    pct(&b, "21", [("poste", "frais_de_sejour")], Equilibre, "20");
    // "- Forfait journalier hospitalier 18 € …" read as the forfait in force.
    let c = cellule(
        &b,
        "21",
        [("poste", "forfait_journalier_hospitalier")],
        Reference,
    );
    assert_eq!(c.nature, Nature::ForfaitJournalierEnVigueur);
    assert_eq!(c.texte, "18 €");
    assert!(c.a_confirmer());
    let c = cellule(
        &b,
        "21",
        [("poste", "forfait_journalier_psychiatrie")],
        Initiale,
    );
    assert_eq!(c.nature, Nature::ForfaitJournalierEnVigueur);
    assert_eq!(c.texte, "13,50 €");
    // 22.1 "- Psychiatrie Néant 30 €/nuitée 30 €/nuitée 30 €/nuitée"
    neant(
        &b,
        "22.1",
        [("conventionne", "non"), ("sejour", "psychiatrie")],
        Initiale,
    );
    eur(
        &b,
        "22.1",
        [("conventionne", "non"), ("sejour", "mco")],
        Equilibre,
        "33",
        Unite::Nuitee,
    );
    eur(
        &b,
        "22.1",
        [("conventionne", "non"), ("sejour", "ssr")],
        Reference,
        "18.50",
        Unite::Nuitee,
    );
    // 22.2 "- Maternité 50 €/nuitée …", "- Soins de suite et de réadaptation 35 €/nuitée …"
    eur(
        &b,
        "22.2",
        [("conventionne", "oui"), ("sejour", "maternite")],
        Initiale,
        "50",
        Unite::Nuitee,
    );
    eur(
        &b,
        "22.2",
        [("conventionne", "oui"), ("sejour", "ssr")],
        Integrale,
        "35",
        Unite::Nuitee,
    );
    // "23. … 15 € 15 € 15 € 15 €"
    eur(
        &b,
        "23",
        [("conventionne", "oui")],
        Initiale,
        "15",
        Unite::Jour,
    );
    // "24.1 … Néant 25 €/nuitée 25 €/nuitée 25 €/nuitée"
    neant(
        &b,
        "24.1",
        [("conventionne", "non"), ("age", "<16")],
        Initiale,
    );
    eur(
        &b,
        "24.1",
        [("conventionne", "non"), ("age", ">70")],
        Reference,
        "25",
        Unite::Nuitee,
    );
    // "24.2 … 38,50 €/nuitée" ×4
    eur(
        &b,
        "24.2",
        [("conventionne", "oui"), ("handicap", "oui")],
        Initiale,
        "38.50",
        Unite::Nuitee,
    );
}

#[test]
fn optique() {
    let b = bareme();
    let verre = |age, v, r| {
        [
            ("age", age),
            ("equipement", "verre"),
            ("verre", v),
            ("reseau", r),
        ]
    };
    // "2261874 2200393 22,50 € 27 € 22,50 € 27 € 33,75 € 45 € 45 € 60 €"
    eur(
        &b,
        "25",
        verre("<18", "unifocal_faible_moyenne", "non"),
        Reference,
        "33.75",
        Unite::Verre,
    );
    eur(
        &b,
        "25",
        verre("<18", "unifocal_faible_moyenne", "oui"),
        Integrale,
        "60",
        Unite::Verre,
    );
    // "90 € 108 € 90 € 108 € 90 € 120 € 100 € 133,33 €" (unifocal forte, < 18)
    eur(
        &b,
        "25",
        verre("<18", "unifocal_forte", "oui"),
        Integrale,
        "133.33",
        Unite::Verre,
    );
    eur(
        &b,
        "25",
        verre("<18", "unifocal_forte", "non"),
        Integrale,
        "100",
        Unite::Verre,
    );
    // "Monture l'unité ** 2210546 20 € 20 € 35 € 45 €"
    eur(
        &b,
        "25",
        [("age", "<18"), ("equipement", "monture")],
        Integrale,
        "45",
        Unite::Monture,
    );
    // ≥ 18: "2203240 2259966 22,50 € 27 € 22,50 € 27 € 45 € 60 € 60 € 80 €"
    eur(
        &b,
        "25",
        verre(">=18", "unifocal_faible_moyenne", "oui"),
        Reference,
        "60",
        Unite::Verre,
    );
    // "2290396 2227038 85 € 102 € 85 € 102 € 105 € 140 € 120 € 160 €"
    eur(
        &b,
        "25",
        verre(">=18", "progressif_faible_moyenne", "oui"),
        Reference,
        "140",
        Unite::Verre,
    );
    eur(
        &b,
        "25",
        verre(">=18", "progressif_faible_moyenne", "non"),
        Initiale,
        "85",
        Unite::Verre,
    );
    // "2245384 2202239 85 € 102 € 85 € 102 € 120 € 160 € 150 € 200 €"
    eur(
        &b,
        "25",
        verre(">=18", "progressif_forte", "oui"),
        Integrale,
        "200",
        Unite::Verre,
    );
    // "Monture l'unité ** 2223342 30 € 30 € 60 € 90 €"
    eur(
        &b,
        "25",
        [("age", ">=18"), ("equipement", "monture")],
        Reference,
        "60",
        Unite::Monture,
    );
    let c = cellule(
        &b,
        "25",
        [("age", ">=18"), ("equipement", "monture")],
        Reference,
    );
    assert_eq!(c.limites[0].compteur, Compteur::Equipements);
    assert_eq!(c.limites[0].periode, Periode::Glissante { mois: 24 });
    let l = b
        .ligne(
            "25",
            &variante(verre(">=18", "progressif_faible_moyenne", "oui")),
        )
        .unwrap();
    assert_eq!(l.codes_lpp, ["2290396", "2227038"]);
    // "Non prises en charge par la Sécurité sociale 50 €/an 100 €/an 110 €/an 170 € /an"
    eur(
        &b,
        "25",
        [("equipement", "lentilles"), ("rembourse", "non")],
        Integrale,
        "170",
        Unite::An,
    );
    eur(
        &b,
        "25",
        [("equipement", "lentilles"), ("rembourse", "oui")],
        Initiale,
        "50",
        Unite::An,
    );
    // "Filtre chromatique ou ultraviolet plus de 18 ans Néant Néant 23 € 23 €"
    let filtre = [
        ("equipement", "supplement"),
        ("supplement", "filtre_chromatique_uv"),
        ("age", ">=18"),
    ];
    neant(&b, "25", filtre, Equilibre);
    eur(&b, "25", filtre, Reference, "23", Unite::Verre);
    // "Verres iseïconiques 40 % 40 % 40 % 40 %"
    pct(
        &b,
        "25",
        [
            ("equipement", "supplement"),
            ("supplement", "verres_iseiconiques"),
        ],
        Initiale,
        "40",
    );
    // "Chirugie réfractive de l'œil Néant Néant 365 € / œil 400 € / œil"
    eur(
        &b,
        "25",
        [("equipement", "chirurgie_refractive")],
        Reference,
        "365",
        Unite::Oeil,
    );
    // "130 € / œil ou ticket modérateur si supérieur"
    let c = cellule(&b, "25", [("equipement", "vision_telescopique")], Initiale);
    assert!(c.ou_ticket_moderateur_si_superieur);
    assert_eq!(c.valeur, Some(Decimal::from(130)));
}

#[test]
fn dentaire() {
    let b = bareme();
    // "26.2. Inlay onlay remboursés par la Sécurité sociale 30 % 80 % 80 % 80 %"
    pct(&b, "26.2", [], Initiale, "30");
    pct(&b, "26.2", [], Equilibre, "80");
    // 26.3.1.1 stacked: Initiale "75,25 € / 200 € / 75,25 € / 3,22 €",
    // Equilibre "86 € / 224 € / 86 € / 8,60 €".
    let nc = |e| [("conventionne", "non"), ("element", e)];
    eur(
        &b,
        "26.3.1.1",
        nc("couronne"),
        Initiale,
        "75.25",
        Unite::Couronne,
    );
    eur(
        &b,
        "26.3.1.1",
        nc("bridge_3_elements"),
        Equilibre,
        "224",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.3.1.1",
        nc("intermediaire_supplementaire"),
        Initiale,
        "3.22",
        Unite::Element,
    );
    eur(
        &b,
        "26.3.1.1",
        nc("intermediaire_supplementaire"),
        Integrale,
        "107",
        Unite::Element,
    );
    // 26.3.1.2 first value of each column: "30 %", "80 %", "80 %", "80 %".
    pct(&b, "26.3.1.2", [("conventionne", "non")], Initiale, "30");
    pct(&b, "26.3.1.2", [("conventionne", "non")], Reference, "80");
    // 26.3.1.3: Référence "122 € / 360 € / 122 € / 107 €", Initiale Néant.
    eur(
        &b,
        "26.3.1.3",
        nc("bridge_3_elements"),
        Reference,
        "360",
        Unite::Prothese,
    );
    neant(&b, "26.3.1.3", nc("couronne"), Equilibre);
    // 26.3.1.4: "31 € / 31 € / élément / 31 € / élément"
    let tr = |e| {
        [
            ("conventionne", "non"),
            ("dent", "incisive_canine_premolaire"),
            ("element", e),
        ]
    };
    eur(
        &b,
        "26.3.1.4",
        tr("bridge_3_elements"),
        Integrale,
        "31",
        Unite::Element,
    );
    // 26.3.2.1: "397,95 €" × 8; 26.3.2.2: "195,15 €" × 8
    let conv = |d, m| {
        [
            ("conventionne", "oui"),
            ("dent", d),
            ("element", "couronne"),
            ("materiau", m),
        ]
    };
    eur(
        &b,
        "26.3.2.1",
        conv("incisive_canine_premolaire", "ceramique"),
        Initiale,
        "397.95",
        Unite::Couronne,
    );
    eur(
        &b,
        "26.3.2.2",
        conv("molaire", "metallique"),
        Integrale,
        "195.15",
        Unite::Couronne,
    );
    // 26.3.2.3: "100 € / 116 € / 1000 € / 110 €" per column
    eur(
        &b,
        "26.3.2.3",
        [("conventionne", "oui"), ("element", "inlay_core_clavette")],
        Equilibre,
        "116",
        Unite::Acte,
    );
    eur(
        &b,
        "26.3.2.3",
        [("conventionne", "oui"), ("element", "bridge_3_elements")],
        Reference,
        "1000",
        Unite::Prothese,
    );
    // "26.3.2.5 … 50,70 € 50,70 € 50,70 € 50,70 €"
    eur(
        &b,
        "26.3.2.5",
        [("conventionne", "oui")],
        Initiale,
        "50.70",
        Unite::Couronne,
    );
    // 26.3.2.6 "473,20 €" × 8, 26.3.2.7 "270,40 €" × 8
    eur(
        &b,
        "26.3.2.6",
        conv("incisive_canine_premolaire", "metallique"),
        Reference,
        "473.20",
        Unite::Couronne,
    );
    eur(
        &b,
        "26.3.2.7",
        conv("molaire", "ceramo_metallique"),
        Equilibre,
        "270.40",
        Unite::Couronne,
    );
    // 26.4.1 Initiale column: "53,58 € / 3,22 € / dent / Néant / Néant / 58,05 € …"
    eur(
        &b,
        "26.4.1",
        [("materiau", "resine"), ("element", "prothese_9_dents")],
        Initiale,
        "53.58",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "1_a_3_dents")],
        Equilibre,
        "154.80",
        Unite::Prothese,
    );
    // Intégrale column: "Néant / Néant / 350 € / 450 € / Néant / Néant / 206 € / 600 € / 700 € / 26 € / 26 €"
    eur(
        &b,
        "26.4.1",
        [("materiau", "resine"), ("element", "9_a_11_dents")],
        Integrale,
        "350",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "8_a_11_dents")],
        Integrale,
        "600",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "appareil_complet")],
        Reference,
        "500",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "resine"), ("element", "ajout_dent")],
        Equilibre,
        "17.80",
        Unite::Dent,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "ajout_dent")],
        Initiale,
        "9.67",
        Unite::Dent,
    );
    // 26.4.2 "38,70 € (1,2 ou 3 dents) puis 3,22 € / dent supplémentaire"; "183 € (8 à 14 dents)"
    let c = cellule(
        &b,
        "26.4.2",
        [("element", "transitoire"), ("dents", "8-14")],
        Initiale,
    );
    assert_eq!(c.valeur, Some(Decimal::from_str("38.70").unwrap()));
    let au_dela = c.au_dela.as_ref().unwrap();
    assert_eq!(
        (au_dela.valeur, au_dela.unite),
        (Some(Decimal::from_str("3.22").unwrap()), Some(Unite::Dent))
    );
    eur(
        &b,
        "26.4.2",
        [("element", "transitoire"), ("dents", "8-14")],
        Reference,
        "183",
        Unite::Prothese,
    );
    // 26.5.1 "518 € (dans la limite de 3 implants sur 2 années civiles)" (Intégrale)
    eur(&b, "26.5.1", [], Integrale, "518", Unite::Implant);
    let c = cellule(&b, "26.5.1", [], Integrale);
    assert_eq!(
        (c.limites[0].compteur, c.limites[0].max),
        (Compteur::Implants, 3)
    );
    assert_eq!(c.limites[0].periode, Periode::AnneesCiviles { n: 2 });
    let c = cellule(&b, "26.5.1", [], Reference);
    assert_eq!(c.limites[0].max, 2);
    // 26.5.2 "122 € (max 2 couronnes sur 2 années civiles) puis 80 % BRSS"
    let c = cellule(&b, "26.5.2", [], Reference);
    assert_eq!(c.valeur, Some(Decimal::from(122)));
    assert_eq!(
        (c.limites[0].compteur, c.limites[0].max),
        (Compteur::Couronnes, 2)
    );
    let au_dela = c.au_dela.as_ref().unwrap();
    assert_eq!(
        (au_dela.nature, au_dela.valeur),
        (Nature::PourcentageBrss, Some(Decimal::from(80)))
    );
    eur(&b, "26.5.2", [], Integrale, "250", Unite::Couronne);
    eur(&b, "26.5.3", [], Equilibre, "146.20", Unite::Prothese);
    // 26.6 Référence column: "23 € / 80 % / 23 €", "46 € / 80 % / 46 €", "51,16 € / 5,16 € / 46 € / 61 €"
    eur(
        &b,
        "26.6.2",
        [
            ("materiau", "metal"),
            ("element", "reparation_remontage_1_element"),
        ],
        Reference,
        "51.16",
        Unite::Acte,
    );
    eur(
        &b,
        "26.6.2",
        [
            ("materiau", "metal"),
            ("element", "reparation_remontage_par_element"),
        ],
        Integrale,
        "5.16",
        Unite::Element,
    );
    eur(&b, "26.6.3", [], Reference, "46", Unite::Acte);
    eur(&b, "26.6.4", [], Integrale, "61", Unite::Element);
    // Initiale column ends "Néant / 30%": rebasage Néant, facette 30 %.
    neant(&b, "26.6.3", [], Initiale);
    pct(&b, "26.6.4", [], Initiale, "30");
    // 26.7: "Néant Néant Néant" ×2 then "122 € 61 € 61 €" ×2
    eur(&b, "26.7.1", [], Reference, "122", Unite::Acte);
    neant(&b, "26.7.3", [], Equilibre);
    // 26.8.1.1 Equilibre column: "80 % / 96,75 € / 80,63 € / 86 €"
    pct(
        &b,
        "26.8.1.1",
        [("conventionne", "non"), ("element", "examens_prealables")],
        Equilibre,
        "80",
    );
    eur(
        &b,
        "26.8.1.1",
        [("conventionne", "non"), ("element", "traitement_actif")],
        Equilibre,
        "96.75",
        Unite::Semestre,
    );
    eur(
        &b,
        "26.8.1.1",
        [("conventionne", "non"), ("element", "contention_2e_annee")],
        Equilibre,
        "86",
        Unite::An,
    );
    // 26.8.1.2 Référence: "90 % / 200 € / 145,13 € / 96,75 €"
    eur(
        &b,
        "26.8.1.2",
        [("conventionne", "non"), ("element", "contention_1re_annee")],
        Reference,
        "145.13",
        Unite::An,
    );
    let actif = [
        ("conventionne", "non"),
        ("element", "traitement_actif"),
        ("debut", "apres_16_ans"),
    ];
    eur(&b, "26.8.1.2", actif, Initiale, "38.70", Unite::Semestre);
    assert_eq!(cellule(&b, "26.8.1.2", actif, Initiale).limites[0].max, 4);
    // 26.8.2.1 "296,60 € / 109,15 €" (Initiale), "350 € / 109,15 €" (Référence)
    eur(
        &b,
        "26.8.2.1",
        [("conventionne", "oui"), ("element", "traitement_actif")],
        Reference,
        "350",
        Unite::Semestre,
    );
    // 26.8.2.2 "338 € / 219,70 €" ×4
    eur(
        &b,
        "26.8.2.2",
        [("conventionne", "oui"), ("element", "contention_1re_annee")],
        Integrale,
        "219.70",
        Unite::An,
    );
    // 26.9 Intégrale "400 € / an / 183 €", Initiale "Néant / 28,92 €"
    eur(
        &b,
        "26.9",
        [("element", "forfait_parodontie")],
        Integrale,
        "400",
        Unite::An,
    );
    neant(&b, "26.9", [("element", "forfait_parodontie")], Reference);
    eur(
        &b,
        "26.9",
        [("element", "attelle_contention")],
        Initiale,
        "28.92",
        Unite::Acte,
    );
}

#[test]
fn appareillages_audioprotheses_protheses() {
    let b = bareme();
    // "27. Accessoires et pansements … 40 % 40 % 40 % 40 %"
    pct(&b, "27", [], Equilibre, "40");
    // "28. Semelles orthopédiques … Néant 130 % 130 % 250 %"
    neant(&b, "28", [], Initiale);
    pct(&b, "28", [], Integrale, "250");
    // 29: "560 € 660 € 560 € 660 € 650 € 750 € 650 € 750 €" (< 20 ans, hors / dans réseau)
    eur(
        &b,
        "29",
        [("age", "<20"), ("reseau", "oui")],
        Initiale,
        "660",
        Unite::Appareil,
    );
    eur(
        &b,
        "29",
        [("age", ">=20"), ("cecite", "oui"), ("reseau", "non")],
        Reference,
        "650",
        Unite::Appareil,
    );
    // "350 € 450 € 350 € 450 € 550 € 650 € 550 € 650 €", 2 appareils par an puis TM
    let adulte = [("age", ">=20"), ("cecite", "non"), ("reseau", "oui")];
    eur(&b, "29", adulte, Equilibre, "450", Unite::Appareil);
    let c = cellule(&b, "29", adulte, Integrale);
    assert_eq!(c.valeur, Some(Decimal::from(650)));
    assert_eq!(
        (c.limites[0].compteur, c.limites[0].max),
        (Compteur::Appareils, 2)
    );
    assert_eq!(c.au_dela.as_ref().unwrap().nature, Nature::TicketModerateur);
    // "Forfait annuel (par appareil) 50 € (puis prise en charge du ticket modérateur …)"
    eur(
        &b,
        "29",
        [("poste", "entretien_reparation")],
        Reference,
        "50",
        Unite::An,
    );
    // 30: Initiale "Néant", Référence "145 € 328 € 412 € 298 € 130 €"
    neant(
        &b,
        "30",
        [("element", "renouvellement_avec_moulage")],
        Initiale,
    );
    eur(
        &b,
        "30",
        [("element", "renouvellement_avec_moulage")],
        Reference,
        "412",
        Unite::Prothese,
    );
    eur(
        &b,
        "30",
        [("element", "verre")],
        Integrale,
        "130",
        Unite::Prothese,
    );
    // 31: "40 % / Néant", "40 % / Néant", "130 € / 130 € par année civile" ×2
    pct(&b, "31.1", [], Equilibre, "40");
    eur(&b, "31.1", [], Reference, "130", Unite::Prothese);
    eur(
        &b,
        "31.2",
        [("element", "autres_produits")],
        Integrale,
        "130",
        Unite::An,
    );
    neant(&b, "31.2", [("element", "support_double_face")], Initiale);
    // "•  Postiches et perruques 40 % 40 % 185 % 185 %"
    pct(&b, "32", [], Reference, "185");
}

#[test]
fn cures_transports_amniocentese() {
    let b = bareme();
    // "33. Frais de surveillance médicale … 30 % 30 % 30 % 30 %"
    pct(&b, "33", [], Initiale, "30");
    // "34. … 35 % du forfait thermal" ×4
    pct(&b, "34", [], Equilibre, "35");
    // "35. Frais d'hébergement (par cure) Néant 100 € 75 € 150 €"
    neant(&b, "35", [], Initiale);
    eur(&b, "35", [], Equilibre, "100", Unite::Cure);
    eur(&b, "35", [], Reference, "75", Unite::Cure);
    // "36. Frais de transport … 35 % 35 % 35 % 35 %"
    pct(&b, "36", [], Integrale, "35");
    // "37. Amniocentèse  Néant 183 € 183 € 183 €"
    neant(&b, "37", [], Initiale);
    eur(&b, "37", [], Integrale, "183", Unite::Acte);
}
