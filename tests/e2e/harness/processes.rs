//! The processes behind one end-to-end session: a private Xvfb display and
//! one tauri-driver (which starts WebKitWebDriver, which starts `guichet`).
//! Everything is stopped politely (SIGTERM, never SIGKILL first), and the
//! app is found through the process tree so that nothing outlives a test.

use super::{fail, Result};
use std::collections::HashMap;
use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Size of the virtual screen, the size the window is designed for.
pub const SCREEN: &str = "1366x768x24";

/// A private X display (Xvfb), or the one named by `GUICHET_E2E_DISPLAY`
/// to watch a run on a real screen.
pub struct Display {
    pub name: String,
    child: Option<Child>,
}

impl Display {
    pub fn start(log: &Path) -> Result<Display> {
        if let Some(name) = std::env::var_os("GUICHET_E2E_DISPLAY").filter(|v| !v.is_empty()) {
            return Ok(Display {
                name: name.to_string_lossy().into_owned(),
                child: None,
            });
        }
        // A display number is free when neither its lock file nor its socket
        // exists; two runs racing for one make the loser's Xvfb exit, and it
        // tries the next number.
        for n in 90..190 {
            let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
            if Path::new(&format!("/tmp/.X{n}-lock")).exists() || socket.exists() {
                continue;
            }
            let mut child = Command::new("Xvfb")
                .arg(format!(":{n}"))
                .args(["-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(File::create(log)?)
                .spawn()
                .map_err(|e| fail(format!("Xvfb ne démarre pas ({e}) : scripts/setup.sh")))?;
            let deadline = Instant::now() + Duration::from_secs(10);
            while Instant::now() < deadline {
                if child.try_wait()?.is_some() {
                    break;
                }
                if socket.exists() {
                    return Ok(Display {
                        name: format!(":{n}"),
                        child: Some(child),
                    });
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            terminate(&mut child, Duration::from_secs(2));
        }
        Err(fail("aucun écran Xvfb libre entre :90 et :189"))
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            terminate(child, Duration::from_secs(3));
        }
    }
}

/// One tauri-driver on two free loopback ports, its output in a log file.
pub struct Driver {
    pub port: u16,
    child: Option<Child>,
}

impl Driver {
    pub fn start(display: &Display, home: &Path, log: &Path) -> Result<Driver> {
        // Free ports rather than the fixed 4444/4445: a WebKitWebDriver left
        // behind by an earlier crash can then never answer in our place.
        let port = free_port()?;
        let native_port = free_port()?;
        let out = File::create(log)?;
        let mut command = Command::new(tauri_driver_path());
        command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("DISPLAY", &display.name)
            .env("GDK_BACKEND", "x11")
            .env_remove("WAYLAND_DISPLAY")
            .env_remove("GUICHET_DB")
            // The app, WebKit and GTK write only under the test's own folder.
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .stdin(Stdio::null())
            .stdout(out.try_clone()?)
            .stderr(out);
        let child = command.spawn().map_err(|e| {
            fail(format!(
                "tauri-driver ne démarre pas ({e}) : lancez scripts/setup.sh"
            ))
        })?;
        let mut driver = Driver {
            port,
            child: Some(child),
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Some(status) = driver
                .child
                .as_mut()
                .and_then(|c| c.try_wait().ok())
                .flatten()
            {
                return Err(fail(format!(
                    "tauri-driver s'est arrêté ({status}) ; voir {}",
                    log.display()
                )));
            }
            if listening(port) && listening(native_port) {
                return Ok(driver);
            }
            if Instant::now() > deadline {
                return Err(fail(format!(
                    "tauri-driver n'écoute pas après 15 s ; voir {}",
                    log.display()
                )));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The processes below tauri-driver whose executable is `exe` (the app).
    pub fn running(&self, exe: &Path) -> Vec<u32> {
        let Some(child) = self.child.as_ref() else {
            return Vec::new();
        };
        descendants_of(child.id())
            .into_iter()
            .filter(|pid| {
                std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|p| p == exe)
                    && alive(*pid)
            })
            .collect()
    }

    /// Stops tauri-driver with SIGTERM (it then stops WebKitWebDriver), then
    /// every process it had started that is still alive (the app itself, if
    /// the session was not closed).
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        let descendants = descendants_of(child.id());
        terminate(&mut child, Duration::from_secs(5));
        for pid in descendants {
            terminate_pid(pid, Duration::from_secs(5));
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

fn tauri_driver_path() -> PathBuf {
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|d| d.join("bin/tauri-driver"));
    match in_cargo_home {
        Some(p) if p.exists() => p,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

fn listening(port: u16) -> bool {
    TcpStream::connect_timeout(
        &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_millis(200),
    )
    .is_ok()
}

/// SIGTERM, wait up to `grace`, and only then SIGKILL.
fn terminate(child: &mut Child, grace: Duration) {
    if matches!(child.try_wait(), Ok(Some(_))) {
        return;
    }
    signal(child.id(), "TERM");
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// Same as [`terminate`] for a process that is not our child (reaped by init).
fn terminate_pid(pid: u32, grace: Duration) {
    if !alive(pid) {
        return;
    }
    signal(pid, "TERM");
    let deadline = Instant::now() + grace;
    while Instant::now() < deadline {
        if !alive(pid) {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    signal(pid, "KILL");
}

/// SIGKILL at once, as a crash or a power cut would stop the process:
/// nothing of it runs afterwards. Only for the app under test.
pub fn kill_now(pid: u32) {
    signal(pid, "KILL");
}

fn signal(pid: u32, name: &str) {
    let _ = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(pid.to_string())
        .stderr(Stdio::null())
        .status();
}

/// Alive and not a zombie.
pub fn alive(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Ok(stat) => stat_fields(&stat)
            .map(|(state, _)| state != "Z")
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// (state, parent pid) from the text of /proc/PID/stat.
fn stat_fields(stat: &str) -> Option<(&str, u32)> {
    // The command name sits in parentheses and may contain spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let mut fields = rest.split(' ');
    let state = fields.next()?;
    let ppid = fields.next()?.parse().ok()?;
    Some((state, ppid))
}

/// Every process below `root` in the process tree, children first.
fn descendants_of(root: u32) -> Vec<u32> {
    let mut children: HashMap<u32, Vec<u32>> = HashMap::new();
    if let Ok(entries) = std::fs::read_dir("/proc") {
        for entry in entries.flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|s| s.parse().ok()) else {
                continue;
            };
            if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
                if let Some((_, ppid)) = stat_fields(&stat) {
                    children.entry(ppid).or_default().push(pid);
                }
            }
        }
    }
    let mut out = Vec::new();
    let mut todo = vec![root];
    while let Some(pid) = todo.pop() {
        for &c in children.get(&pid).into_iter().flatten() {
            out.push(c);
            todo.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::stat_fields;

    #[test]
    fn stat_line_with_spaces_in_the_name() {
        let line = "4242 (Web Content) S 17 4242 17 0 -1";
        assert_eq!(stat_fields(line), Some(("S", 17)));
    }
}
