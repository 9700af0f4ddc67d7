//! Cells of the shipped 2018 table checked one by one against values read
//! by hand in the seed (shared/seeds/004_…txt, Annexe 2). Each check quotes
//! the seed passage it comes from; for stacked blocks the comment says
//! which value of which column it is.

use guichet::tarifs::{
    shipped_baremes, variante, Bareme, Cellule, Compteur, Nature, Offre, Periode, Unite,
};
use rust_decimal::Decimal;
use std::str::FromStr;

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
    pct(&b, "1", [], Offre::INITIALE, "30");
    pct(&b, "1", [], Offre::INTEGRALE, "30");
    // 2.1 stacked by column: Equilibre "80 %" then "60 %", Intégrale "130 %"
    // then "105 %", then 2.2 "30 %".
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "oui")],
        Offre::EQUILIBRE,
        "80",
    );
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "non")],
        Offre::EQUILIBRE,
        "60",
    );
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "oui")],
        Offre::INTEGRALE,
        "130",
    );
    pct(
        &b,
        "2.1",
        [("parcours", "dans"), ("optam", "non")],
        Offre::INTEGRALE,
        "105",
    );
    pct(&b, "2.2", [("parcours", "hors")], Offre::INTEGRALE, "30");
    // 3.1: Equilibre "55 %" / "30 %", Référence "30 %" / "30 %".
    pct(
        &b,
        "3.1",
        [("parcours", "dans"), ("optam", "oui")],
        Offre::EQUILIBRE,
        "55",
    );
    pct(
        &b,
        "3.1",
        [("parcours", "dans"), ("optam", "oui")],
        Offre::REFERENCE,
        "30",
    );
    // "4. Participation forfaitaire … 18 € 18 € 18 € 18 €"
    eur(&b, "4", [], Offre::REFERENCE, "18", Unite::Acte);
    // "5. Honoraires des auxiliaires médicaux … 40 % 65 % 40 % 65 %"
    pct(&b, "5", [], Offre::INITIALE, "40");
    pct(&b, "5", [], Offre::EQUILIBRE, "65");
    // "6. Analyses - actes de laboratoire 40 % 65 % 40 % 65 %"
    pct(&b, "6", [], Offre::INTEGRALE, "65");
    // "7. Psychothérapie (dans la limite de 20 séances / an) 10 € / séance
    //  15 € / séance 15 € / séance 20 € / séance"
    eur(&b, "7", [], Offre::INITIALE, "10", Unite::Seance);
    eur(&b, "7", [], Offre::INTEGRALE, "20", Unite::Seance);
    let c = cellule(&b, "7", [], Offre::REFERENCE);
    assert_eq!(c.limites.len(), 1);
    assert_eq!(c.limites[0].compteur, Compteur::Seances);
    assert_eq!(c.limites[0].max, 20);
    assert_eq!(c.limites[0].periode, Periode::AnneeCivile);
}

#[test]
fn pharmacie() {
    let b = bareme();
    // 8, stacked per column: "35 %" (65 %) then "70 %" (30 %).
    pct(&b, "8", [("taux_amo", "65")], Offre::REFERENCE, "35");
    pct(&b, "8", [("taux_amo", "30")], Offre::EQUILIBRE, "70");
    // "Néant Forfait 25 € / an Néant Forfait 50 € / an", one shared envelope.
    neant(&b, "8", [("taux_amo", "15")], Offre::INITIALE);
    eur(
        &b,
        "8",
        [("taux_amo", "15")],
        Offre::EQUILIBRE,
        "25",
        Unite::An,
    );
    eur(
        &b,
        "8",
        [("rembourse", "non")],
        Offre::INTEGRALE,
        "50",
        Unite::An,
    );
    let a = cellule(&b, "8", [("taux_amo", "15")], Offre::INTEGRALE);
    let c = cellule(&b, "8", [("rembourse", "non")], Offre::INTEGRALE);
    assert_eq!(a.enveloppe, c.enveloppe);
    assert!(a.enveloppe.is_some() && a.note.is_some());
    // "9. Vaccinations remboursées … 35 % 35 % 35 % 35%"
    pct(&b, "9", [], Offre::INTEGRALE, "35");
}

