import { describe, expect, it } from 'vitest';
import { computeUsccCheckChar, isValidUscc, usccRegistrationDivision } from './uscc.js';

// Codes as published for real organisations (and quoted in public repositories' data and tests).
const PUBLISHED: Array<{ scenario: string; code: string }> = [
  { scenario: 'Huawei Technologies Co., Ltd. (华为技术有限公司)', code: '914403001922038216' },
  { scenario: 'Shenzhen Tencent Computer Systems (腾讯计算机系统)', code: '91440300708461136T' },
  { scenario: 'Alibaba (China) Co., Ltd. (阿里巴巴（中国）有限公司)', code: '91330100716105852F' },
  { scenario: 'Beijing Xiaomi Technology (小米科技有限责任公司)', code: '91110108551385082Q' },
  { scenario: 'Beijing Baidu Netcom (北京百度网讯科技有限公司)', code: '91110000802100433B' },
  { scenario: 'SAIC Motor (上海汽车集团股份有限公司), check character X', code: '91310000132260250X' },
  { scenario: 'East China Normal University (华东师范大学), a public institution (first character 1)', code: '12100000425006133D' },
  { scenario: 'hutool’s test code from Shanghai Pudong', code: '91310115591693856A' },
  { scenario: 'a code with letters in the organisation part (MA…)', code: '91230184MA1BUFLT44' },
  { scenario: 'an individual business (first characters 92)', code: '92371000MA3MXH0E3W' },
  { scenario: 'a Fuzhou code with letters in the organisation part', code: '91350100M000100Y43' },
];

