// Same marker as Guichet's page (ui/src/lib/mesures.ts): the browser's own
// record of the first paint (Paint Timing), else two animation frames, sent
// as an instant on the system clock.
const envoyer = (quand) => window.__TAURI_INTERNALS__.invoke("ui_ready", { quand }).catch(() => {});
if (typeof PerformanceObserver !== "undefined" && PerformanceObserver.supportedEntryTypes?.includes("paint")) {
  const observateur = new PerformanceObserver((liste) => {
    const p = liste.getEntriesByName("first-contentful-paint")[0];
    if (p) {
      observateur.disconnect();
      envoyer(performance.timeOrigin + p.startTime);
    }
  });
  observateur.observe({ type: "paint", buffered: true });
} else {
  requestAnimationFrame(() => requestAnimationFrame(() => envoyer(performance.timeOrigin + performance.now())));
}
