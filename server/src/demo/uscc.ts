import { computeUsccCheckChar } from '@highland/shared';

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A valid 18-character credit code for generated firms: registration authority 9 (industry and commerce),
 * type 1 (enterprise), a 6-digit area code, an 8-digit organisation serial with its GB 11714 check, and the
 * GB 32100 check character (shared's `computeUsccCheckChar`). Used by the demo data and the stress set.
 */
export function makeUscc(area: string, serial: number): string {
  const body = String(serial % 100_000_000).padStart(8, '0');
  const orgSum = [...body].reduce((a, ch, i) => a + Number(ch) * (ORG_WEIGHTS[i] ?? 0), 0);
  const orgCheck = 11 - (orgSum % 11);
  const first17 = `91${area}${body}${orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck)}`;
  const check = computeUsccCheckChar(first17);
  if (check === null) throw new Error(`not a credit-code prefix: ${first17}`);
  return first17 + check;
}