describe('isValidUscc: published codes', () => {
  it.each(PUBLISHED)('$scenario: $code is valid', ({ code }) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('letters in positions 3–8 (the administrative-division digits in real codes) are not rejected: the check character is the only rule', () => {
    const first17 = '91ABCDEF000000000';
    expect(isValidUscc(first17 + computeUsccCheckChar(first17))).toBe(true);
  });

  it('an early pilot-area code that does not satisfy the GB 32100 check (hutool’s test case) is rejected', () => {
    expect(isValidUscc('91350211M00013FA1N')).toBe(false);
  });
});

describe('isValidUscc: not the canonical form → false, never a throw', () => {
  const cases: Array<{ scenario: string; input: unknown }> = [
    { scenario: 'lower-case check character', input: '91310115591693856a' },
    { scenario: 'lower-case letters inside', input: '91230184ma1buflt44' },
    { scenario: 'a leading space', input: ' 914403001922038216' },
    { scenario: 'a trailing newline', input: '914403001922038216\n' },
    { scenario: 'a space in the middle', input: '914403 001922038216' },
    { scenario: '17 characters', input: '91440300192203821' },
    { scenario: '19 characters', input: '9144030019220382160' },
    { scenario: 'the empty string', input: '' },
    { scenario: 'letter O instead of digit 0', input: '9144O3001922038216' },
    { scenario: 'letter I (not in the charset)', input: '91230184MA1BUFLT4I' },
    { scenario: 'letters S, V and Z (not in the charset)', input: '91230184MS1BVFLZ44' },
    { scenario: 'full-width digits', input: '９１４４０３００１９２２０３８２１６' },
    // biome-ignore lint/correctness/noPrecisionLoss: a number where a string belongs is the point of the case
    { scenario: 'a number', input: 914403001922038216 },
    { scenario: 'null', input: null },
    { scenario: 'undefined', input: undefined },
    { scenario: 'an object', input: { code: '914403001922038216' } },
    { scenario: 'an array of characters', input: [...'914403001922038216'] },
    { scenario: 'a symbol', input: Symbol('914403001922038216') },
    {
      scenario: 'a Proxy whose traps throw',
      input: new Proxy(
        {},
        {
          getPrototypeOf: () => {
            throw new Error('trap');
          },
        },
      ),
    },
  ];
  it.each(cases)('$scenario', ({ input }) => {
    expect(isValidUscc(input as string)).toBe(false);
  });

  it('a String object holding a valid code counts as a string', () => {
    // eslint-disable-next-line no-new-wrappers
    expect(isValidUscc(new String('914403001922038216') as unknown as string)).toBe(true);
  });
});

describe('computeUsccCheckChar', () => {
  const cases: Array<{ scenario: string; first17: unknown; expected: string | null }> = [
    { scenario: 'Huawei: 6', first17: '91440300192203821', expected: '6' },
    { scenario: 'SAIC Motor: X', first17: '91310000132260250', expected: 'X' },
    { scenario: 'a check value of 31 maps to 0', first17: '00000000000000000', expected: '0' },
    { scenario: '16 characters → null', first17: '9144030019220382', expected: null },
    { scenario: '18 characters → null', first17: '914403001922038216', expected: null },
    { scenario: 'lower case → null', first17: '91230184ma1buflt4', expected: null },
    { scenario: 'a character outside the charset → null', first17: '9123018IMA1BUFLT4', expected: null },
    // biome-ignore lint/correctness/noPrecisionLoss: a number where a string belongs is the point of the case
    { scenario: 'not a string → null', first17: 12345678901234567, expected: null },
  ];
  it.each(cases)('$scenario', ({ first17, expected }) => {
    expect(computeUsccCheckChar(first17 as string)).toBe(expected);
  });
});

describe('usccRegistrationDivision', () => {
  const cases: Array<{ scenario: string; code: unknown; expected: string | null }> = [
    { scenario: 'Shanghai Pudong', code: '91310115591693856A', expected: '310115' },
    { scenario: 'Shenzhen', code: '914403001922038216', expected: '440300' },
    { scenario: 'an invalid code has none', code: '914403001922038217', expected: null },
    { scenario: 'a valid code with letters in positions 3–8 has none', code: `91AB0000000000000${computeUsccCheckChar('91AB0000000000000')}`, expected: null },
  ];
  it.each(cases)('$scenario', ({ code, expected }) => {
    expect(usccRegistrationDivision(code as string)).toBe(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated corpus, checked against an independent reference written differently: instead of
// computing the check character, it tests Σ_{i=1..18} value(c_i) · 3^(i−1) ≡ 0 (mod 31) with the 18th
// weight taken as 1 (since C18 ≡ −Σ_{i≤17} value·w_i), weights by repeated multiplication, values
// from a Map.

const REF_CHARS = [...'0123456789', ...'ABCDEFGHJKLMNPQRTUWXY'];
const REF_VALUE = new Map(REF_CHARS.map((c, i) => [c, i] as const));
function referenceIsValid(code: string): boolean {
  if (code.length !== 18) return false;
  let total = 0;
  let weight = 1;
  for (let i = 0; i < 18; i++) {
    const v = REF_VALUE.get(code[i]!);
    if (v === undefined) return false;
    total += v * (i === 17 ? 1 : weight);
    weight = (weight * 3) % 31;
  }
  return total % 31 === 0;
}

/** mulberry32, seeded: the same corpus every run. */
function prng(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('isValidUscc on a generated corpus', () => {
  const rand = prng(32100);
  const codes: string[] = [];
  for (let k = 0; k < 2000; k++) {
    let first17 = '';
    for (let i = 0; i < 17; i++) first17 += REF_CHARS[Math.floor(rand() * 31)];
    codes.push(first17 + computeUsccCheckChar(first17)!);
  }

  it('2 000 random codes completed with computeUsccCheckChar are valid, for both implementations', () => {
    const disagreements = codes.filter((c) => !isValidUscc(c) || !referenceIsValid(c));
    expect(disagreements).toEqual([]);
  });

  it('every single-character substitution (each of the 30 other charset characters at each of the 18 positions: 1 080 000) is judged as the reference judges it — and the reference finds none valid', () => {
    let checked = 0;
    let validMutants = 0;
    const disagreements: string[] = [];
    for (const code of codes) {
      for (let pos = 0; pos < 18; pos++) {
        for (const ch of REF_CHARS) {
          if (ch === code[pos]) continue;
          const mutant = code.slice(0, pos) + ch + code.slice(pos + 1);
          const ours = isValidUscc(mutant);
          const ref = referenceIsValid(mutant);
          if (ours !== ref && disagreements.length < 5) disagreements.push(mutant);
          if (ref) validMutants++;
          checked++;
        }
      }
    }
    expect({ checked, disagreements, validMutants }).toEqual({ checked: 2000 * 18 * 30, disagreements: [], validMutants: 0 });
  });

  it('substitutions by characters outside the charset (I O S V Z, lower case, space) are invalid', () => {
    const outside = [...'IOSVZ', ...'abcxyz', ' ', '-'];
    const accepted: string[] = [];
    for (const code of codes.slice(0, 200)) {
      for (let pos = 0; pos < 18; pos++) {
        for (const ch of outside) {
          const mutant = code.slice(0, pos) + ch + code.slice(pos + 1);
          if (isValidUscc(mutant)) accepted.push(mutant);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('swapping two adjacent different characters is caught unless the reference also accepts it', () => {
    const disagreements: string[] = [];
    for (const code of codes) {
      for (let pos = 0; pos < 17; pos++) {
        if (code[pos] === code[pos + 1]) continue;
        const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
        if (isValidUscc(swapped) !== referenceIsValid(swapped)) disagreements.push(swapped);
      }
    }
    expect(disagreements).toEqual([]);
  });
});
