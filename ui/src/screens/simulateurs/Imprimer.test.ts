import { describe, expect, it, vi, beforeEach } from "vitest";
import { flushSync, mount, tick, unmount } from "svelte";
import Imprimer from "./Imprimer.svelte";
import { enregistrerReglages } from "../../lib/impression.svelte";

// The Rust side is replaced by a stub that records the calls.
const calls: { command: string; args?: Record<string, unknown> }[] = [];
let echec = false;
vi.mock("../../lib/ipc", () => ({
  call: vi.fn(async (command: string, args?: Record<string, unknown>) => {
    calls.push({ command, args });
    if (echec) throw { code: "internal", message: "dossier des copies « /x » : accès refusé" };
    return { chemin: "/home/conseiller/Documents/Guichet/simulation-caution-1.pdf", ouvert: true };
  }),
  isIpcError: (e: unknown) => typeof e === "object" && e !== null && "code" in e && "message" in e,
}));

describe("Imprimer", () => {
  beforeEach(() => {
    calls.length = 0;
    echec = false;
    document.body.innerHTML = "";
  });

  it("sends the tool, its input and the workstation's print settings, then shows the copy's path", async () => {
    enregistrerReglages({ section: " Section de la Gironde ", dossier: "/srv/copies" });
    const saisie = { prets: [{ montant: "60000", type: "amortissable", duree_mois: "" }] };
    const c = mount(Imprimer, { target: document.body, props: { outil: "caution", saisie } });
    const bouton = document.querySelector<HTMLButtonElement>("[data-testid=caution-imprimer]")!;
    expect(bouton.type).toBe("button"); // a real button: reachable with Tab, pressed with Enter
    bouton.click();
    await tick();
    await tick();
    flushSync();
    expect(calls).toEqual([
      {
        command: "imprimer_simulation",
        args: {
          simulation: { outil: "caution", saisie },
          options: {
            section: "Section de la Gironde",
            dossier: "/srv/copies",
            numero: null,
            initiales: null,
            fiche_jointe: null,
          },
        },
      },
    ]);
    expect(document.body.textContent).toContain("/home/conseiller/Documents/Guichet/simulation-caution-1.pdf");
    unmount(c);
  });

  it("shows why the copy could not be made", async () => {
    echec = true;
    const c = mount(Imprimer, { target: document.body, props: { outil: "corem", saisie: {} } });
    document.querySelector<HTMLButtonElement>("[data-testid=corem-imprimer]")!.click();
    await tick();
    await tick();
    flushSync();
    expect(document.body.textContent).toContain("Impression impossible : dossier des copies « /x » : accès refusé");
    unmount(c);
  });
});