#[test]
fn forfaits_se_soigner_autrement_et_prevention() {
    let b = bareme();
    // "10. Ostéopathie 75 € / an 125 € / an 75 € / an 150 € / an"
    eur(&b, "10", [], Offre::INITIALE, "75", Unite::An);
    eur(&b, "10", [], Offre::EQUILIBRE, "125", Unite::An);
    // shared by 11–14
    eur(&b, "14", [], Offre::INTEGRALE, "150", Unite::An);
    assert_eq!(
        cellule(&b, "13", [], Offre::REFERENCE).enveloppe.as_deref(),
        Some("se_soigner_autrement")
    );
    // 15: "75 € / an 125 € / an 75 € / an 150 € / an"
    eur(&b, "15", [], Offre::REFERENCE, "75", Unite::An);
    eur(&b, "17", [], Offre::EQUILIBRE, "125", Unite::An);
    // "18. Bilan psychomotricité Néant Néant" (read under Initiale, Référence)
    neant(&b, "18", [], Offre::INITIALE);
    neant(&b, "18", [], Offre::REFERENCE);
    eur(&b, "18", [], Offre::EQUILIBRE, "125", Unite::An);
    // "19. Ostéodensitométrie Néant Néant Néant" (Intégrale only)
    neant(&b, "19", [], Offre::EQUILIBRE);
    eur(&b, "19", [], Offre::INTEGRALE, "150", Unite::An);
    assert!(cellule(&b, "19", [], Offre::INTEGRALE).note.is_some());
}

