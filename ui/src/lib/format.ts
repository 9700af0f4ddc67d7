// French display formats. Amounts arrive from the engine as decimal strings
// ("1234.5"); they are only re-spelled here, never computed.

const NBSP = "\u202f"; // narrow no-break space, the French thousands separator

/** "1234.5" → "1 234,50 €"; "-3" → "−3,00 €". Refuses anything not a decimal. */
export function euros(amount: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!m) throw new Error(`montant illisible : ${amount}`);
  const [, sign, intPart, frac = ""] = m;
  const cents = (frac + "00").slice(0, 2);
  if (frac.length > 2 && /[1-9]/.test(frac.slice(2))) {
    throw new Error(`montant non arrondi au centime : ${amount}`);
  }
  const grouped = intPart.replace(/^0+(?=\d)/, "").replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${sign ? "−" : ""}${grouped},${cents}${NBSP}€`;
}

/** "2026-11-22" → "22/11/2026". */
export function dateFr(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`date illisible : ${iso}`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** "22/11/2026" (or "2026-11-22") → "2026-11-22", or null when not a real date. */
export function parseDateFr(text: string): string | null {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) {
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t))) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    return null;
  }
  if (mo < 1 || mo > 12 || d < 1 || y < 1900) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
