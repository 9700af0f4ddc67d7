// A field prefilled for the adviser (the date of care: today) is typed over,
// not into: while it still shows the prefilled value and nothing in it is
// selected, the first character typed or pasted replaces the whole value.
// (With a selection, the browser's own replacement of the selection stands.)

export interface Frappe {
  /** `InputEvent.inputType` of the `beforeinput` event. */
  inputType: string;
  valeur: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

export function remplaceLePrerempli(f: Frappe, prerempli: string): boolean {
  if (!prerempli || f.valeur !== prerempli) return false;
  if (f.inputType !== "insertText" && f.inputType !== "insertFromPaste") return false;
  return f.selectionStart === f.selectionEnd;
}