#[test]
fn hospitalisation() {
    let b = bareme();
    // "-  Ticket modérateur 20 % 20 % 20 % 20 %"
    pct(
        &b,
        "20",
        [("poste", "ticket_moderateur")],
        Offre::INITIALE,
        "20",
    );
    // "sociale 18 € 18 € 18 € 18 €"
    eur(
        &b,
        "20",
        [("poste", "participation_forfaitaire")],
        Offre::INTEGRALE,
        "18",
        Unite::Acte,
    );
    // stacked "Néant / Néant", "50 % / 30 %", "50 % / 30 %", "100 % / 75 %"
    neant(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "oui")],
        Offre::INITIALE,
    );
    pct(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "non")],
        Offre::REFERENCE,
        "30",
    );
    pct(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "oui")],
        Offre::INTEGRALE,
        "100",
    );
    pct(
        &b,
        "20",
        [("poste", "depassement"), ("optam", "non")],
        Offre::INTEGRALE,
        "75",
    );
    // "21. Hébergement et frais de séjour 20 % 20 % 20 % 20 %"
    pct(
        &b,
        "21",
        [("poste", "frais_de_sejour")],
        Offre::EQUILIBRE,
        "20",
    );
    // "- Forfait journalier hospitalier 18 € …" read as the forfait in force.
    let c = cellule(
        &b,
        "21",
        [("poste", "forfait_journalier_hospitalier")],
        Offre::REFERENCE,
    );
    assert_eq!(c.nature, Nature::ForfaitJournalierEnVigueur);
    assert_eq!(c.texte, "18 €");
    assert!(c.a_confirmer());
    let c = cellule(
        &b,
        "21",
        [("poste", "forfait_journalier_psychiatrie")],
        Offre::INITIALE,
    );
    assert_eq!(c.nature, Nature::ForfaitJournalierEnVigueur);
    assert_eq!(c.texte, "13,50 €");
    // 22.1 "- Psychiatrie Néant 30 €/nuitée 30 €/nuitée 30 €/nuitée"
    neant(
        &b,
        "22.1",
        [("conventionne", "non"), ("sejour", "psychiatrie")],
        Offre::INITIALE,
    );
    eur(
        &b,
        "22.1",
        [("conventionne", "non"), ("sejour", "mco")],
        Offre::EQUILIBRE,
        "33",
        Unite::Nuitee,
    );
    eur(
        &b,
        "22.1",
        [("conventionne", "non"), ("sejour", "ssr")],
        Offre::REFERENCE,
        "18.50",
        Unite::Nuitee,
    );
    // 22.2 "- Maternité 50 €/nuitée …", "- Soins de suite et de réadaptation 35 €/nuitée …"
    eur(
        &b,
        "22.2",
        [("conventionne", "oui"), ("sejour", "maternite")],
        Offre::INITIALE,
        "50",
        Unite::Nuitee,
    );
    eur(
        &b,
        "22.2",
        [("conventionne", "oui"), ("sejour", "ssr")],
        Offre::INTEGRALE,
        "35",
        Unite::Nuitee,
    );
    // "23. … 15 € 15 € 15 € 15 €"
    eur(
        &b,
        "23",
        [("conventionne", "oui")],
        Offre::INITIALE,
        "15",
        Unite::Jour,
    );
    // "24.1 … Néant 25 €/nuitée 25 €/nuitée 25 €/nuitée"
    neant(
        &b,
        "24.1",
        [("conventionne", "non"), ("age", "<16")],
        Offre::INITIALE,
    );
    eur(
        &b,
        "24.1",
        [("conventionne", "non"), ("age", ">70")],
        Offre::REFERENCE,
        "25",
        Unite::Nuitee,
    );
    // "24.2 … 38,50 €/nuitée" ×4
    eur(
        &b,
        "24.2",
        [("conventionne", "oui"), ("handicap", "oui")],
        Offre::INITIALE,
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
        Offre::REFERENCE,
        "33.75",
        Unite::Verre,
    );
    eur(
        &b,
        "25",
        verre("<18", "unifocal_faible_moyenne", "oui"),
        Offre::INTEGRALE,
        "60",
        Unite::Verre,
    );
    // "90 € 108 € 90 € 108 € 90 € 120 € 100 € 133,33 €" (unifocal forte, < 18)
    eur(
        &b,
        "25",
        verre("<18", "unifocal_forte", "oui"),
        Offre::INTEGRALE,
        "133.33",
        Unite::Verre,
    );
    eur(
        &b,
        "25",
        verre("<18", "unifocal_forte", "non"),
        Offre::INTEGRALE,
        "100",
        Unite::Verre,
    );
    // "Monture l'unité ** 2210546 20 € 20 € 35 € 45 €"
    eur(
        &b,
        "25",
        [("age", "<18"), ("equipement", "monture")],
        Offre::INTEGRALE,
        "45",
        Unite::Monture,
    );
    // ≥ 18: "2203240 2259966 22,50 € 27 € 22,50 € 27 € 45 € 60 € 60 € 80 €"
    eur(
        &b,
        "25",
        verre(">=18", "unifocal_faible_moyenne", "oui"),
        Offre::REFERENCE,
        "60",
        Unite::Verre,
    );
    // "2290396 2227038 85 € 102 € 85 € 102 € 105 € 140 € 120 € 160 €"
    eur(
        &b,
        "25",
        verre(">=18", "progressif_faible_moyenne", "oui"),
        Offre::REFERENCE,
        "140",
        Unite::Verre,
    );
    eur(
        &b,
        "25",
        verre(">=18", "progressif_faible_moyenne", "non"),
        Offre::INITIALE,
        "85",
        Unite::Verre,
    );
    // "2245384 2202239 85 € 102 € 85 € 102 € 120 € 160 € 150 € 200 €"
    eur(
        &b,
        "25",
        verre(">=18", "progressif_forte", "oui"),
        Offre::INTEGRALE,
        "200",
        Unite::Verre,
    );
    // "Monture l'unité ** 2223342 30 € 30 € 60 € 90 €"
    eur(
        &b,
        "25",
        [("age", ">=18"), ("equipement", "monture")],
        Offre::REFERENCE,
        "60",
        Unite::Monture,
    );
    let c = cellule(
        &b,
        "25",
        [("age", ">=18"), ("equipement", "monture")],
        Offre::REFERENCE,
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
        Offre::INTEGRALE,
        "170",
        Unite::An,
    );
    eur(
        &b,
        "25",
        [("equipement", "lentilles"), ("rembourse", "oui")],
        Offre::INITIALE,
        "50",
        Unite::An,
    );
    // "Filtre chromatique ou ultraviolet plus de 18 ans Néant Néant 23 € 23 €"
    let filtre = [
        ("equipement", "supplement"),
        ("supplement", "filtre_chromatique_uv"),
        ("age", ">=18"),
    ];
    neant(&b, "25", filtre, Offre::EQUILIBRE);
    eur(&b, "25", filtre, Offre::REFERENCE, "23", Unite::Verre);
    // "Verres iseïconiques 40 % 40 % 40 % 40 %"
    pct(
        &b,
        "25",
        [
            ("equipement", "supplement"),
            ("supplement", "verres_iseiconiques"),
        ],
        Offre::INITIALE,
        "40",
    );
    // "Chirugie réfractive de l'œil Néant Néant 365 € / œil 400 € / œil"
    eur(
        &b,
        "25",
        [("equipement", "chirurgie_refractive")],
        Offre::REFERENCE,
        "365",
        Unite::Oeil,
    );
    // "130 € / œil ou ticket modérateur si supérieur"
    let c = cellule(
        &b,
        "25",
        [("equipement", "vision_telescopique")],
        Offre::INITIALE,
    );
    assert!(c.ou_ticket_moderateur_si_superieur);
    assert_eq!(c.valeur, Some(Decimal::from(130)));
}

