import { describe, expect, it } from "vitest";
import type { FieldSpec } from "../../lib/bindings";
import { dateRules, dateWording, situationFor, validate } from "./form";

const date = (field: FieldSpec["field"], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  field,
  label: field,
  kind: "date",
  required: false,
  group: null,
  help: null,
  choices: [],
  flag: `--${field}`,
  ...extra,
});

const maternite = [
  date("debut_grossesse", { group: "grossesse", label: "Date de début de grossesse" }),
  date("terme", { group: "grossesse", label: "Terme prévu" }),
  date("date_accouchement"),
];
const arret: FieldSpec[] = [
  date("date_arret", { required: true }),
  {
    ...date("statut", { required: true }),
    kind: "choice",
    choices: [{ value: "fonctionnaire", label: "Fonctionnaire" }],
  },
];

describe("validation of the Bons à savoir form", () => {
  it("asks for required fields in French", () => {
    expect(validate(arret, {})).toEqual({
      date_arret: "Indiquez cette date.",
      statut: "Choisissez une valeur.",
    });
  });
  it("asks for one date of a group, on the group's first field", () => {
    const e = validate(maternite, {});
    expect(Object.keys(e)).toEqual(["debut_grossesse"]);
    expect(e.debut_grossesse).toContain("« Date de début de grossesse » ou « Terme prévu »");
    expect(validate(maternite, { terme: "10/12/2026" })).toEqual({});
  });
  it("refuses impossible dates and accepts both spellings", () => {
    expect(validate(arret, { date_arret: "30/02/2026", statut: "fonctionnaire" }).date_arret).toMatch(
      /JJ\/MM\/AAAA/,
    );
    expect(validate(arret, { date_arret: "2026-02-28", statut: "fonctionnaire" })).toEqual({});
    expect(validate(maternite, { debut_grossesse: "10/03/2026", date_accouchement: "bientôt" })).toHaveProperty(
      "date_accouchement",
    );
  });
  it("sends only the checklist's fields, dates as ISO", () => {
    const s = situationFor(arret, { date_arret: "5/1/2026", statut: "fonctionnaire", terme: "10/12/2026" });
    expect(s.date_arret).toBe("2026-01-05");
    expect(s.statut).toBe("fonctionnaire");
    expect(s.terme).toBeNull();
    expect(s.date_soins).toBeNull();
  });
});

describe("wording of computed dates", () => {
  const cd = (date: string, rule = "r") => ({ date, from: "debut_grossesse" as const, from_date: date, rule });
  it("writes each kind of date the French way", () => {
    expect(dateWording({ kind: "due", due: { ...cd("2026-06-09"), from_date: "2026-03-10" } })).toBe(
      "Au plus tard le 09/06/2026",
    );
    // due the very day it is counted from (a lost card): at once
    expect(dateWording({ kind: "due", due: cd("2028-02-15") })).toBe("Sans attendre : le 15/02/2028");
    expect(dateWording({ kind: "not_before", earliest: cd("2028-03-14") })).toBe("Pas avant le 14/03/2028");
    expect(dateWording({ kind: "period", start: cd("2026-08-10"), end: cd("2026-12-22") })).toBe(
      "Du 10/08/2026 au 22/12/2026",
    );
    expect(dateRules({ kind: "period", start: cd("2026-08-10", "a"), end: cd("2026-12-22", "b") })).toBe("a ; b");
  });
});
