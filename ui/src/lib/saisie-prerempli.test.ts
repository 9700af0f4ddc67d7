import { describe, expect, it } from "vitest";
import { remplaceLePrerempli } from "./saisie-prerempli";

const aujourdhui = "03/12/2026";
const frappe = (valeur: string, debut: number, fin: number, inputType = "insertText") => ({ inputType, valeur, selectionStart: debut, selectionEnd: fin });

describe("remplaceLePrerempli (issue 15, item 5)", () => {
  it("replaces the prefilled date when typing with the caret anywhere in it", () => {
    expect(remplaceLePrerempli(frappe(aujourdhui, 10, 10), aujourdhui)).toBe(true);
    expect(remplaceLePrerempli(frappe(aujourdhui, 0, 0), aujourdhui)).toBe(true);
    expect(remplaceLePrerempli(frappe(aujourdhui, 10, 10, "insertFromPaste"), aujourdhui)).toBe(true);
  });
  it("leaves a selection to the browser, and deletions alone", () => {
    expect(remplaceLePrerempli(frappe(aujourdhui, 0, 2), aujourdhui)).toBe(false);
    expect(remplaceLePrerempli(frappe(aujourdhui, 10, 10, "deleteContentBackward"), aujourdhui)).toBe(false);
  });
  it("types into a value the adviser changed", () => {
    expect(remplaceLePrerempli(frappe("03/12/202", 9, 9), aujourdhui)).toBe(false);
    expect(remplaceLePrerempli(frappe("", 0, 0), aujourdhui)).toBe(false);
    expect(remplaceLePrerempli(frappe("", 0, 0), "")).toBe(false);
  });
});
