import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The browser's record of the first paint, at 500 ms of the page's clock,
// delivered to the observer when `peindre()` is called.
let peindre: () => void = () => {};
class ObservateurDePeinture {
  static supportedEntryTypes = ["paint"];
  constructor(private readonly rappel: (liste: { getEntriesByName: (n: string) => { startTime: number }[] }) => void) {}
  observe() {
    peindre = () => this.rappel({ getEntriesByName: (n) => (n === "first-contentful-paint" ? [{ startTime: 500 }] : []) });
  }
  disconnect() {}
}

let horloge = 0;
let images: (() => void)[] = [];

beforeEach(() => {
  vi.resetModules();
  horloge = 0;
  images = [];
  vi.stubGlobal("PerformanceObserver", ObservateurDePeinture);
  vi.spyOn(performance, "now").mockImplementation(() => horloge);
  vi.spyOn(performance, "timeOrigin", "get").mockReturnValue(1_000_000);
  vi.stubGlobal("requestAnimationFrame", (f: () => void) => images.push(f));
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** Runs the animation frames asked so far, at `t` on the page's clock. */
function image(t: number) {
  horloge = t;
  for (const f of images.splice(0)) f();
}

describe("marques de démarrage", () => {
  it("the first paint is the browser's record, on the system clock", async () => {
    const { premierePeinture } = await import("./mesures");
    const p = premierePeinture();
    peindre();
    expect(await p).toBe(1_000_500);
  });

  it("a form ready before the first paint is painted by it", async () => {
    const { peintApres, premierePeinture } = await import("./mesures");
    premierePeinture();
    const p = peintApres(1_000_300);
    peindre();
    expect(await p).toBe(1_000_500);
    expect(images).toHaveLength(0);
  });

  it("a form ready after the first paint is painted by the next frame", async () => {
    const { peintApres, premierePeinture } = await import("./mesures");
    premierePeinture();
    peindre();
    const p = peintApres(1_000_700);
    await Promise.resolve();
    await Promise.resolve();
    image(716);
    expect(await p).toBe(1_000_716);
  });

  it("without Paint Timing, the first paint is two animation frames later", async () => {
    vi.stubGlobal("PerformanceObserver", undefined);
    const { premierePeinture } = await import("./mesures");
    const p = premierePeinture();
    image(16);
    image(33);
    expect(await p).toBe(1_000_033);
  });
});
