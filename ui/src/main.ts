import { mount } from "svelte";
import "./styles/app.css";
import App from "./App.svelte";
import { call } from "./lib/ipc";
import { maintenant, premierePeinture } from "./lib/mesures";
import { demanderCatalogue } from "./lib/estimation-saisie.svelte";

const scriptMs = performance.now();
// The page's two faces are asked for now, not when the first layout finds
// text set in them: until they are in, WebKit paints no text (the font's
// block period), so the first paint waited for their fetch (issue 15).
for (const graisse of ["400", "700"]) document.fonts.load(`${graisse} 1em "DejaVu Sans"`).catch(() => {});
// The Estimation form waits for the catalogue: asked before the page mounts.
demanderCatalogue().catch(() => {});
const app = mount(App, { target: document.getElementById("app")! });
const monteMs = performance.now();

// Tell the Rust side when the first frame was painted (start-up measure,
// printed with GUICHET_MESURES=1): the browser's own record of it, sent as
// an instant on the system clock (lib/mesures.ts). The details are the
// page's own marks, in ms since its navigation started.
void premierePeinture().then((quand) => {
  document.body.dataset.pret = "oui";
  const details = `script ${ms(scriptMs)}, monté ${ms(monteMs)}, peint ${ms(quand - performance.timeOrigin)}`;
  call<void>("ui_ready", { details, quand }).catch(() => {});
});
// And once the web fonts are in: every resource the page loaded (all from
// the app itself: nothing leaves it), and when.
void document.fonts.ready.then(() => {
  const ressources = performance
    .getEntriesByType("resource")
    .map((r) => `${r.name} ${ms(r.startTime)}→${ms(r.startTime + r.duration)}`)
    .join(", ");
  const details = `polices ${ms(performance.now())} ; ${ressources}`;
  call<void>("ui_ready", { etape: "polices", details, quand: maintenant() }).catch(() => {});
});

function ms(t: number): string {
  return String(Math.round(t));
}

export default app;
