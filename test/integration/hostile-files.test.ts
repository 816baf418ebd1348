import { crc32, deflateRawSync } from 'node:zlib';
import { deal, indexLevel, marketIndex } from '@highland/drizzle';
import { eq } from 'drizzle-orm';
import { checkZip } from '@highland/server/xlsx/zip-guard';
import { IMPORT_MAX_ROWS, suggestMapping } from '@highland/shared';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { harness } from './helpers/harness.js';
import { csv, fundId, IMPORT_HEADERS, importFile, importRow, issuesOf, type StreamAnswer } from './helpers/pipeline.js';

/**
 * Hostile files for every import (issue 15 item 7): huge, wrong encodings, zip bombs, formulas. Each
 * is refused with a clear message naming its rule, or read safely — never a 500, never a stack. The
 * files are generated here; nothing big is committed.
 */

/** A zip of the given parts, written by hand so a test can lie about sizes. */
function zip(parts: Array<{ name: string; raw: Buffer; declaredSize?: number; stored?: boolean }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const data = p.stored ? p.raw : deflateRawSync(p.raw);
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? p.raw.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(p.raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc32(p.raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** What a person sees of an answer: the HTTP status and the rule (error key), or the format read. */
const outcome = (a: StreamAnswer) => ({
  status: a.status,
  key: a.error?.key ?? null,
  hasMessage: a.error ? a.error.message.length > 10 && !/\bat .*:\d+:\d+/.test(a.error.message) : null,
  read: a.result ? `${a.result.format as string} ${a.result.encoding as string}` : null,
});

describe('hostile files for the deal import (issue 15 item 7)', () => {
  it('each is refused with its rule, or read safely: never a 500', async () => {
    const h = await harness({ env: { IMPORT_BODY_LIMIT: 2 * 1_048_576 } });
    const cookie = await h.cookieFor('gp@demo.highland');
    const sf01 = await fundId(h.db, 'SF-01');
    const preview = (body: Uint8Array | string) => importFile(h, cookie, body, { mode: 'preview' });
    const good = csv([IMPORT_HEADERS, importRow(1)]);

    // Encodings. GBK bytes of 企业名称 (checked by decoding them back below), UTF-16 with and without a BOM, noise.
    const gbk = Buffer.concat([Buffer.from([0xc6, 0xf3, 0xd2, 0xb5, 0xc3, 0xfb, 0xb3, 0xc6]), Buffer.from(',x\r\nabc,1\r\n')]);
    const utf16 = Buffer.from(`\ufeff${good}`, 'utf16le');
    const utf16NoBom = Buffer.from(good, 'utf16le');
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));

    // Size: over the body limit; and a file over the row limit that is small in bytes.
    const huge = Buffer.alloc(3 * 1_048_576, 0x41);
    const manyRows = `${IMPORT_HEADERS.join(',')}\n${'a,b\n'.repeat(IMPORT_MAX_ROWS + 1)}`;

    // Zip bombs: 40 MB of zeros in 40 KB; a part that lies about its size; ZIP64 markers; garbage after the magic.
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', raw: Buffer.alloc(40 * 1_048_576) }]);
    const liar = zip([{ name: 'xl/worksheets/sheet1.xml', raw: Buffer.alloc(2 * 1_048_576, 0x20), declaredSize: 1000 }]);
    const zip64 = zip([{ name: 'a.xml', raw: Buffer.from('<a/>') }]);
    zip64.writeUInt16LE(0xffff, zip64.length - 12);
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const legacyXls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(100).fill(0)]);

    const answers = {
      gbk: outcome(await preview(gbk)),
      utf16: outcome(await preview(utf16)),
      utf16NoBom: outcome(await preview(utf16NoBom)),
      noise: outcome(await preview(noise)),
      empty: outcome(await preview('')),
      huge: outcome(await preview(huge)),
      manyRows: outcome(await preview(manyRows)),
      bomb: outcome(await preview(bomb)),
      liar: outcome(await preview(liar)),
      zip64: outcome(await preview(zip64)),
      broken: outcome(await preview(broken)),
      legacyXls: outcome(await preview(legacyXls)),
    };
    const gbkHeader = new TextDecoder('gb18030').decode(gbk.subarray(0, 8));
    const before = (await h.db.select({ id: deal.id }).from(deal)).length;
    const committedBomb = outcome(await importFile(h, cookie, bomb, { mode: 'commit', fundId: sf01, mapping: { uscc: 0, nameZh: 1 } }));
    const after = (await h.db.select({ id: deal.id }).from(deal)).length;
    const refused = (key: string) => ({ status: 200, key, hasMessage: true, read: null });
    expect({ gbkHeader, answers, committedBomb, written: after - before }).toEqual({
      gbkHeader: '企业名称',
      answers: {
        gbk: { status: 200, key: null, hasMessage: null, read: 'csv GB18030' },
        utf16: { status: 200, key: null, hasMessage: null, read: 'csv UTF-16LE' },
        utf16NoBom: refused('import.binary'),
        noise: refused('import.encoding'),
        empty: refused('import.empty'),
        huge: { status: 413, key: 'import.tooLarge', hasMessage: true, read: null },
        manyRows: refused('import.tooManyRows'),
        bomb: refused('import.zipTooLarge'),
        liar: refused('import.zipTooLarge'),
        zip64: refused('import.zipTooLarge'),
        broken: refused('import.zipInvalid'),
        legacyXls: refused('import.legacyXls'),
      },
      committedBomb: refused('import.zipTooLarge'),
      written: 0,
    });
  });

  it('formulas are read as what they are and never evaluated: a formula cell and formula-like text are refused per cell', async () => {
    const h = await harness();
    const cookie = await h.cookieFor('gp@demo.highland');
    const sf01 = await fundId(h.db, 'SF-01');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('导入');
    ws.addRow(IMPORT_HEADERS);
    const row2 = importRow(2);
    ws.addRow(row2);
    ws.getCell('B2').value = { formula: 'HYPERLINK("http://evil.example","点我")', result: '上海良善科技有限公司' };
    ws.addRow(importRow(3, { 10: '=cmd|" /C calc"!A0' }));
    ws.addRow(importRow(4, { 1: '@SUM(1+1)上海科技有限公司' }));
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const mapping = suggestMapping(IMPORT_HEADERS) as Record<string, number>;
    const previewed = await importFile(h, cookie, bytes, { mode: 'preview' });
    const checked = await importFile(h, cookie, bytes, { mode: 'check', fundId: sf01, mapping });
    const sample = (previewed.result?.sample ?? []) as Array<{ row: number; cells: string[] }>;
    expect({
      preview: [previewed.status, sample[0]?.cells[1]],
      issues: issuesOf(checked).filter((i) => i.endsWith(':formula')),
      evaluated: JSON.stringify(checked.result).includes('上海良善科技有限公司'),
    }).toEqual({
      preview: [200, '=HYPERLINK("http://evil.example","点我")'],
      issues: ['2B:formula', '3K:formula', '4B:formula'],
      evaluated: false,
    });
  });

  it('the zip guard passes a real workbook and refuses by its limits', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('s').addRow(['上海', 1]);
    const real = Buffer.from(await book.xlsx.writeBuffer());
    const many = zip(Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.xml`, raw: Buffer.from('<x/>') })));
    expect({
      real: await checkZip(real),
      total: (await checkZip(real, { maxTotalBytes: 100, maxEntries: 100, maxRatio: 200, ratioFloorBytes: 1_048_576 }))?.rule,
      entries: (await checkZip(many, { maxTotalBytes: 1e9, maxEntries: 10, maxRatio: 200, ratioFloorBytes: 1_048_576 }))?.params,
    }).toEqual({ real: null, total: 'zipTooLarge', entries: { entries: 30, max: 10 } });
  });
});

describe('hostile input for the index import (issue 15 item 7)', () => {
  it('refuses oversized and malformed series by rule, keeps a formula-like name as plain text, and never answers 500', async () => {
    const h = await harness();
    const cookie = await h.cookieFor('admin@demo.highland');
    const base = { code: 'STAR50', nameZh: '科创50', nameEn: 'STAR 50', source: '测试 test' };
    const many = Array.from({ length: 60_000 }, (_, i) => ({ date: new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10), level: 1000 + (i % 50) }));
    const cases = {
      oversized: { ...base, rows: many },
      formulaName: { ...base, nameZh: '=HYPERLINK("http://evil.example")', rows: [{ date: '2026-10-30', level: 1 }] },
      badLevel: { ...base, rows: [{ date: '2026-10-30', level: -1 }] },
      badDate: { ...base, rows: [{ date: '2026-02-30', level: 1 }] },
      notNumber: { ...base, rows: [{ date: '2026-10-30', level: '=1+1' }] },
      nested: { ...base, rows: { length: 1e9 } },
    };
    const before = (await h.db.select({ code: indexLevel.indexCode }).from(indexLevel)).length;
    const statuses: Record<string, number> = {};
    for (const [name, input] of Object.entries(cases)) {
      const res = await h.http('benchmark.import', { cookie, input });
      const text = await res.text();
      statuses[name] = /\bat .*:\d+:\d+/.test(text) ? -1 : res.status;
    }
    const after = (await h.db.select({ code: indexLevel.indexCode }).from(indexLevel)).length;
    const stored = (await h.db.select({ nameZh: marketIndex.nameZh }).from(marketIndex).where(eq(marketIndex.code, 'STAR50')))[0]?.nameZh;
    // A formula-like name is a name: stored as the text it is (exports escape it, xlsx.test.ts); only its one valid row is written.
    expect({ statuses, written: after - before, stored }).toEqual({
      statuses: { oversized: 413, formulaName: 200, badLevel: 400, badDate: 400, notNumber: 400, nested: 400 },
      written: 1,
      stored: '=HYPERLINK("http://evil.example")',
    });
  });
});
