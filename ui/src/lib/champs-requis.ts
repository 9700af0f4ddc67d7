// Whether an act's field is required, as its label says: the catalogue's
// required fields, and the accepted ones the engine needs all the same once
// the conditions of one of its lines hold (`ActeVue.champs_requis_si`: OPTAM
// for a specialist in the parcours de soins, the material of a crown at a
// dentist conventionné MGEN). A condition not yet known (the field it reads
// is empty) may hold: the label says « facultatif » only when the engine can
// do without the field whatever is typed next.
import type { ActeVue, Champ } from "./bindings";

/** What the conditions read: the member's parcours and the act's own fields ("oui", "non", "molaire"…). */
export interface Contexte {
  parcours: boolean;
  champs: Partial<Record<Champ, string>>;
}

/** The value of a condition, or null while the field it reads is empty. */
function valeurCondition(condition: string, ctx: Contexte): boolean | null {
  if (condition === "parcours_soins") return ctx.parcours;
  if (condition === "molaire") {
    const dent = (ctx.champs.dent ?? "").trim();
    return dent ? dent === "molaire" : null;
  }
  const v = (ctx.champs[condition as Champ] ?? "").trim();
  return v === "oui" ? true : v === "non" ? false : null;
}

export function champRequis(champ: Champ, cat: ActeVue | undefined, ctx: Contexte): boolean {
  if (!cat) return false;
  if (cat.champs.includes(champ)) return true;
  return cat.champs_requis_si.some(
    (r) => r.champ === champ && Object.entries(r.si).every(([c, attendu]) => valeurCondition(c, ctx) !== !attendu),
  );
}
