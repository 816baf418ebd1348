import { ROUNDS, type Round } from '../portfolio/reference.js';
import type { DisplayLocale } from './format.js';

/**
 * Memos the system itself writes on ledger entries (a fee year, an exit's proceeds, a round, a closing from the
 * pipeline) are stored in Chinese as text; a reader sees them in their language. A memo a person typed is shown
 * as typed. Rounds written by their internal code (`… seed`, by older versions) read as the round's name.
 */
export function memoText(memo: string | null | undefined, locale: DisplayLocale): string {
  if (!memo) return '';
  const en = locale === 'en';
  let m = /^第(\d+)年管理费$/.exec(memo);
  if (m) return en ? `Management fee, year ${m[1]}` : memo;
  if (memo === '项目退出分配') return en ? 'Distribution of exit proceeds' : memo;
  m = /^项目储备交割 deal #(\d+)$/.exec(memo);
  if (m) return en ? `Closing from the pipeline, deal #${m[1]}` : `项目储备交割（项目 #${m[1]}）`;
  m = /^(.+) 退出 #(\d+)$/.exec(memo);
  if (m) return en ? `${m[1]}: exit #${m[2]}` : memo;
  m = /^(.+) (\S+)$/.exec(memo);
  if (m) {
    const round = roundOf(m[2] as string);
    if (round) return `${m[1]} ${ROUNDS[round][en ? 'en' : 'zh']}`;
  }
  return memo;
}

function roundOf(word: string): Round | null {
  if (Object.hasOwn(ROUNDS, word)) return word as Round;
  const byZh = (Object.keys(ROUNDS) as Round[]).find((r) => ROUNDS[r].zh === word);
  return byZh ?? null;
}
