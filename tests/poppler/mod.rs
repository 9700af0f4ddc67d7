//! Shared by the tests that read a printed PDF back: poppler's command-line
//! tools (`pdftotext`, `pdfinfo`, `pdffonts`; the `poppler-utils` package
//! that `scripts/setup-test.sh` installs) run on rendered bytes or on a
//! written file, their standard output returned as text.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::Command;

/// Runs a poppler tool on `pdf` (written to a temporary file) and returns
/// its standard output.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile()
        .expect("fichier temporaire");
    file.write_all(pdf).expect("écriture du PDF");
    poppler_fichier(tool, args, file.path())
}

/// Runs a poppler tool on the PDF file at `path`.
pub fn poppler_fichier(tool: &str, args: &[&str], path: &Path) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(path);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) doit être installé : {e}"));
    assert!(
        out.status.success(),
        "{tool} a échoué sur {} : {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("sortie UTF-8")
}

/// `pdftotext -layout` of the whole document, pages separated by form feeds.
pub fn text_layout(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-layout", "-enc", "UTF-8"], pdf)
}

/// `pdftotext -layout` of a written PDF file.
pub fn text_layout_file(path: &Path) -> String {
    poppler_fichier("pdftotext", &["-layout", "-enc", "UTF-8"], path)
}
