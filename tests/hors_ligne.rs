//! Offline proof: the CLI and the desktop app open no network socket. Every
//! `socket()` call of the process tree is traced with strace; only local
//! (AF_UNIX) sockets — the IPC between the app and its WebKit processes and
//! the X display — and AF_NETLINK (a channel to the local kernel, which
//! GLib's network monitor opens to read the interface list; it sends nothing
//! out of the machine) are allowed. Any AF_INET/AF_INET6/AF_PACKET socket fails. The CLI is also run in a network namespace
//! that has nothing but loopback, where it must work unchanged.

use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_guichet");

/// The socket families opened, as strace prints them (`AF_UNIX`, `AF_INET`…).
fn socket_families(trace: &str) -> Vec<String> {
    trace
        .lines()
        .filter_map(|l| l.split("socket(").nth(1))
        .map(|rest| rest.split(',').next().unwrap_or("").trim().to_string())
        .collect()
}

fn assert_only_local(trace: &str, what: &str) {
    let families = socket_families(trace);
    let remote: Vec<&String> = families
        .iter()
        .filter(|f| !matches!(f.as_str(), "AF_UNIX" | "AF_NETLINK"))
        .collect();
    assert!(
        remote.is_empty(),
        "{what} a ouvert des sockets non locales : {remote:?}\n{trace}"
    );
    assert!(
        !trace.contains("AF_INET"),
        "{what} : connexion réseau tentée\n{trace}"
    );
}

#[test]
fn cli_opens_no_network_socket() {
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("trace.txt");
    let db = dir.path().join("g.db");
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=socket,connect", "-o"])
        .arg(&trace)
        .arg(BIN)
        .arg("--db")
        .arg(&db)
        .arg("base")
        .status()
        .expect("strace doit être installé (scripts/setup.sh)");
    assert!(status.success());
    assert_only_local(&std::fs::read_to_string(&trace).unwrap(), "la CLI");
    assert!(db.exists());
}

#[test]
fn cli_works_in_a_namespace_without_network() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("g.db");
    let out = Command::new("unshare")
        .args(["--net", "--"])
        .arg(BIN)
        .arg("--db")
        .arg(&db)
        .arg("base")
        .output()
        .expect("unshare");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["schema"].as_i64(),
        Some(guichet::store::latest_schema_version())
    );
}

#[test]
fn desktop_app_opens_no_network_socket() {
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("trace.txt");
    let db = dir.path().join("g.db");
    // Start the window under Xvfb and strace, let it paint and settle, then stop it.
    let script = format!(
        "strace -f -qq -e trace=socket,connect -o '{trace}' timeout -s TERM 8 '{bin}' --db '{db}'; exit 0",
        trace = trace.display(),
        bin = BIN,
        db = db.display()
    );
    let status = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1366x768x24", "sh", "-c", &script])
        .env("GUICHET_MESURES", "1")
        .status()
        .expect("xvfb-run doit être installé (scripts/setup.sh)");
    assert!(status.success());
    let text = std::fs::read_to_string(&trace).unwrap();
    // The app really started: it opened its database and WebKit's IPC sockets.
    assert!(Path::new(&db).exists(), "l'application n'a pas démarré");
    assert!(
        socket_families(&text)
            .iter()
            .filter(|f| *f == "AF_UNIX")
            .count()
            >= 2,
        "trace trop courte, l'application a-t-elle démarré ?\n{text}"
    );
    assert_only_local(&text, "l'application");
}
