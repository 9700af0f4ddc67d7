//! The webview's attack surface, read from the files that define it: the
//! capabilities may grant only the app's own commands (declared in build.rs),
//! and the CSP may name no remote origin.

use std::collections::BTreeSet;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The command names listed in `COMMANDS` of src-tauri/build.rs.
fn declared_commands() -> BTreeSet<String> {
    let build_rs = std::fs::read_to_string(Path::new(ROOT).join("src-tauri/build.rs")).unwrap();
    let start = build_rs
        .find("const COMMANDS")
        .expect("COMMANDS dans build.rs");
    let list = &build_rs[start..];
    let open = list.find("= &[").expect("COMMANDS = &[...]") + 4;
    let close = list.find("];").unwrap();
    list[open..close]
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn capabilities_grant_only_our_own_commands() {
    let commands = declared_commands();
    assert!(commands.contains("app_info"), "{commands:?}");
    let allowed: BTreeSet<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    let dir = Path::new(ROOT).join("src-tauri/capabilities");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let cap: serde_json::Value = serde_json::from_str(&text).unwrap();
        files += 1;
        let obj = cap.as_object().unwrap();
        for key in obj.keys() {
            assert!(
                [
                    "identifier",
                    "description",
                    "windows",
                    "permissions",
                    "$schema"
                ]
                .contains(&key.as_str()),
                "{}: clé non autorisée « {key} » (ex. remote, webviews, platforms)",
                path.display()
            );
        }
        assert_eq!(
            cap["windows"],
            serde_json::json!(["main"]),
            "{}",
            path.display()
        );
        for p in cap["permissions"].as_array().unwrap() {
            let p = p.as_str().unwrap_or_else(|| {
                panic!("{}: permission avec portée refusée : {p}", path.display())
            });
            assert!(
                allowed.contains(p),
                "{}: « {p} » n'est pas une commande de Guichet (core:*, plugins et deny-* interdits)",
                path.display()
            );
        }
    }
    assert!(files >= 1, "aucune capability dans {}", dir.display());
}

#[test]
fn every_declared_command_is_permitted_and_registered() {
    let caps =
        std::fs::read_to_string(Path::new(ROOT).join("src-tauri/capabilities/main.json")).unwrap();
    let handlers =
        std::fs::read_to_string(Path::new(ROOT).join("src-tauri/commands/mod.rs")).unwrap();
    for c in declared_commands() {
        let perm = format!("\"allow-{}\"", c.replace('_', "-"));
        assert!(
            caps.contains(&perm),
            "permission {perm} absente de main.json"
        );
        assert!(
            handlers.contains(&c),
            "commande {c} absente de generate_handler!"
        );
    }
}

#[test]
fn csp_names_no_remote_origin() {
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(ROOT).join("tauri.conf.json")).unwrap(),
    )
    .unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_object()
        .expect("CSP structurée dans tauri.conf.json");
    assert_eq!(csp["default-src"], "'self'");
    assert!(
        csp.contains_key("script-src"),
        "script-src doit être explicite"
    );
    for (directive, sources) in csp {
        for source in sources.as_str().unwrap().split_whitespace() {
            let ok = matches!(
                source,
                "'self'" | "'none'" | "ipc:" | "http://ipc.localhost"
            ) || (directive == "style-src" && source == "'unsafe-inline'")
                || (directive == "img-src" && source == "data:");
            assert!(ok, "CSP {directive} : source « {source} » non autorisée");
        }
    }
    assert_ne!(conf["app"]["withGlobalTauri"], true);
}

#[test]
fn built_ui_references_no_remote_resource() {
    // The built page (ui/dist) must load nothing from the network.
    let dist = Path::new(ROOT).join("ui/dist");
    let mut checked = 0;
    for entry in walk(&dist) {
        let ext = entry.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !["html", "js", "css"].contains(&ext) {
            continue;
        }
        let text = std::fs::read_to_string(&entry).unwrap();
        for pattern in [
            "src=\"http",
            "href=\"http",
            "url(http",
            "url(\"http",
            "@import \"http",
            "fonts.googleapis",
            "cdn.",
        ] {
            assert!(
                !text.contains(pattern),
                "{} contient « {pattern} »",
                entry.display()
            );
        }
        checked += 1;
    }
    assert!(
        checked >= 2,
        "ui/dist doit être construit avant les tests ({checked} fichiers)"
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}
