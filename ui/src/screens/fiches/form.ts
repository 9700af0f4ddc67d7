// The "Bons à savoir" form logic, kept out of the components so it can be
// tested: which fields to check, the French messages, and the wording of an
// item's computed date. No date is computed here: Rust returns them.
import type { Field, FieldSpec, ItemDate, SituationText } from "../../lib/bindings";
import { dateFr, parseDateFr } from "../../lib/format";

export type Values = Partial<Record<Field, string>>;
export type Errors = Partial<Record<Field, string>>;

const ALL_FIELDS: Field[] = [
  "debut_grossesse",
  "terme",
  "date_accouchement",
  "constatation_grossesse",
  "date_arret",
  "statut",
  "date_perte",
  "motif",
  "date_soins",
];

/** Checks what was typed for the given fields; never changes the values. */
export function validate(fields: FieldSpec[], values: Values): Errors {
  const errors: Errors = {};
  const filled = (f: Field) => (values[f] ?? "").trim() !== "";
  for (const spec of fields) {
    const text = (values[spec.field] ?? "").trim();
    if (text === "") {
      if (spec.required) {
        errors[spec.field] =
          spec.kind === "choice" ? "Choisissez une valeur." : "Indiquez cette date.";
      }
      continue;
    }
    if (spec.kind === "date" && parseDateFr(text) === null) {
      errors[spec.field] = "Date non reconnue : écrivez-la JJ/MM/AAAA, par exemple 09/06/2026.";
    }
  }
  const groups = new Map<string, FieldSpec[]>();
  for (const spec of fields) {
    if (spec.group) groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  }
  for (const members of groups.values()) {
    if (!members.some((m) => filled(m.field))) {
      const names = members.map((m) => `« ${m.label} »`).join(" ou ");
      errors[members[0].field] = `Indiquez au moins une de ces dates : ${names}.`;
    }
  }
  return errors;
}

/** The request for Rust: the checklist's own fields only, dates as ISO. */
export function situationFor(fields: FieldSpec[], values: Values): SituationText {
  const out = Object.fromEntries(ALL_FIELDS.map((f) => [f, null])) as SituationText;
  for (const spec of fields) {
    const text = (values[spec.field] ?? "").trim();
    if (text === "") continue;
    out[spec.field] = spec.kind === "date" ? (parseDateFr(text) ?? text) : text;
  }
  return out;
}

/** "Au plus tard le 09/06/2026", "Sans attendre : le 15/02/2028", "Pas avant le 14/03/2028", "Du 10/08/2026 au 22/12/2026". */
export function dateWording(d: ItemDate): string {
  switch (d.kind) {
    case "due":
      // A deadline on the very day it is counted from: to do at once.
      return d.due.date === d.due.from_date
        ? `Sans attendre : le ${dateFr(d.due.date)}`
        : `Au plus tard le ${dateFr(d.due.date)}`;
    case "not_before":
      return `Pas avant le ${dateFr(d.earliest.date)}`;
    case "period":
      return `Du ${dateFr(d.start.date)} au ${dateFr(d.end.date)}`;
  }
}

/** How the date was computed, for the tooltip / screen reader. */
export function dateRules(d: ItemDate): string {
  switch (d.kind) {
    case "due":
      return d.due.rule;
    case "not_before":
      return d.earliest.rule;
    case "period":
      return `${d.start.rule} ; ${d.end.rule}`;
  }
}
