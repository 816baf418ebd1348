/** The 31 characters of a unified social credit code (GB 32100-2015) and its check weights. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A valid 18-character credit code for generated firms: registration authority 9 (industry and commerce),
 * type 1 (enterprise), a 6-digit area code, an 8-digit organisation serial with its GB 11714 check, and the
 * final GB 32100 check character. Used by the demo data and the stress set.
 */
export function makeUscc(area: string, serial: number): string {
  const body = String(serial % 100_000_000).padStart(8, '0');
  const orgSum = [...body].reduce((a, ch, i) => a + Number(ch) * (ORG_WEIGHTS[i] ?? 0), 0);
  const orgCheck = 11 - (orgSum % 11);
  const org = body + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const first17 = `91${area}${org}`;
  const sum = [...first17].reduce((a, ch, i) => a + USCC_CHARS.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
  return first17 + USCC_CHARS[(31 - (sum % 31)) % 31];
}
