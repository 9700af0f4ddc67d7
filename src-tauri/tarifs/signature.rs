//! Signed tariff files: a barème file may end with one line
//! `# signature-ed25519: <128 hex digits>`, the ed25519 signature, by the
//! national office, of every byte before that line. The office's public key
//! ships with the app (`assets/cles/office-national.pub`); its private key
//! never leaves the office (`guichet bareme signer` is the office's tool).
//!
//! A file without the line is "non signé"; a file whose signature does not
//! verify (one digit changed anywhere) is "signature invalide".

pub use ed25519_dalek::VerifyingKey;
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier};

/// The mention carried by a barème imported without a valid signature.
pub const MENTION_NON_SIGNE: &str = "barème non signé";

/// The marker of the signature line (a TOML comment, so a signed file still
/// parses as the same barème).
pub const MARQUEUR: &str = "# signature-ed25519: ";

/// The office's public key shipped with the app, hex.
pub const CLE_OFFICE_HEX: &str = include_str!("../../assets/cles/office-national.pub");

/// What the signature check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EtatSignature {
    /// Signed by the given key, and the content is intact.
    Valide,
    /// No signature line.
    NonSigne,
    /// A signature line that does not verify: tampered or signed by someone else.
    Invalide(String),
}

impl EtatSignature {
    /// The mark printed on estimates made with such a barème, if any.
    pub fn mention(&self) -> Option<&'static str> {
        match self {
            EtatSignature::Valide => None,
            EtatSignature::NonSigne | EtatSignature::Invalide(_) => Some(MENTION_NON_SIGNE),
        }
    }
}

/// Splits a file into (signed content, signature hex) when it ends with a
/// signature line.
fn separer(octets: &[u8]) -> Option<(&[u8], &str)> {
    let texte = std::str::from_utf8(octets).ok()?;
    let corps = texte.trim_end_matches(['\n', '\r']);
    let debut = corps.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let derniere = &corps[debut..];
    let hex = derniere.strip_prefix(MARQUEUR)?;
    Some((&octets[..debut], hex.trim()))
}

fn depuis_hex<const N: usize>(hex: &str) -> Option<[u8; N]> {
    let hex = hex.trim();
    if hex.len() != 2 * N || !hex.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

fn en_hex(octets: &[u8]) -> String {
    octets.iter().map(|b| format!("{b:02x}")).collect()
}

/// The office's public key.
pub fn cle_office() -> VerifyingKey {
    let octets =
        depuis_hex::<32>(CLE_OFFICE_HEX).expect("clé publique livrée : 64 chiffres hexadécimaux");
    VerifyingKey::from_bytes(&octets).expect("clé publique livrée valide")
}

/// Checks the file's signature against `cle`.
pub fn verifier(octets: &[u8], cle: &VerifyingKey) -> EtatSignature {
    let Some((contenu, hex)) = separer(octets) else {
        return EtatSignature::NonSigne;
    };
    let Some(sig) = depuis_hex::<64>(hex) else {
        return EtatSignature::Invalide(
            "la ligne de signature ne contient pas 128 chiffres hexadécimaux".into(),
        );
    };
    match cle.verify(contenu, &Signature::from_bytes(&sig)) {
        Ok(()) => EtatSignature::Valide,
        Err(_) => EtatSignature::Invalide(
            "la signature ne correspond pas au contenu : fichier modifié après signature, ou signé par une autre clé"
                .into(),
        ),
    }
}

/// Reads a private key file (64 hex digits, the 32-byte seed).
pub fn lire_cle_privee(texte: &str) -> Result<SigningKey, String> {
    depuis_hex::<32>(texte)
        .map(|b| SigningKey::from_bytes(&b))
        .ok_or_else(|| "clé privée : 64 chiffres hexadécimaux attendus".to_string())
}

/// The public key of a private key, hex (to publish).
pub fn cle_publique_hex(cle: &SigningKey) -> String {
    en_hex(cle.verifying_key().as_bytes())
}

/// Signs a barème file: any previous signature line is replaced.
pub fn signer(octets: &[u8], cle: &SigningKey) -> Vec<u8> {
    let contenu = match separer(octets) {
        Some((c, _)) => c.to_vec(),
        None => {
            let mut c = octets.to_vec();
            if !c.is_empty() && !c.ends_with(b"\n") {
                c.push(b'\n');
            }
            c
        }
    };
    let sig = cle.sign(&contenu);
    let mut out = contenu;
    out.extend_from_slice(MARQUEUR.as_bytes());
    out.extend_from_slice(en_hex(&sig.to_bytes()).as_bytes());
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cle_de_test(graine: u8) -> SigningKey {
        SigningKey::from_bytes(&[graine; 32])
    }

    const FICHIER: &[u8] =
        "nom = \"Barème test\"\nen_vigueur_le = 2019-01-01\n# montant 33,00 €\n".as_bytes();

    #[test]
    fn a_signed_file_verifies() {
        let cle = cle_de_test(7);
        let signe = signer(FICHIER, &cle);
        assert!(signe.starts_with(FICHIER));
        assert_eq!(
            verifier(&signe, &cle.verifying_key()),
            EtatSignature::Valide
        );
    }

    #[test]
    fn changing_one_digit_is_detected() {
        let cle = cle_de_test(7);
        let mut signe = signer(FICHIER, &cle);
        let pos = signe.windows(2).position(|w| w == b"33").unwrap();
        signe[pos] = b'4';
        assert!(matches!(
            verifier(&signe, &cle.verifying_key()),
            EtatSignature::Invalide(_)
        ));
    }

    #[test]
    fn another_key_is_refused() {
        let signe = signer(FICHIER, &cle_de_test(7));
        assert!(matches!(
            verifier(&signe, &cle_de_test(8).verifying_key()),
            EtatSignature::Invalide(_)
        ));
    }

    #[test]
    fn unsigned_and_malformed_signatures() {
        let cle = cle_de_test(7).verifying_key();
        assert_eq!(verifier(FICHIER, &cle), EtatSignature::NonSigne);
        assert_eq!(EtatSignature::NonSigne.mention(), Some("barème non signé"));
        let mut faux = FICHIER.to_vec();
        faux.extend_from_slice(b"# signature-ed25519: zz\n");
        assert!(matches!(verifier(&faux, &cle), EtatSignature::Invalide(_)));
        assert!(verifier(b"\xff\xfe", &cle) == EtatSignature::NonSigne);
    }

    #[test]
    fn resigning_replaces_the_old_signature() {
        let cle = cle_de_test(9);
        let une = signer(FICHIER, &cle_de_test(7));
        let deux = signer(&une, &cle);
        assert_eq!(
            deux.iter().filter(|b| **b == b'#').count(),
            2,
            "un commentaire + une signature"
        );
        assert_eq!(verifier(&deux, &cle.verifying_key()), EtatSignature::Valide);
    }

    #[test]
    fn shipped_public_key_is_well_formed() {
        let _ = cle_office();
    }
}