#[test]
fn dentaire() {
    let b = bareme();
    // "26.2. Inlay onlay remboursés par la Sécurité sociale 30 % 80 % 80 % 80 %"
    pct(&b, "26.2", [], Offre::INITIALE, "30");
    pct(&b, "26.2", [], Offre::EQUILIBRE, "80");
    // 26.3.1.1 stacked: Initiale "75,25 € / 200 € / 75,25 € / 3,22 €",
    // Equilibre "86 € / 224 € / 86 € / 8,60 €".
    let nc = |e| [("conventionne", "non"), ("element", e)];
    eur(
        &b,
        "26.3.1.1",
        nc("couronne"),
        Offre::INITIALE,
        "75.25",
        Unite::Couronne,
    );
    eur(
        &b,
        "26.3.1.1",
        nc("bridge_3_elements"),
        Offre::EQUILIBRE,
        "224",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.3.1.1",
        nc("intermediaire_supplementaire"),
        Offre::INITIALE,
        "3.22",
        Unite::Element,
    );
    eur(
        &b,
        "26.3.1.1",
        nc("intermediaire_supplementaire"),
        Offre::INTEGRALE,
        "107",
        Unite::Element,
    );
    // 26.3.1.2 first value of each column: "30 %", "80 %", "80 %", "80 %".
    pct(
        &b,
        "26.3.1.2",
        [("conventionne", "non")],
        Offre::INITIALE,
        "30",
    );
    pct(
        &b,
        "26.3.1.2",
        [("conventionne", "non")],
        Offre::REFERENCE,
        "80",
    );
    // 26.3.1.3: Référence "122 € / 360 € / 122 € / 107 €", Initiale Néant.
    eur(
        &b,
        "26.3.1.3",
        nc("bridge_3_elements"),
        Offre::REFERENCE,
        "360",
        Unite::Prothese,
    );
    neant(&b, "26.3.1.3", nc("couronne"), Offre::EQUILIBRE);
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
        Offre::INTEGRALE,
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
        Offre::INITIALE,
        "397.95",
        Unite::Couronne,
    );
    eur(
        &b,
        "26.3.2.2",
        conv("molaire", "metallique"),
        Offre::INTEGRALE,
        "195.15",
        Unite::Couronne,
    );
    // 26.3.2.3: "100 € / 116 € / 1000 € / 110 €" per column
    eur(
        &b,
        "26.3.2.3",
        [("conventionne", "oui"), ("element", "inlay_core_clavette")],
        Offre::EQUILIBRE,
        "116",
        Unite::Acte,
    );
    eur(
        &b,
        "26.3.2.3",
        [("conventionne", "oui"), ("element", "bridge_3_elements")],
        Offre::REFERENCE,
        "1000",
        Unite::Prothese,
    );
    // "26.3.2.5 … 50,70 € 50,70 € 50,70 € 50,70 €"
    eur(
        &b,
        "26.3.2.5",
        [("conventionne", "oui")],
        Offre::INITIALE,
        "50.70",
        Unite::Couronne,
    );
    // 26.3.2.6 "473,20 €" × 8, 26.3.2.7 "270,40 €" × 8
    eur(
        &b,
        "26.3.2.6",
        conv("incisive_canine_premolaire", "metallique"),
        Offre::REFERENCE,
        "473.20",
        Unite::Couronne,
    );
    eur(
        &b,
        "26.3.2.7",
        conv("molaire", "ceramo_metallique"),
        Offre::EQUILIBRE,
        "270.40",
        Unite::Couronne,
    );
    // 26.4.1 Initiale column: "53,58 € / 3,22 € / dent / Néant / Néant / 58,05 € …"
    eur(
        &b,
        "26.4.1",
        [("materiau", "resine"), ("element", "prothese_9_dents")],
        Offre::INITIALE,
        "53.58",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "1_a_3_dents")],
        Offre::EQUILIBRE,
        "154.80",
        Unite::Prothese,
    );
    // Intégrale column: "Néant / Néant / 350 € / 450 € / Néant / Néant / 206 € / 600 € / 700 € / 26 € / 26 €"
    eur(
        &b,
        "26.4.1",
        [("materiau", "resine"), ("element", "9_a_11_dents")],
        Offre::INTEGRALE,
        "350",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "8_a_11_dents")],
        Offre::INTEGRALE,
        "600",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "appareil_complet")],
        Offre::REFERENCE,
        "500",
        Unite::Prothese,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "resine"), ("element", "ajout_dent")],
        Offre::EQUILIBRE,
        "17.80",
        Unite::Dent,
    );
    eur(
        &b,
        "26.4.1",
        [("materiau", "metal"), ("element", "ajout_dent")],
        Offre::INITIALE,
        "9.67",
        Unite::Dent,
    );
    // 26.4.2 "38,70 € (1,2 ou 3 dents) puis 3,22 € / dent supplémentaire"; "183 € (8 à 14 dents)"
    let c = cellule(
        &b,
        "26.4.2",
        [("element", "transitoire"), ("dents", "8-14")],
        Offre::INITIALE,
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
        Offre::REFERENCE,
        "183",
        Unite::Prothese,
    );
    // 26.5.1 "518 € (dans la limite de 3 implants sur 2 années civiles)" (Intégrale)
    eur(&b, "26.5.1", [], Offre::INTEGRALE, "518", Unite::Implant);
    let c = cellule(&b, "26.5.1", [], Offre::INTEGRALE);
    assert_eq!(
        (c.limites[0].compteur, c.limites[0].max),
        (Compteur::Implants, 3)
    );
    assert_eq!(c.limites[0].periode, Periode::AnneesCiviles { n: 2 });
    let c = cellule(&b, "26.5.1", [], Offre::REFERENCE);
    assert_eq!(c.limites[0].max, 2);
    // 26.5.2 "122 € (max 2 couronnes sur 2 années civiles) puis 80 % BRSS"
    let c = cellule(&b, "26.5.2", [], Offre::REFERENCE);
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
    eur(&b, "26.5.2", [], Offre::INTEGRALE, "250", Unite::Couronne);
    eur(
        &b,
        "26.5.3",
        [],
        Offre::EQUILIBRE,
        "146.20",
        Unite::Prothese,
    );
    // 26.6 Référence column: "23 € / 80 % / 23 €", "46 € / 80 % / 46 €", "51,16 € / 5,16 € / 46 € / 61 €"
    eur(
        &b,
        "26.6.2",
        [
            ("materiau", "metal"),
            ("element", "reparation_remontage_1_element"),
        ],
        Offre::REFERENCE,
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
        Offre::INTEGRALE,
        "5.16",
        Unite::Element,
    );
    eur(&b, "26.6.3", [], Offre::REFERENCE, "46", Unite::Acte);
    eur(&b, "26.6.4", [], Offre::INTEGRALE, "61", Unite::Element);
    // Initiale column ends "Néant / 30%": rebasage Néant, facette 30 %.
    neant(&b, "26.6.3", [], Offre::INITIALE);
    pct(&b, "26.6.4", [], Offre::INITIALE, "30");
    // 26.7: "Néant Néant Néant" ×2 then "122 € 61 € 61 €" ×2
    eur(&b, "26.7.1", [], Offre::REFERENCE, "122", Unite::Acte);
    neant(&b, "26.7.3", [], Offre::EQUILIBRE);
    // 26.8.1.1 Equilibre column: "80 % / 96,75 € / 80,63 € / 86 €"
    pct(
        &b,
        "26.8.1.1",
        [("conventionne", "non"), ("element", "examens_prealables")],
        Offre::EQUILIBRE,
        "80",
    );
    eur(
        &b,
        "26.8.1.1",
        [("conventionne", "non"), ("element", "traitement_actif")],
        Offre::EQUILIBRE,
        "96.75",
        Unite::Semestre,
    );
    eur(
        &b,
        "26.8.1.1",
        [("conventionne", "non"), ("element", "contention_2e_annee")],
        Offre::EQUILIBRE,
        "86",
        Unite::An,
    );
    // 26.8.1.2 Référence: "90 % / 200 € / 145,13 € / 96,75 €"
    eur(
        &b,
        "26.8.1.2",
        [("conventionne", "non"), ("element", "contention_1re_annee")],
        Offre::REFERENCE,
        "145.13",
        Unite::An,
    );
    let actif = [
        ("conventionne", "non"),
        ("element", "traitement_actif"),
        ("debut", "apres_16_ans"),
    ];
    eur(
        &b,
        "26.8.1.2",
        actif,
        Offre::INITIALE,
        "38.70",
        Unite::Semestre,
    );
    assert_eq!(
        cellule(&b, "26.8.1.2", actif, Offre::INITIALE).limites[0].max,
        4
    );
    // 26.8.2.1 "296,60 € / 109,15 €" (Initiale), "350 € / 109,15 €" (Référence)
    eur(
        &b,
        "26.8.2.1",
        [("conventionne", "oui"), ("element", "traitement_actif")],
        Offre::REFERENCE,
        "350",
        Unite::Semestre,
    );
    // 26.8.2.2 "338 € / 219,70 €" ×4
    eur(
        &b,
        "26.8.2.2",
        [("conventionne", "oui"), ("element", "contention_1re_annee")],
        Offre::INTEGRALE,
        "219.70",
        Unite::An,
    );
    // 26.9 Intégrale "400 € / an / 183 €", Initiale "Néant / 28,92 €"
    eur(
        &b,
        "26.9",
        [("element", "forfait_parodontie")],
        Offre::INTEGRALE,
        "400",
        Unite::An,
    );
    neant(
        &b,
        "26.9",
        [("element", "forfait_parodontie")],
        Offre::REFERENCE,
    );
    eur(
        &b,
        "26.9",
        [("element", "attelle_contention")],
        Offre::INITIALE,
        "28.92",
        Unite::Acte,
    );
}

