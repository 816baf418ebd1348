/**
 * Who a deal's owner is, as people write it: the board shows a manager's name without the title the
 * demo's team accounts carry ("SF-01 投资经理 林刚" → "林刚"), so an import accepts that name as well as
 * the e-mail and the full display name — and says so when a name fits more than one manager of the fund.
 */

/** A person's name as the board shows it: without a leading "<fund> 投资经理 " or "基金经理 " title. */
export function shortPersonName(name: string | null | undefined): string {
  return name ? name.replace(/^\S+ 投资经理 /, '').replace(/^基金经理 /, '') : '—';
}

export interface OwnerCandidate {
  id: number;
  email: string;
  name: string;
}

export type OwnerMatch = { kind: 'none' } | { kind: 'one'; id: number } | { kind: 'ambiguous'; names: string[] };

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The manager a cell names: by e-mail first (unique), then by full display name, then by the name the
 * board shows. More than one manager with that name is ambiguous (give the e-mail), none is none.
 */
export function matchOwner(ref: string, owners: readonly OwnerCandidate[]): OwnerMatch {
  const k = fold(ref);
  if (!k) return { kind: 'none' };
  for (const pick of [
    (o: OwnerCandidate) => fold(o.email) === k,
    (o: OwnerCandidate) => fold(o.name) === k,
    (o: OwnerCandidate) => fold(shortPersonName(o.name)) === k,
  ]) {
    const hits = owners.filter(pick);
    if (hits.length === 1) return { kind: 'one', id: (hits[0] as OwnerCandidate).id };
    if (hits.length > 1) return { kind: 'ambiguous', names: hits.map((o) => `${o.name} <${o.email}>`) };
  }
  return { kind: 'none' };
}
