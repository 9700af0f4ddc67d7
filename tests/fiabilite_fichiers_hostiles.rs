//! Hostile situation files for `guichet historique enregistrer` (issue 8):
//! huge, deeply nested, not UTF-8, duplicate keys, absurd numbers, impossible
//! dates. Each is refused with a precise French message (exit 2) and the
//! database file is byte for byte unchanged.

mod historique_commun;

use historique_commun::*;

#[test]
fn each_hostile_file_is_refused_precisely_and_the_database_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("guichet.db");
    let bon = ecrire(dir.path(), "bon.json", situation(5));
    enregistrer(&db, &bon, &[]);
    let avant = std::fs::read(&db).unwrap();

    let mut enorme = br#"{"date_soins": "2026-03-14", "note": ""#.to_vec();
    enorme.resize(5 * 1024 * 1024, b'a');
    enorme.extend_from_slice(b"\"}");
    let profond = format!(
        r#"{{"date_soins": "2026-03-14", "actes": {}{}}}"#,
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let mut latin1 = br#"{"date_soins": "2026-03-14", "note": "lunettes pour No"#.to_vec();
    latin1.push(0xeb); // "ë" in Latin-1
    latin1.extend_from_slice(b"l\"}");

    let cas: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "enorme.json",
            enorme,
            "fichier trop volumineux : 5242882 octets, au plus 1048576 octets",
        ),
        (
            "profond.json",
            profond.into_bytes(),
            "imbrication trop profonde à « actes[0][0]",
        ),
        // 54 bytes before the "ë": {"date_soins": (15) "2026-03-14" (12) ,␠ (2)
        // "note" (6) :␠ (2) " (1) lunettes pour No (16); so it is byte n° 55.
        ("latin1.json", latin1, "n'est pas du texte UTF-8 : octet n° 55"),
        (
            "double.json",
            br#"{"date_soins": "2026-03-14",
 "actes": [{"code": "monture", "frais_reels": "120.00", "frais_reels": "12.00"}]}"#
                .to_vec(),
            "champ « frais_reels » en double dans « actes[0] » (ligne 2)",
        ),
        (
            "exposant.json",
            br#"{"date_soins": "2026-03-14", "actes": [{"quantite": 1e300}]}"#.to_vec(),
            "champ « actes[0].quantite » : nombre 1e300 refusé, la notation avec exposant",
        ),
        (
            "zero-negatif.json",
            br#"{"date_soins": "2026-03-14", "actes": [{"quantite": -0}]}"#.to_vec(),
            "champ « actes[0].quantite » : nombre -0 refusé, zéro négatif",
        ),
        (
            "decimales.json",
            br#"{"date_soins": "2026-03-14", "taux": 0.123456789012345678901234567890}"#.to_vec(),
            "champ « taux » : nombre 0.123456789012345678901234567890 refusé, 30 décimales, au plus 6",
        ),
        (
            "nan.json",
            br#"{"date_soins": "2026-03-14", "actes": [{"frais_reels": "NaN"}]}"#.to_vec(),
            "champ « actes[0].frais_reels » : « NaN » n'est pas un nombre utilisable",
        ),
        (
            "infini.json",
            br#"{"date_soins": "2026-03-14", "actes": [{"frais_reels": "-Infinity"}]}"#.to_vec(),
            "« -Infinity » n'est pas un nombre utilisable",
        ),
        (
            "chaine-decimales.json",
            br#"{"date_soins": "2026-03-14", "actes": [{"frais_reels": "480.000000000000000000000000000001"}]}"#
                .to_vec(),
            "champ « actes[0].frais_reels » : nombre 480.000000000000000000000000000001 refusé, 30 décimales",
        ),
        (
            "demesure.json",
            br#"{"date_soins": "2026-03-14", "actes": [{"frais_reels": 99999999999999999999}]}"#
                .to_vec(),
            "nombre démesuré (20 chiffres avant la virgule, au plus 9)",
        ),
        (
            "date-zero.json",
            br#"{"date_soins": "0000-00-00"}"#.to_vec(),
            "champ « date_soins » : date impossible « 0000-00-00 »",
        ),
        (
            "date-30-fevrier.json",
            br#"{"date_soins": "2026-03-14", "adherent": {"date_naissance": "1986-02-30"}}"#
                .to_vec(),
            "champ « adherent.date_naissance » : date impossible « 1986-02-30 »",
        ),
        ("vide.json", b"".to_vec(), "le fichier est vide"),
        (
            "liste.json",
            b"[{\"date_soins\": \"2026-03-14\"}]".to_vec(),
            "le document doit être un objet JSON { … }, pas une liste",
        ),
        (
            "coupe.json",
            br#"{"date_soins": "2026-03-14", "actes": [{"code": "monture""#.to_vec(),
            // The text is 57 characters long; the end comes right after.
            "JSON invalide ligne 1, colonne 57 : fin du fichier inattendue",
        ),
        (
            "binaire.json",
            vec![0x7f, b'E', b'L', b'F', 0, 0, 0, 1],
            "JSON invalide ligne 1, colonne 1",
        ),
    ];
    for (nom, contenu, attendu) in cas {
        let f = ecrire(dir.path(), nom, &contenu);
        let o = guichet(&db, &["historique", "enregistrer", f.to_str().unwrap()]);
        let err = echec(&o, 2);
        assert!(
            err.starts_with(&format!("guichet : fichier {} : ", f.display())),
            "{nom} : {err}"
        );
        assert!(err.contains(attendu), "{nom} : {err}");
        assert_eq!(stdout(&o), "", "{nom}");
        assert_eq!(std::fs::read(&db).unwrap(), avant, "{nom} : base modifiée");
    }
    let page: serde_json::Value =
        serde_json::from_str(&ok(&guichet(&db, &["historique", "lister"]))).unwrap();
    assert_eq!(page["total"], 1);
}
