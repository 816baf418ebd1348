#!/usr/bin/env node
// Evaluates XIRR in LibreOffice (headless) for ad-hoc cases — used to obtain the expected values quoted
// in the unit tests. Input: a JSON file [{ "name": ..., "flows": [{ "date": "YYYY-MM-DD", "amount": n }] }].
//   node scripts/lo-xirr.mjs cases.json
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const serial = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25569; // 1899-12-30 = 0
const rows = [];
let row = 1;
for (const c of cases) {
  c.row = row;
  const last = row + c.flows.length - 1;
  c.flows.forEach((f, i) => {
    const formula = i === 0 ? `<table:table-cell table:formula="of:=XIRR([.A${row}:.A${last}];[.B${row}:.B${last}])"/>` : '';
    rows.push(
      `<table:table-row><table:table-cell office:value-type="float" office:value="${f.amount}"/><table:table-cell office:value-type="float" office:value="${serial(f.date)}"/>${formula}</table:table-row>`,
    );
  });
  row = last + 1;
}
const dir = mkdtempSync(join(tmpdir(), 'lo-xirr-'));
writeFileSync(
  join(dir, 'cases.fods'),
  `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="x">${rows.join('\n')}</table:table></office:spreadsheet></office:body></office:document>`,
);
const res = spawnSync(
  'soffice',
  [
    `-env:UserInstallation=file://${dir}/profile`,
    '--headless',
    '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false',
    '--outdir',
    dir,
    join(dir, 'cases.fods'),
  ],
  { encoding: 'utf8' },
);
if (res.status !== 0) throw new Error(res.stderr);
const lines = readFileSync(join(dir, 'cases.csv'), 'utf8').split('\n');
for (const c of cases) console.log(`${c.name}: ${lines[c.row - 1].split(',')[2]}`);
rmSync(dir, { recursive: true, force: true });
