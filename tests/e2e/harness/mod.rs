//! The end-to-end harness: [`journey`] starts the real `guichet` binary on a
//! fresh database, under a private Xvfb display, through tauri-driver and
//! WebKitWebDriver, hands an [`App`] to the journey, and always tears
//! everything down, also when the journey fails or panics.
//!
//! A new journey is one `#[tokio::test]` calling [`journey`] with a name (its
//! screenshots go to `artifacts/e2e/<name>/`) and an async closure that uses
//! the [`App`] helpers.

mod axe;
mod processes;

use fantoccini::{elements::Element, Client, ClientBuilder, Locator};
use processes::{Display, Driver};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Result<T = ()> = std::result::Result<T, Error>;

/// A failure with a message that says what was expected.
pub fn fail(message: impl Into<String>) -> Error {
    message.into().into()
}

/// `ensure!(condition, "format", args…)`: returns an error from the journey
/// when the condition is false.
#[macro_export]
macro_rules! ensure {
    ($cond:expr, $($msg:tt)+) => {
        let holds: bool = $cond;
        if !holds {
            return Err($crate::harness::fail(format!($($msg)+)));
        }
    };
}

/// How long the page may take to show its first frame.
const START_TIMEOUT: Duration = Duration::from_secs(30);
/// How long an element may take to appear after an action.
const STEP_TIMEOUT: Duration = Duration::from_secs(10);
/// WebKit may hand back the previous frame right after a DOM change.
const SETTLE: Duration = Duration::from_millis(500);

/// Runs one journey against a freshly started app, then tears it down.
/// Panics (fails the test) with the journey's error, after saving a
/// screenshot `echec.png` of the window as it was.
pub async fn journey(name: &str, steps: impl AsyncFnOnce(&mut App) -> Result) {
    let mut app = match App::start(name).await {
        Ok(app) => app,
        Err(e) => panic!("{name} : l'application n'a pas démarré : {e}"),
    };
    let outcome = steps(&mut app).await;
    if outcome.is_err() {
        let _ = app.screenshot("echec").await;
    }
    let artifacts = app.artifacts.clone();
    app.close().await;
    if let Err(e) = outcome {
        panic!(
            "{name} : {e}\n(captures et journaux dans {})",
            artifacts.display()
        );
    }
}

/// The running app and its WebDriver client. Dropping it stops every process.
pub struct App {
    client: Option<Client>,
    /// The database file the app was started with (fresh, in a temp folder).
    pub db: PathBuf,
    /// Where this journey's screenshots and logs go.
    pub artifacts: PathBuf,
    axe_loaded: bool,
    // Field order is drop order: the driver (and the app) before the display.
    driver: Driver,
    _display: Display,
    _home: tempfile::TempDir,
}

impl App {
    /// Starts Xvfb, tauri-driver and the app with `--db <fresh file>`, and
    /// waits until the page has painted its first frame.
    pub async fn start(name: &str) -> Result<App> {
        App::start_on(name, None, true).await
    }

