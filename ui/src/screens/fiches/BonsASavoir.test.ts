import { describe, expect, it, vi, beforeEach } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import type { Checklist, ChecklistSummary } from "../../lib/bindings";

// The Rust side is replaced by a stub that records the calls.
const calls: { command: string; args?: Record<string, unknown> }[] = [];
const LIST: ChecklistSummary[] = [
  {
    id: "arret-travail",
    label: "Arrêt de travail",
    title: "Arrêt de travail : quoi envoyer",
    intro: "Les envois à faire.",
    fields: [
      {
        field: "date_arret",
        label: "Date de l'arrêt de travail",
        kind: "date",
        required: true,
        group: null,
        help: null,
        choices: [],
        flag: "--date-arret",
      },
    ],
  },
  { id: "medecin-traitant", label: "Médecin traitant", title: "Déclarer un médecin traitant", intro: "Pourquoi.", fields: [] },
];
const BUILT: Checklist = {
  id: "arret-travail",
  title: "Arrêt de travail : quoi envoyer",
  intro: "Les envois à faire.",
  situation: [{ field: "date_arret", label: "Date de l'arrêt de travail", value: "05/01/2026" }],
  items: [
    {
      id: "volets",
      text: "Envoyer les volets au plus tard le 07/01/2026.",
      date: {
        kind: "due",
        due: { date: "2026-01-07", from: "date_arret", from_date: "2026-01-05", rule: "date de l'arrêt (05/01/2026) + 2 jours" },
      },
      recipient: "Administration employeur",
      to_send: "Volets 2 et 3",
      source: { section: "Guide, « Arrêt de travail »", reference: "l. 239" },
      important: true,
      amounts: [],
      notes: [],
    },
  ],
  source_document: "Guide",
};

vi.mock("../../lib/ipc", () => ({
  call: vi.fn(async (command: string, args?: Record<string, unknown>) => {
    calls.push({ command, args });
    if (command === "list_fiches") return LIST;
    if (command === "build_fiche") return BUILT;
    throw { code: "internal", message: "inconnu" };
  }),
}));

const { default: BonsASavoir } = await import("../BonsASavoir.svelte");

async function settle() {
  for (let i = 0; i < 5; i++) {
    await tick();
    await new Promise((r) => setTimeout(r, 0));
  }
  flushSync();
}

describe("Bons à savoir screen", () => {
  beforeEach(() => {
    calls.length = 0;
    document.body.innerHTML = "";
  });

  it("validates inline, keeps what was typed, then shows the checklist from Rust", async () => {
    const app = mount(BonsASavoir, { target: document.body });
    await settle();
    expect([...document.querySelectorAll("[data-fiche-choix]")].map((e) => e.getAttribute("value"))).toEqual([
      "arret-travail",
      "medecin-traitant",
    ]);
    const input = document.querySelector<HTMLInputElement>('input[data-champ="date_arret"]')!;
    expect(document.querySelector(`label[for="${input.id}"]`)?.textContent).toBe("Date de l'arrêt de travail");

    input.value = "31/02/2026";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    document.querySelector("form")!.dispatchEvent(new SubmitEvent("submit", { bubbles: true, cancelable: true }));
    await settle();
    expect(document.body.textContent).toContain("Date non reconnue");
    expect(input.value).toBe("31/02/2026");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(calls.some((c) => c.command === "build_fiche")).toBe(false);

    input.value = "5/1/2026";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    document.querySelector("form")!.dispatchEvent(new SubmitEvent("submit", { bubbles: true, cancelable: true }));
    await settle();
    const build = calls.find((c) => c.command === "build_fiche")!;
    expect(build.args?.fiche).toBe("arret-travail");
    expect((build.args?.situation as Record<string, unknown>).date_arret).toBe("2026-01-05");
    expect(document.querySelector("[data-item=volets] .date")?.textContent).toBe("Au plus tard le 07/01/2026");
    expect(document.body.textContent).toContain("Administration employeur");
    unmount(app);
  });

  it("shows a checklist without inputs as soon as it is chosen", async () => {
    const app = mount(BonsASavoir, { target: document.body });
    await settle();
    const radio = document.querySelector<HTMLInputElement>('[data-fiche-choix="medecin-traitant"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    expect(calls.filter((c) => c.command === "build_fiche").map((c) => c.args?.fiche)).toEqual(["medecin-traitant"]);
    expect(document.querySelector("form")).toBeNull();
    unmount(app);
  });

  it("keeps the checklist chosen and the dates typed when the screen is shown again", async () => {
    const premier = mount(BonsASavoir, { target: document.body });
    await settle();
    const radio = document.querySelector<HTMLInputElement>('[data-fiche-choix="arret-travail"]')!;
    radio.checked = true;
    radio.dispatchEvent(new Event("change", { bubbles: true }));
    await settle();
    const input = document.querySelector<HTMLInputElement>('input[data-champ="date_arret"]')!;
    input.value = "12/03/2026";
    input.dispatchEvent(new Event("input", { bubbles: true }));
    await settle();
    unmount(premier);
    document.body.innerHTML = "";

    const second = mount(BonsASavoir, { target: document.body });
    await settle();
    expect(document.querySelector<HTMLInputElement>('[data-fiche-choix="arret-travail"]')!.checked).toBe(true);
    expect(document.querySelector<HTMLInputElement>('input[data-champ="date_arret"]')!.value).toBe("12/03/2026");
    unmount(second);
  });
});
