// Start-up marks of the page, as instants on the system clock (ms since the
// epoch: `performance.timeOrigin` + the page's own clock), so that Rust can
// place them on the process's time line (`ui_ready`, `quand`) whatever the
// delay of the IPC call that carries them. The first paint is the browser's
// own record of it (Paint Timing, "first-contentful-paint", which
// WebKitGTK keeps); a page without it falls back on two animation frames.

/** Now, on the system clock. */
export function maintenant(): number {
  return performance.timeOrigin + performance.now();
}

function deuxImages(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(maintenant()))));
}

function peintureDuNavigateur(): Promise<number> | null {
  if (typeof PerformanceObserver === "undefined" || !PerformanceObserver.supportedEntryTypes?.includes("paint")) return null;
  return new Promise((resolve) => {
    const observateur = new PerformanceObserver((liste) => {
      const p = liste.getEntriesByName("first-contentful-paint")[0];
      if (p) {
        observateur.disconnect();
        resolve(performance.timeOrigin + p.startTime);
      }
    });
    observateur.observe({ type: "paint", buffered: true });
  });
}

let premiere: Promise<number> | null = null;

/** When the page's first content was painted (asked once, at start). */
export function premierePeinture(): Promise<number> {
  premiere ??= peintureDuNavigateur() ?? deuxImages();
  return premiere;
}

/**
 * When what the DOM holds at `pret` (an instant from `maintenant`) is on
 * screen: the first paint when that came later (it painted it), else the
 * next frame.
 */
export async function peintApres(pret: number): Promise<number> {
  const premiere = await premierePeinture();
  if (premiere >= pret) return premiere;
  return new Promise((resolve) => requestAnimationFrame(() => resolve(maintenant())));
}

let signalerPret: () => void = () => {};
/**
 * Resolved once the Estimation form is interactive (its catalogue painted)
 * or could not be: what waits for it (loading the other screens) then no
 * longer competes with the start's frames.
 */
export const formulairePret: Promise<void> = new Promise((resolve) => (signalerPret = resolve));
/** Called by the Estimation screen when its form is interactive, or failed to be. */
export function signalerFormulairePret(): void {
  signalerPret();
}
