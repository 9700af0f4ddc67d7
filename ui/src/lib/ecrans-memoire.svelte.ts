// What was typed in the other screens (Bons à savoir, Simulateurs), kept for
// the whole session: a screen's component is destroyed when another screen
// is shown, its form is not. Each form takes its state with
// `conserve(cle, initial)`, which gives the same reactive object at every
// mount (created from `initial` the first time).
const formulaires = new Map<string, object>();

function reactif<T extends object>(valeur: T): T {
  const etat = $state(valeur);
  return etat;
}

export function conserve<T extends object>(cle: string, initial: () => T): T {
  let v = formulaires.get(cle) as T | undefined;
  if (v === undefined) {
    v = reactif(initial());
    formulaires.set(cle, v);
  }
  return v;
}
