/**
 * Importing deals from a spreadsheet: the fields a column can map to, the automatic mapping of
 * headers, and the checks of every cell and row that need no database. Every problem is reported as
 * (row, column, rule) before anything is written; the server adds the checks that need the database
 * (owners, existing deals) in the same form.
 */
import { WebsiteSchema } from '../company/schema.js';
import { computeUsccCheckChar, isValidUscc } from '../company/uscc.js';
import { isIsoDate } from '../common/dates.js';
import { DATE_MAX, DATE_MIN } from '../common/schema.js';
import { FEN_PER_WAN } from '../format/format.js';
import type { Labelled } from '../reference/taxonomy.js';
import { OWNERSHIP_TYPES, type Ownership, SECTORS, type Sector, ZONES, type Zone } from '../reference/taxonomy.js';
import { ROUNDS, type Round } from '../portfolio/reference.js';
import { nearestCodes } from './nearest.js';
import { DEAL_SOURCES, type DealSource } from './reference.js';
import { DEAL_AMOUNT_MAX_FEN, NEXT_STEP_MAX, DEAL_NOTE_MAX, REASON_MAX, VALUATION_MAX_FEN } from './schema.js';
import { checkMove, isSideStage, type OpenStage, type Stage, STAGES, type StageOrder, stageOrder } from './stages.js';

/** At most this many data rows per file; larger files are refused with this reason. */
export const IMPORT_MAX_ROWS = 100_000;
/** At most this many errors are sent back (the total is always given). */
export const IMPORT_MAX_ERRORS_LISTED = 10_000;

/** A cell as read from the file: text (CSV), or what a spreadsheet stored. */
export type ImportCell = string | number | boolean | null | { formula: string } | { error: string };

export interface ImportField {
  key: string;
  zh: string;
  en: string;
  required: boolean;
  /** Header texts that map to this field automatically (compared in normal form). */
  aliases: readonly string[];
}

export const IMPORT_FIELDS = [
  {
    key: 'uscc',
    zh: '统一社会信用代码',
    en: 'Credit code (USCC)',
    required: true,
    aliases: ['信用代码', '社会信用代码', 'uscc', 'creditcode', 'unifiedsocialcreditcode'],
  },
  {
    key: 'nameZh',
    zh: '企业名称',
    en: 'Company name',
    required: true,
    aliases: ['公司名称', '中文名称', '企业中文名称', 'company', 'companyname', 'name', 'namezh'],
  },
  { key: 'nameEn', zh: '英文名称', en: 'English name', required: false, aliases: ['企业英文名称', 'englishname', 'nameen'] },
  { key: 'sector', zh: '行业领域', en: 'Sector', required: true, aliases: ['行业', '所属行业', '领域', 'sector', 'industry'] },
  { key: 'zone', zh: '所在区域', en: 'Zone or district', required: true, aliases: ['区域', '园区', '所在园区', '区县', 'zone', 'district'] },
  {
    key: 'registeredInShanghai',
    zh: '在沪注册',
    en: 'Registered in Shanghai',
    required: false,
    aliases: ['是否在沪注册', '上海注册', '注册在上海', 'registeredinshanghai', 'shanghai'],
  },
  { key: 'founded', zh: '成立日期', en: 'Founded', required: false, aliases: ['成立时间', '成立年份', 'founded', 'foundeddate'] },
  { key: 'ownership', zh: '企业性质', en: 'Ownership', required: true, aliases: ['所有制', '企业类型', 'ownership'] },
  { key: 'headcount', zh: '员工人数', en: 'Headcount', required: false, aliases: ['人数', '员工数', 'headcount', 'employees'] },
  { key: 'website', zh: '网站', en: 'Website', required: false, aliases: ['官网', '网址', 'website', 'url'] },
  { key: 'stage', zh: '项目阶段', en: 'Stage', required: false, aliases: ['阶段', 'stage'] },
  { key: 'owner', zh: '项目负责人', en: 'Owner', required: false, aliases: ['负责人', 'owner', 'owneremail'] },
  { key: 'source', zh: '项目来源', en: 'Source', required: false, aliases: ['来源', 'source'] },
  { key: 'round', zh: '融资轮次', en: 'Round', required: false, aliases: ['轮次', 'round'] },
  { key: 'amount', zh: '拟投金额（万元）', en: 'Proposed amount (CNY 10k)', required: false, aliases: ['拟投金额', '投资金额', 'amount', 'proposedamount'] },
  {
    key: 'preMoney',
    zh: '投前估值（万元）',
    en: 'Pre-money valuation (CNY 10k)',
    required: false,
    aliases: ['投前估值', '估值', 'premoney', 'premoneyvaluation'],
  },
  { key: 'nextStep', zh: '下一步', en: 'Next step', required: false, aliases: ['下一步计划', 'nextstep'] },
  { key: 'nextStepDate', zh: '下一步日期', en: 'Next step date', required: false, aliases: ['计划日期', 'nextstepdate'] },
  { key: 'note', zh: '备注', en: 'Notes', required: false, aliases: ['说明', 'note', 'notes'] },
  { key: 'passReason', zh: '放弃原因', en: 'Pass reason', required: false, aliases: ['passreason', 'reason'] },
] as const satisfies readonly ImportField[];
export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]['key'];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];

