import { mount } from "svelte";
import "./styles/app.css";
import App from "./App.svelte";
import { call } from "./lib/ipc";

const scriptMs = performance.now();
const app = mount(App, { target: document.getElementById("app")! });
const monteMs = performance.now();

// Tell the Rust side once the first frame is on screen (start-up measurement,
// printed with GUICHET_MESURES=1; the details are the page's own marks, in
// ms since its navigation started).
requestAnimationFrame(() =>
  requestAnimationFrame(() => {
    document.body.dataset.pret = "oui";
    const details = `script ${ms(scriptMs)}, monté ${ms(monteMs)}, peint ${ms(performance.now())}`;
    call<void>("ui_ready", { details }).catch(() => {});
  }),
);
// And once the web fonts are in: every resource the page loaded (all from
// the app itself: nothing leaves it), and when.
void document.fonts.ready.then(() => {
  const ressources = performance
    .getEntriesByType("resource")
    .map((r) => `${r.name} ${ms(r.startTime)}→${ms(r.startTime + r.duration)}`)
    .join(", ");
  const details = `polices ${ms(performance.now())} ; ${ressources}`;
  call<void>("ui_ready", { etape: "polices", details }).catch(() => {});
});

function ms(t: number): string {
  return String(Math.round(t));
}

export default app;
