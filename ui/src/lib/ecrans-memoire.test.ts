import { describe, expect, it } from "vitest";
import { conserve } from "./ecrans-memoire.svelte";

describe("formulaires conservés", () => {
  it("a form gets back, at its next mount, the object it changed", () => {
    const premier = conserve("essai.caution", () => ({ montant: "", prets: [] as string[] }));
    premier.montant = "110 000";
    premier.prets.push("relais");
    const second = conserve("essai.caution", () => ({ montant: "", prets: [] as string[] }));
    expect(second.montant).toBe("110 000");
    expect(second.prets).toEqual(["relais"]);
  });

  it("each form has its own state", () => {
    conserve("essai.a", () => ({ v: "a" })).v = "changé";
    expect(conserve("essai.b", () => ({ v: "b" })).v).toBe("b");
  });
});
