//! Accessibility check with axe-core (the copy installed in ui/node_modules
//! by `npm ci`): injected into the page once, run on each screen; serious and
//! critical violations fail the journey, lesser ones are printed.

use super::{fail, Result};
use fantoccini::Client;
use serde::Deserialize;

const AXE_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/ui/node_modules/axe-core/axe.min.js"
);

#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    help: String,
    nodes: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Outcome {
    error: Option<String>,
    #[serde(default)]
    violations: Vec<Violation>,
}

/// Loads axe-core into the page.
pub async fn inject(client: &Client) -> Result {
    let source = std::fs::read_to_string(AXE_PATH).map_err(|e| {
        fail(format!(
            "{AXE_PATH} illisible ({e}) : lancez scripts/setup.sh"
        ))
    })?;
    let loaded = client
        .execute(&format!("{source}\nreturn typeof window.axe;"), vec![])
        .await?;
    if loaded != "object" {
        return Err(fail(format!(
            "axe-core ne s'est pas chargé dans la page (typeof axe = {loaded})"
        )));
    }
    Ok(())
}

/// Runs axe on the whole document; fails on serious or critical violations.
pub async fn check(client: &Client, context: &str) -> Result {
    let value = client
        .execute_async(
            r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] })
  .then(r => done({ violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) })) }))
  .catch(e => done({ error: String(e) }));
"#,
            vec![],
        )
        .await?;
    let outcome: Outcome = serde_json::from_value(value)?;
    if let Some(e) = outcome.error {
        return Err(fail(format!("{context} : axe-core a échoué : {e}")));
    }
    let describe = |v: &Violation| {
        format!(
            "[{}] {} : {} ({})",
            v.impact.as_deref().unwrap_or("?"),
            v.id,
            v.help,
            v.nodes.join(", ")
        )
    };
    let (blocking, minor): (Vec<&Violation>, Vec<&Violation>) = outcome
        .violations
        .iter()
        .partition(|v| matches!(v.impact.as_deref(), Some("serious" | "critical")));
    for v in &minor {
        eprintln!("{context} : accessibilité (mineur) {}", describe(v));
    }
    if blocking.is_empty() {
        Ok(())
    } else {
        let list: Vec<String> = blocking.iter().map(|v| describe(v)).collect();
        Err(fail(format!(
            "{context} : accessibilité, {} violation(s) graves :\n  {}",
            list.len(),
            list.join("\n  ")
        )))
    }
}