#[test]
fn appareillages_audioprotheses_protheses() {
    let b = bareme();
    // "27. Accessoires et pansements … 40 % 40 % 40 % 40 %"
    pct(&b, "27", [], Offre::EQUILIBRE, "40");
    // "28. Semelles orthopédiques … Néant 130 % 130 % 250 %"
    neant(&b, "28", [], Offre::INITIALE);
    pct(&b, "28", [], Offre::INTEGRALE, "250");
    // 29: "560 € 660 € 560 € 660 € 650 € 750 € 650 € 750 €" (< 20 ans, hors / dans réseau)
    eur(
        &b,
        "29",
        [("age", "<20"), ("reseau", "oui")],
        Offre::INITIALE,
        "660",
        Unite::Appareil,
    );
    eur(
        &b,
        "29",
        [("age", ">=20"), ("cecite", "oui"), ("reseau", "non")],
        Offre::REFERENCE,
        "650",
        Unite::Appareil,
    );
    // "350 € 450 € 350 € 450 € 550 € 650 € 550 € 650 €", 2 appareils par an puis TM
    let adulte = [("age", ">=20"), ("cecite", "non"), ("reseau", "oui")];
    eur(&b, "29", adulte, Offre::EQUILIBRE, "450", Unite::Appareil);
    let c = cellule(&b, "29", adulte, Offre::INTEGRALE);
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
        Offre::REFERENCE,
        "50",
        Unite::An,
    );
    // 30: Initiale "Néant", Référence "145 € 328 € 412 € 298 € 130 €"
    neant(
        &b,
        "30",
        [("element", "renouvellement_avec_moulage")],
        Offre::INITIALE,
    );
    eur(
        &b,
        "30",
        [("element", "renouvellement_avec_moulage")],
        Offre::REFERENCE,
        "412",
        Unite::Prothese,
    );
    eur(
        &b,
        "30",
        [("element", "verre")],
        Offre::INTEGRALE,
        "130",
        Unite::Prothese,
    );
    // 31: "40 % / Néant", "40 % / Néant", "130 € / 130 € par année civile" ×2
    pct(&b, "31.1", [], Offre::EQUILIBRE, "40");
    eur(&b, "31.1", [], Offre::REFERENCE, "130", Unite::Prothese);
    eur(
        &b,
        "31.2",
        [("element", "autres_produits")],
        Offre::INTEGRALE,
        "130",
        Unite::An,
    );
    neant(
        &b,
        "31.2",
        [("element", "support_double_face")],
        Offre::INITIALE,
    );
    // "•  Postiches et perruques 40 % 40 % 185 % 185 %"
    pct(&b, "32", [], Offre::REFERENCE, "185");
}

#[test]
fn cures_transports_amniocentese() {
    let b = bareme();
    // "33. Frais de surveillance médicale … 30 % 30 % 30 % 30 %"
    pct(&b, "33", [], Offre::INITIALE, "30");
    // "34. … 35 % du forfait thermal" ×4
    pct(&b, "34", [], Offre::EQUILIBRE, "35");
    // "35. Frais d'hébergement (par cure) Néant 100 € 75 € 150 €"
    neant(&b, "35", [], Offre::INITIALE);
    eur(&b, "35", [], Offre::EQUILIBRE, "100", Unite::Cure);
    eur(&b, "35", [], Offre::REFERENCE, "75", Unite::Cure);
    // "36. Frais de transport … 35 % 35 % 35 % 35 %"
    pct(&b, "36", [], Offre::INTEGRALE, "35");
    // "37. Amniocentèse  Néant 183 € 183 € 183 €"
    neant(&b, "37", [], Offre::INITIALE);
    eur(&b, "37", [], Offre::INTEGRALE, "183", Unite::Acte);
}