    /// Like [`App::start`], but on the database file `db` (kept by the
    /// caller, e.g. to restart the app on what it saved), and with
    /// `fresh_artifacts` false the journey's earlier screenshots are kept.
    pub async fn start_on(name: &str, db: Option<&Path>, fresh_artifacts: bool) -> Result<App> {
        let artifacts = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("artifacts/e2e")
            .join(name);
        if fresh_artifacts {
            let _ = std::fs::remove_dir_all(&artifacts);
        }
        std::fs::create_dir_all(&artifacts)?;
        let home = tempfile::Builder::new().prefix("guichet-e2e-").tempdir()?;
        let db = match db {
            Some(d) => d.to_path_buf(),
            None => home.path().join("base/guichet.db"),
        };
        let display = Display::start(&artifacts.join("xvfb.log"))?;
        let driver = Driver::start(&display, home.path(), &artifacts.join("driver.log"))?;

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            json!({
                "application": env!("CARGO_BIN_EXE_guichet"),
                "args": ["--db", db.to_str().ok_or("chemin temporaire non UTF-8")?],
            }),
        );
        let client = ClientBuilder::rustls()?
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", driver.port))
            .await
            .map_err(|e| fail(format!("session WebDriver refusée : {e}")))?;
        let app = App {
            client: Some(client),
            db,
            artifacts,
            axe_loaded: false,
            driver,
            _display: display,
            _home: home,
        };
        app.client()
            .wait()
            .at_most(START_TIMEOUT)
            .for_element(Locator::Css("body[data-pret='oui']"))
            .await
            .map_err(|e| {
                fail(format!(
                    "la page n'a pas signalé son premier affichage : {e}"
                ))
            })?;
        app.js(ERROR_COLLECTOR).await?;
        Ok(app)
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("session WebDriver déjà fermée")
    }

    /// Runs a script in the page and returns its value.
    pub async fn js(&self, script: &str) -> Result<Value> {
        Ok(self.client().execute(script, vec![]).await?)
    }

    /// Waits for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> Result<Element> {
        self.client()
            .wait()
            .at_most(STEP_TIMEOUT)
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| fail(format!("« {css} » n'apparaît pas : {e}")))
    }

    /// The `data-ecran` ids of the navigation buttons, in menu order.
    pub async fn nav_screens(&self) -> Result<Vec<String>> {
        let v = self
            .js("return [...document.querySelectorAll('nav [data-ecran]')].map(b => b.dataset.ecran);")
            .await?;
        Ok(serde_json::from_value(v)?)
    }

    /// Opens a screen from the navigation bar and returns its heading (the
    /// `h1` of `main`) once it is shown.
    pub async fn open_screen(&self, id: &str) -> Result<String> {
        self.wait_for(&format!("nav [data-ecran='{id}']"))
            .await?
            .click()
            .await?;
        self.wait_for(&format!("nav [data-ecran='{id}'][aria-current='page']"))
            .await?;
        let heading = self.wait_for("main h1").await?.text().await?;
        ensure!(
            !heading.trim().is_empty(),
            "l'écran « {id} » n'a pas de titre (h1 vide)"
        );
        Ok(heading.trim().to_string())
    }

    /// Fails if the page shows an error (`[role=alert]`), threw an uncaught
    /// error, or is blank.
    pub async fn assert_healthy(&self, context: &str) -> Result {
        let state = self.js(HEALTH_PROBE).await?;
        let alerts: Vec<String> = serde_json::from_value(state["alerts"].clone())?;
        ensure!(
            alerts.is_empty(),
            "{context} : la page affiche une erreur : {alerts:?}"
        );
        let errors: Vec<String> = serde_json::from_value(state["errors"].clone())?;
        ensure!(
            errors.is_empty(),
            "{context} : erreurs JavaScript : {errors:?}"
        );
        ensure!(
            state["mainText"].as_u64().unwrap_or(0) > 0,
            "{context} : la zone principale est vide"
        );
        ensure!(
            state["visibleHeight"].as_f64().unwrap_or(0.0) > 0.0,
            "{context} : la page n'a aucune hauteur visible"
        );
        Ok(())
    }

    /// Saves a PNG of the window as `artifacts/e2e/<journey>/<label>.png`
    /// (after letting WebKit paint) and fails if it is a single flat colour.
    pub async fn screenshot(&self, label: &str) -> Result<PathBuf> {
        // Two animation frames: the last DOM change has been painted by the
        // web process; then a pause for WebKit to hand the frame over.
        self.client()
            .execute_async(
                "const done = arguments[arguments.length - 1];\n\
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await?;
        tokio::time::sleep(SETTLE).await;
        let png = self.client().screenshot().await?;
        let path = self.artifacts.join(format!("{label}.png"));
        std::fs::write(&path, &png)?;
        let colours = count_colours(&path)?;
        ensure!(
            colours > 8,
            "capture {} quasi uniforme ({colours} couleurs) : page blanche ?",
            path.display()
        );
        Ok(path)
    }

    /// Runs axe-core on the page and fails on serious or critical violations,
    /// listing them.
    pub async fn assert_accessible(&mut self, context: &str) -> Result {
        if !self.axe_loaded {
            axe::inject(self.client()).await?;
            self.axe_loaded = true;
        }
        axe::check(self.client(), context).await
    }

    /// Kills the app with SIGKILL, as when the window is killed or the
    /// computer stops (nothing of the app runs after: no clean-up, no last
    /// write), and waits until it is gone. Only [`App::close`] is left to
    /// call: it tears down the driver and the display.
    pub async fn kill_app(&self) -> Result {
        let exe = std::fs::canonicalize(env!("CARGO_BIN_EXE_guichet"))?;
        let pids = self.driver.running(&exe);
        ensure!(
            !pids.is_empty(),
            "aucun processus {} sous tauri-driver",
            exe.display()
        );
        for &pid in &pids {
            processes::kill_now(pid);
        }
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        while pids.iter().any(|&p| processes::alive(p)) {
            ensure!(
                std::time::Instant::now() < deadline,
                "guichet ({pids:?}) vit encore 5 s après SIGKILL"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(())
    }

    /// Closes the WebDriver session (which closes the window), then stops
    /// the processes. Dropping the App without closing also stops them.
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
        }
        self.driver.stop();
    }
}

/// Records uncaught errors and rejected promises of the page from now on.
const ERROR_COLLECTOR: &str = r#"
if (!window.__e2eErreurs) {
  window.__e2eErreurs = [];
  window.addEventListener('error', e => window.__e2eErreurs.push(String(e.message)));
  window.addEventListener('unhandledrejection', e =>
    window.__e2eErreurs.push('promesse rejetée : ' + String((e.reason && e.reason.message) || e.reason)));
}
return true;
"#;

/// What the page shows: visible alerts, collected errors, text in `main`.
const HEALTH_PROBE: &str = r#"
const visible = el => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
const main = document.querySelector('main');
return {
  alerts: [...document.querySelectorAll('[role=alert]')].filter(visible).map(a => a.innerText.trim()),
  errors: window.__e2eErreurs || [],
  mainText: main ? main.innerText.trim().length : 0,
  visibleHeight: document.body.getBoundingClientRect().height,
};
"#;

/// Number of distinct colours of a PNG, with ImageMagick's `identify`.
fn count_colours(path: &Path) -> Result<u64> {
    let out = std::process::Command::new("identify")
        .args(["-format", "%k"])
        .arg(path)
        .output()
        .map_err(|e| {
            fail(format!(
                "identify (imagemagick) absent : {e} ; scripts/setup.sh"
            ))
        })?;
    ensure!(
        out.status.success(),
        "identify a échoué sur {} : {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8_lossy(&out.stdout).trim().parse()?)
}