/** Field → column index (0-based) in the file; unmapped fields are absent. */
export type ImportMapping = Partial<Record<ImportFieldKey, number>>;

/** A header in normal form: full-width folded, lower case, bracketed units and spaces/punctuation dropped. */
function headerKey(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Maps headers to fields by name or alias; each field takes the first column that matches. */
export function suggestMapping(headers: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const keys = headers.map(headerKey);
  for (const f of IMPORT_FIELDS) {
    const names = new Set([headerKey(f.zh), headerKey(f.en), headerKey(f.key), ...f.aliases.map(headerKey)]);
    const at = keys.findIndex((k, i) => k !== '' && names.has(k) && !Object.values(mapping).includes(i));
    if (at >= 0) mapping[f.key] = at;
  }
  return mapping;
}

/** Column letters as a spreadsheet shows them: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface ImportIssue {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: number;
  /** Column letter (A, B, …), or '' for a problem with the whole row. */
  column: string;
  field: ImportFieldKey | null;
  rule: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface ImportRowCompany {
  uscc: string;
  nameZh: string;
  nameEn: string | null;
  sector: Sector;
  zone: Zone;
  registeredInShanghai: boolean;
  founded: string | null;
  ownership: Ownership;
  headcount: number | null;
  website: string | null;
}

export interface ImportRowDeal {
  stage: Stage;
  /** For a deal created on hold or passed: the stage it is held or passed in. */
  previousStage: OpenStage | null;
  owner: string | null;
  source: DealSource | null;
  round: Round | null;
  amountFen: number | null;
  preMoneyFen: number | null;
  nextStep: string | null;
  nextStepDate: string | null;
}

export interface ImportRow {
  row: number;
  company: ImportRowCompany;
  deal: ImportRowDeal;
  /** Which deal fields the file gives a value for (an empty cell leaves the deal's value alone). */
  given: ReadonlySet<keyof ImportRowDeal>;
  note: string | null;
  passReason: string | null;
}

export interface ImportCheck {
  rows: ImportRow[];
  issues: ImportIssue[];
  /** Rows that repeat an earlier row exactly and were folded into it. */
  folded: Array<{ row: number; sameAs: number }>;
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

function lookup<K extends string>(table: Record<K, Labelled>): Map<string, K> {
  const m = new Map<string, K>();
  for (const [code, l] of Object.entries(table) as Array<[K, Labelled]>) {
    m.set(norm(code), code);
    m.set(norm(l.zh), code);
    m.set(norm(l.en), code);
  }
  return m;
}
const SECTOR_BY = lookup(SECTORS);
const ZONE_BY = lookup(ZONES);
const OWNERSHIP_BY = lookup(OWNERSHIP_TYPES);
const SOURCE_BY = lookup(DEAL_SOURCES);
const ROUND_BY = lookup(ROUNDS);
const STAGE_BY = lookup(STAGES);
// Common spellings people type.
for (const [k, v] of [
  ['国有', 'state_owned'],
  ['国企', 'state_owned'],
  ['民企', 'private'],
  ['混合', 'mixed'],
  ['soe', 'state_owned'],
] as const)
  OWNERSHIP_BY.set(k, v);
for (const [k, v] of [
  ['a', 'a'],
  ['b', 'b'],
  ['c', 'c'],
  ['天使', 'angel'],
  ['种子', 'seed'],
] as const)
  ROUND_BY.set(k, v);

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '✓', '√']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '']);

