//! The format page (`docs/format-bareme.md`, issue 19): every example it
//! shows is read by the same reader as an import, after the page's own
//! header example — so the page cannot drift from what Guichet accepts.

use guichet::tarifs::parse_bareme;

/// The ```toml blocks of the page, in order.
fn exemples() -> Vec<String> {
    let page = include_str!("../docs/format-bareme.md");
    page.split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap().to_string())
        .collect()
}

/// An example that declares its own offers (`[[offres]]`, section 2 bis)
/// stands alone: its cells are named by its codes, not the 2018 ones.
fn declare_ses_offres(bloc: &str) -> bool {
    bloc.contains("[[offres]]")
}

#[test]
fn every_example_of_the_format_page_reads() {
    let blocs = exemples();
    assert!(blocs.len() >= 7, "{} exemples", blocs.len());
    let (entete, tous) = blocs.split_first().unwrap();
    assert!(entete.starts_with("[bareme]"), "{entete}");
    let (avec_offres, lignes): (Vec<String>, Vec<String>) =
        tous.iter().cloned().partition(|b| declare_ses_offres(b));
    // Section 2 bis: three offers declared, in their order, with their
    // names; the line has their three cells.
    assert_eq!(avec_offres.len(), 1);
    let trois = parse_bareme("offres", &format!("{entete}\n{}", avec_offres[0]))
        .unwrap_or_else(|e| panic!("exemple des offres : {e}"));
    let offres: Vec<(&str, &str)> = trois
        .offres
        .iter()
        .map(|o| (o.code.code(), o.libelle.as_str()))
        .collect();
    assert_eq!(
        offres,
        [
            ("essentielle", "MGEN Essentielle"),
            ("equilibre_plus", "MGEN Équilibre Plus"),
            ("integrale_plus", "MGEN Intégrale Plus")
        ]
    );
    let cases: Vec<&str> = trois.lignes[0]
        .cellules
        .values()
        .map(|c| c.texte.as_str())
        .collect();
    assert_eq!(cases, ["30 %", "40 %", "60 %"]);
    for (i, b) in lignes.iter().enumerate() {
        let texte = format!("{entete}\n{b}");
        let bareme = parse_bareme(&format!("exemple {}", i + 2), &texte)
            .unwrap_or_else(|e| panic!("exemple {} : {e}\n{b}", i + 2));
        assert_eq!(bareme.lignes.len(), 1);
    }
    let tout = format!("{entete}\n{}", lignes.join("\n"));
    let bareme = parse_bareme("toute la page", &tout).unwrap();
    assert_eq!(bareme.nom, "MGEN Annexe 2 — 2027");
    assert_eq!(bareme.lignes.len(), lignes.len());
}

#[test]
fn a_changed_example_is_refused_with_its_line() {
    let blocs = exemples();
    let faux = format!(
        "{}\n{}",
        blocs[0],
        blocs[1].replace("\"35 %\"", "\"35 pourcents\"")
    );
    let e = parse_bareme("exemple faux", &faux).unwrap_err().to_string();
    assert!(e.contains("exemple faux, ligne "), "{e}");
}
