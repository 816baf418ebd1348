/**
 * Company names: the normal form used to find duplicates, and the tokens of full-text search.
 */

/** Legal-form and place words that do not tell two firms apart. Longest first. */
const ZH_NOISE = ['股份有限公司', '有限责任公司', '有限公司', '股份公司', '（集团）', '(集团)'];
const ZH_PLACE_PREFIX = /^(中国|上海市|上海|北京市|北京|深圳市|深圳|杭州市|杭州|苏州市|苏州|南京市|南京|合肥市|合肥|广州市|广州)/u;
const EN_NOISE = /\b(co|company|corp|corporation|inc|incorporated|ltd|limited|llc|plc|pte|gmbh|shanghai|china)\b/gu;

/**
 * The normal form of a firm's name for duplicate detection: full-width folded to half-width (NFKC),
 * lower case, place qualifiers in brackets and a leading city dropped, legal forms (有限公司, Co., Ltd.)
 * dropped, punctuation and spaces removed. "上海芯擎科技有限公司" and "芯擎科技（上海）有限公司" both become
 * "芯擎科技".
 */
export function normaliseCompanyName(name: string): string {
  let s = name.normalize('NFKC').toLowerCase().trim();
  s = s.replace(/[(][^()]*[)]/gu, '');
  for (const w of ZH_NOISE) s = s.split(w.normalize('NFKC')).join('');
  s = s.replace(ZH_PLACE_PREFIX, '');
  s = s.replace(EN_NOISE, ' ');
  s = s.replace(/[\p{P}\p{S}\s]+/gu, '');
  return s;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RUN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{N}])+/gu;

function runs(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(RUN) ?? [];
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/**
 * What the full-text index stores for a text: a Chinese (or other CJK) run as its overlapping bigrams
 * followed by its last character alone, so every character starts some token; words of letters and
 * digits as themselves. SQLite's unicode61 tokenizer would keep a Chinese run as one token, so "芯片"
 * could never find "上海芯片科技".
 */
export function searchText(...texts: Array<string | null | undefined>): string {
  const out: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    for (const run of runs(text)) {
      if (CJK.test(run)) {
        const chars = [...run];
        if (chars.length > 1) out.push(...bigrams(run));
        out.push(chars[chars.length - 1] as string);
      } else out.push(run);
    }
  }
  return out.join(' ');
}

/**
 * An FTS5 MATCH expression for what a user typed: every word must match. A Chinese run of two or more
 * characters is a phrase of its bigrams; a single character or a word of letters or digits matches as
 * a prefix (a character starts a bigram, or is a run's last character). Tokens are quoted, so nothing
 * the user types is FTS syntax. Returns null when the text has nothing to search for.
 */
export function searchMatchExpression(query: string): string | null {
  const parts: string[] = [];
  for (const run of runs(query).slice(0, 12)) {
    if (CJK.test(run)) {
      const chars = [...run];
      parts.push(chars.length === 1 ? `"${run}"*` : `"${bigrams(run).join(' ')}"`);
    } else parts.push(`"${run}"*`);
  }
  return parts.length ? parts.join(' AND ') : null;
}