class CellError {
  constructor(
    readonly rule: string,
    readonly message: string,
    readonly params?: Record<string, string | number>,
  ) {}
}

/**
 * Text a spreadsheet would run: anything starting with =, and +, - or @ followed by a function call or
 * a DDE pipe (`+cmd|' /C calc'!A0`, `@SUM(A1)`). A note such as "- 已约见" is ordinary text.
 */
export function looksLikeFormula(s: string): boolean {
  return /^=/.test(s) || /^[+\-@].*\|/.test(s) || /^[+\-@]\s*[A-Za-z_][\w.]*\s*\(/.test(s);
}

/** A cell as text (numbers written plainly), or throws for formulas and spreadsheet errors. */
function cellText(cell: ImportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') {
    if ('formula' in cell) throw new CellError('formula', 'holds a formula; paste the values instead', { formula: cell.formula.slice(0, 40) });
    throw new CellError('cellError', `holds a spreadsheet error (${cell.error})`, { error: cell.error });
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  const s = cell.trim();
  // Text a spreadsheet would run as a formula is refused rather than stored (exports escape it anyway).
  if (looksLikeFormula(s)) throw new CellError('formula', 'looks like a spreadsheet formula (starts with =, +, - or @)');
  return s;
}

function text(cell: ImportCell, max: number): string | null {
  const s = cellText(cell);
  if (s === '') return null;
  if (s.length > max && [...s].length > max) throw new CellError('too_big', `must be at most ${max} characters`, { maximum: max, origin: 'string' });
  return s;
}

function pick<K extends string>(cell: ImportCell, by: Map<string, K>, rule: string, what: string, table: Readonly<Record<K, Labelled>>): K | null {
  const s = cellText(cell);
  if (s === '') return null;
  const code = by.get(norm(s));
  if (!code) {
    // Name the nearest allowed values, in both languages (the page shows the reader's).
    const near = nearestCodes(s.slice(0, 40), table);
    const nearest: Record<string, string> = near.length
      ? { nearestZh: near.map((c) => table[c].zh).join('、'), nearestEn: near.map((c) => table[c].en).join(', ') }
      : {};
    throw new CellError(rule, `"${s.slice(0, 40)}" is not a known ${what}${near.length ? ` (nearest: ${nearest.nearestEn})` : ''}`, {
      value: s.slice(0, 40),
      ...nearest,
    });
  }
  return code;
}

/** 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日; a bare year for `founded`. */
export function parseImportDate(s: string, yearAlone = false): string | null {
  const t = s.normalize('NFKC').trim();
  if (yearAlone && /^\d{4}$/.test(t)) return `${t}-01-01`;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(t);
  if (!m) return null;
  const iso = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function date(cell: ImportCell, yearAlone = false): string | null {
  const s = cellText(cell);
  if (s === '') return null;
  const iso = parseImportDate(s, yearAlone);
  if (!iso) throw new CellError('isoDate', `"${s.slice(0, 20)}" is not a date (write 2024-03-01)`);
  if (iso < DATE_MIN || iso > DATE_MAX) throw new CellError('dateRange', `must be between ${DATE_MIN} and ${DATE_MAX}`, { min: DATE_MIN, max: DATE_MAX });
  return iso;
}

/**
 * An amount in 万元 to fen, exactly: at most two decimals (0.01 万元 = ¥100), thousands separators
 * allowed, never negative or zero.
 */
export function wanToFen(s: string): number | null {
  const t = s
    .normalize('NFKC')
    .replace(/[,，\s]/g, '')
    .replace(/万元?$/, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return null;
  return Number(m[1]) * FEN_PER_WAN + Number((m[2] ?? '').padEnd(2, '0')) * (FEN_PER_WAN / 100);
}

function money(cell: ImportCell, maxFen: number): number | null {
  const s = cellText(cell);
  if (s === '') return null;
  if (/^-/.test(s)) throw new CellError('positive', 'must be greater than 0');
  const fen = wanToFen(s);
  if (fen === null) throw new CellError('money', `"${s.slice(0, 20)}" is not an amount in 万元 (at most two decimals)`);
  if (fen <= 0) throw new CellError('positive', 'must be greater than 0');
  if (fen > maxFen) throw new CellError('amountRange', `must be at most ${maxFen / FEN_PER_WAN} 万元`, { max: maxFen / FEN_PER_WAN });
  return fen;
}

function integer(cell: ImportCell, max: number): number | null {
  const s = cellText(cell).replace(/[,，]/g, '');
  if (s === '') return null;
  if (!/^\d+$/.test(s)) throw new CellError('integer', `"${s.slice(0, 20)}" is not a whole number`);
  const n = Number(s);
  if (n > max) throw new CellError('too_big', `must be at most ${max}`, { maximum: max, origin: 'number' });
  return n;
}

function bool(cell: ImportCell): boolean | null {
  const s = norm(cellText(cell));
  if (s === '') return null;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new CellError('bool', `"${s.slice(0, 20)}" is not yes or no (是/否)`);
}

const FIELD_BY_KEY = new Map<string, ImportField>(IMPORT_FIELDS.map((f) => [f.key, f]));

/**
 * Checks every row of a file against the field rules and the state machine's requirements for a deal
 * created at the row's stage, and folds exact repeats. Nothing here needs the database.
 */
export function checkImportRows(rows: ReadonlyArray<{ row: number; cells: readonly ImportCell[] }>, mapping: ImportMapping, order: StageOrder): ImportCheck {
  const issues: ImportIssue[] = [];
  const out: ImportRow[] = [];
  const folded: ImportCheck['folded'] = [];
  const firstByUscc = new Map<string, { row: number; signature: string }>();
  const missing = IMPORT_FIELDS.filter((f) => f.required && mapping[f.key] === undefined);
  for (const f of missing)
    issues.push({ row: 1, column: '', field: f.key, rule: 'unmapped', message: `no column is mapped to ${f.en}`, params: { field: f.key } });
  if (missing.length) return { rows: [], issues, folded };
  const stages = stageOrder('direct', order);

  for (const { row, cells } of rows) {
    if (cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''))) continue;
    const rowIssues: ImportIssue[] = [];
    const get = <T>(key: ImportFieldKey, parse: (c: ImportCell) => T, required = false): T | null => {
      const at = mapping[key];
      if (at === undefined) return null;
      const cell = cells[at] ?? null;
      try {
        const v = parse(cell);
        if (required && (v === null || v === '')) throw new CellError('required', 'is required');
        return v;
      } catch (e) {
        if (!(e instanceof CellError)) throw e;
        const field = FIELD_BY_KEY.get(key);
        rowIssues.push({
          row,
          column: columnLetter(at),
          field: key,
          rule: e.rule,
          message: `row ${row}, column ${columnLetter(at)} (${field?.en ?? key}): ${e.message}`,
          ...(e.params ? { params: e.params } : {}),
        });
        return null;
      }
    };
    const uscc = get(
      'uscc',
      (c) => {
        const s = cellText(c);
        if (s === '') return null;
        // What UsccSchema does (trim, upper-case, check), without zod's cost on 100,000 rows.
        const code = s.toUpperCase();
        if (!isValidUscc(code)) throw new CellError('uscc', `"${s.slice(0, 24)}" is not a valid unified social credit code`);
        return code;
      },
      true,
    );
    const nameZh = get('nameZh', (c) => text(c, 200), true);
    const nameEn = get('nameEn', (c) => text(c, 200));
    const sector = get('sector', (c) => pick(c, SECTOR_BY, 'unknownSector', 'sector', SECTORS), true);
    const zone = get('zone', (c) => pick(c, ZONE_BY, 'unknownZone', 'zone or district', ZONES), true);
    const shanghai = get('registeredInShanghai', bool);
    const founded = get('founded', (c) => date(c, true));
    const ownership = get('ownership', (c) => pick(c, OWNERSHIP_BY, 'unknownOwnership', 'ownership', OWNERSHIP_TYPES), true);
    const headcount = get('headcount', (c) => integer(c, 1_000_000));
    const website = get('website', (c) => {
      const s = cellText(c);
      if (s === '') return null;
      const r = WebsiteSchema.safeParse(s);
      if (!r.success) throw new CellError('website', `"${s.slice(0, 40)}" is not a web address`);
      return r.data;
    });
    const stage = get('stage', (c) => pick(c, STAGE_BY, 'unknownStage', 'stage', STAGES));
    const owner = get('owner', (c) => text(c, 254));
    const source = get('source', (c) => pick(c, SOURCE_BY, 'unknownSource', 'source', DEAL_SOURCES));
    const round = get('round', (c) => pick(c, ROUND_BY, 'unknownRound', 'round', ROUNDS));
    const amountFen = get('amount', (c) => money(c, DEAL_AMOUNT_MAX_FEN));
    const preMoneyFen = get('preMoney', (c) => money(c, VALUATION_MAX_FEN));
    const nextStep = get('nextStep', (c) => text(c, NEXT_STEP_MAX));
    const nextStepDate = get('nextStepDate', (c) => date(c));
    const note = get('note', (c) => text(c, DEAL_NOTE_MAX));
    const passReason = get('passReason', (c) => text(c, REASON_MAX));

    const zoneInfo = zone ? ZONES[zone] : null;
    const registeredInShanghai = shanghai ?? zoneInfo?.shanghai ?? false;
    if (registeredInShanghai && zoneInfo && !zoneInfo.shanghai) {
      const at = mapping.zone ?? 0;
      rowIssues.push({
        row,
        column: columnLetter(at),
        field: 'zone',
        rule: 'zoneNotShanghai',
        message: `row ${row}, column ${columnLetter(at)} (Zone): a firm registered in Shanghai must sit in a Shanghai zone or district`,
      });
    }

    // A new deal may start only where the state machine lets a bare deal go.
    const target: Stage = stage ?? 'sourced';
    let previousStage: OpenStage | null = null;
    if (!isSideStage(target) && !(stages as readonly Stage[]).includes(target)) {
      rowIssues.push(stageIssue(row, mapping, 'wrongPipeline', `${STAGES[target].en} is not a stage of a fund's deal pipeline`));
    } else if (isSideStage(target)) {
      previousStage = 'sourced';
      if (target === 'passed' && !passReason)
        rowIssues.push({
          row,
          column: columnLetter(mapping.passReason ?? mapping.stage ?? 0),
          field: 'passReason',
          rule: 'reasonRequired',
          message: `row ${row}: a passed deal needs a pass reason`,
        });
    } else if (target !== 'sourced') {
      const check = checkMove({ kind: 'direct', order, stage: 'sourced', previousStage: null }, target, {
        amountFen,
        preMoneyFen,
        scorecardComplete: false,
        hasClosing: false,
        hasSigning: false,
        reason: null,
      });
      if (!check.ok) {
        const needs = check.rule === 'needsScorecard' || check.rule === 'needsClosing' ? 'stageNeedsScorecard' : check.rule;
        const stageName = STAGES[(check.params.stage as Stage) ?? target]?.en ?? target;
        rowIssues.push(
          stageIssue(
            row,
            mapping,
            needs,
            needs === 'stageNeedsScorecard'
              ? `an imported deal cannot start at ${STAGES[target].en}: ${stageName} needs a scorecard or a closing; import it at an earlier stage and move it`
              : `${stageName} needs ${check.rule === 'needsAmount' ? 'a proposed amount' : 'a pre-money valuation'}`,
            { stage: check.params.stage ?? target },
          ),
        );
      }
    }

    if (rowIssues.length) {
      issues.push(...rowIssues);
      continue;
    }
    if (!uscc || !nameZh || !sector || !zone || !ownership) continue;
    const given = new Set<keyof ImportRowDeal>();
    const deal: ImportRowDeal = { stage: target, previousStage, owner, source, round, amountFen, preMoneyFen, nextStep, nextStepDate };
    for (const [k, v] of Object.entries(deal) as Array<[keyof ImportRowDeal, unknown]>) if (v !== null) given.add(k);
    if (stage === null) given.delete('stage');
    given.delete('previousStage');
    const parsed: ImportRow = {
      row,
      company: { uscc, nameZh, nameEn, sector, zone, registeredInShanghai, founded, ownership, headcount, website },
      deal,
      given,
      note,
      passReason,
    };
    const signature = JSON.stringify([parsed.company, parsed.deal, note, passReason]);
    const first = firstByUscc.get(uscc);
    if (first) {
      if (first.signature === signature) folded.push({ row, sameAs: first.row });
      else
        issues.push({
          row,
          column: columnLetter(mapping.uscc ?? 0),
          field: 'uscc',
          rule: 'duplicateRow',
          message: `row ${row}: credit code ${uscc} is already in row ${first.row} with different values; keep one of the two rows`,
          params: { first: first.row },
        });
      continue;
    }
    firstByUscc.set(uscc, { row, signature });
    out.push(parsed);
  }
  return { rows: out, issues, folded };
}

function stageIssue(row: number, mapping: ImportMapping, rule: string, message: string, params?: Record<string, string>): ImportIssue {
  const column = mapping.stage === undefined ? '' : columnLetter(mapping.stage);
  return { row, column, field: 'stage', rule, message: `row ${row}, column ${column || '—'} (Stage): ${message}`, ...(params ? { params } : {}) };
}

/** Issues in reading order: by row, then column. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  const colIndex = (c: string) => (c === '' ? -1 : [...c].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0));
  return issues.sort((a, b) => a.row - b.row || colIndex(a.column) - colIndex(b.column));
}

/** The example row's credit code (Pudong's division, a made-up serial) before its check character. */
const EXAMPLE_USCC17 = '91310115MA1K4EXA0';

/** One list of the template's "allowed values" sheet: the field's header and what its cells may hold. */
export interface ImportAllowedList {
  field: ImportFieldKey;
  header: string;
  values: string[];
}

/**
 * What the downloadable template holds, in the reader's language: the headers, one example row that
 * passes every check (stage 新项目, owned by the first of `owners`), and the allowed values of each
 * coded field — sectors, zones, ownership, stages of the fund's pipeline, sources, rounds and the fund's
 * managers by the name the board shows.
 */
export function importTemplate(locale: 'zh-CN' | 'en', owners: readonly string[], order: StageOrder = 'committee_first') {
  const en = locale === 'en';
  const label = (l: Labelled) => (en ? l.en : l.zh);
  const labels = <K extends string>(t: Readonly<Record<K, Labelled>>, codes?: readonly K[]) => (codes ?? (Object.keys(t) as K[])).map((c) => label(t[c]));
  const header = (key: ImportFieldKey) => {
    const f = FIELD_BY_KEY.get(key) as ImportField;
    return en ? f.en : f.zh;
  };
  const example: Record<ImportFieldKey, string> = {
    uscc: `${EXAMPLE_USCC17}${computeUsccCheckChar(EXAMPLE_USCC17) ?? ''}`,
    nameZh: '上海示例智能科技有限公司',
    nameEn: 'Shanghai Example AI Co., Ltd.',
    sector: label(SECTORS.ai_chips),
    zone: label(ZONES.pudong_zhangjiang),
    registeredInShanghai: en ? 'yes' : '是',
    founded: '2019-06-01',
    ownership: label(OWNERSHIP_TYPES.private),
    headcount: '120',
    website: 'https://example.com',
    stage: label(STAGES.sourced),
    owner: owners[0] ?? '',
    source: label(DEAL_SOURCES.inbound),
    round: label(ROUNDS.a),
    amount: '500',
    preMoney: '20000',
    nextStep: en ? 'First meeting' : '首次约见',
    nextStepDate: '2026-12-31',
    note: en ? 'Example row: replace or delete it before importing' : '示例行：导入前请替换或删除',
    passReason: '',
  };
  const stages = [...stageOrder('direct', order), 'on_hold', 'passed'] as Stage[];
  const allowed: ImportAllowedList[] = [
    { field: 'sector', header: header('sector'), values: labels(SECTORS) },
    { field: 'zone', header: header('zone'), values: labels(ZONES) },
    { field: 'ownership', header: header('ownership'), values: labels(OWNERSHIP_TYPES) },
    { field: 'stage', header: header('stage'), values: labels(STAGES, stages) },
    { field: 'source', header: header('source'), values: labels(DEAL_SOURCES) },
    { field: 'round', header: header('round'), values: labels(ROUNDS) },
    { field: 'owner', header: header('owner'), values: [...owners] },
    { field: 'registeredInShanghai', header: header('registeredInShanghai'), values: en ? ['yes', 'no'] : ['是', '否'] },
  ];
  return { headers: IMPORT_FIELDS.map((f) => header(f.key)), example: IMPORT_FIELDS.map((f) => example[f.key]), allowed };
}
