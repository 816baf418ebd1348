import type { inferRouterOutputs } from '@trpc/server';
import type { MoneyUnit } from '@highland/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format.js';
import type { AppRouter } from '../../lib/trpc.js';

export type Statement = inferRouterOutputs<AppRouter>['lp']['statement'];
type Column = Statement['total']['qtd'];
type Issued = Statement['funds'][number]['issued'];

/** Statement amounts on screen: 万元 in Chinese, millions in English, the unit named once above the tables. */
export function useStatementMoney() {
  const f = useFormat();
  const unit: MoneyUnit = f.tableUnit();
  return { unit, cell: (fen: number) => f.moneyCell(fen, unit), label: f.unitLabel(unit) };
}

/** The statement's key for each line a restatement can move. */
const LINE_KEY: Record<string, string> = {
  beginningFen: 'beginning',
  contributionsFen: 'contributions',
  distributionsFen: 'distributions',
  feesFen: 'feesExpenses',
  gainLossFen: 'gainLoss',
  endingFen: 'ending',
  committedFen: 'commitment',
  calledFen: 'calledCapital',
  unfundedFen: 'unfunded',
};

/**
 * Whether the fund issued this statement, which version, and — when the books have moved since — every line
 * that differs from what was sent (ADR 034). The figures shown are always the books' figures now.
 */
export function IssueNote({ issued }: { issued: Issued }) {
  const { t } = useTranslation('lp');
  const f = useFormat();
  const money = useStatementMoney();
  if (!issued)
    return (
      <p className="hl-statement-issue" data-testid="issue-none">
        {t('issue.none')}
      </p>
    );
  const head = t('issue.issued', { date: f.dateOf(issued.issuedAt, 'long'), version: issued.version, digest: issued.digest.slice(0, 12) });
  if (!issued.differences.length)
    return (
      <p className="hl-statement-issue" data-testid="issue-agrees">
        {head}
        {issued.note ? ` ${t('issue.reason', { note: issued.note })}` : ''}
      </p>
    );
  return (
    <div className="hl-statement-issue restated" data-testid="issue-restated">
      <p>
        <strong>{t('issue.restatedTitle')}</strong> {head} {t('issue.restatedBody')}
      </p>
      <table className="hl-statement-table">
        <thead>
          <tr>
            <th>{t('line')}</th>
            <th className="num-col">{t('issue.asIssued')}</th>
            <th className="num-col">{t('issue.now')}</th>
            <th className="num-col">{t('issue.change')}</th>
          </tr>
        </thead>
        <tbody>
          {issued.differences.map((d) => (
            <tr key={`${d.column}-${d.line}`}>
              <td>{d.column ? t('issue.lineIn', { line: t(LINE_KEY[d.line] ?? d.line), column: t(d.column) }) : t(LINE_KEY[d.line] ?? d.line)}</td>
              <td className="num-col num">{money.cell(d.issuedFen)}</td>
              <td className="num-col num">{money.cell(d.currentFen)}</td>
              <td className="num-col num">{money.cell(d.currentFen - d.issuedFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StatementBlock(props: {
  title: string;
  row: Pick<Statement['total'], 'qtd' | 'ytd' | 'itd' | 'committedFen' | 'calledFen' | 'unfundedFen'>;
  /** Per fund: the version issued to the LP (null: not issued yet); absent for the all-funds block. */
  issued?: Issued | null;
  testId?: string;
}) {
  const { t } = useTranslation('lp');
  const money = useStatementMoney();
  const lines: Array<{ key: string; value: (c: Column) => number; strong?: boolean }> = [
    { key: 'beginning', value: (c) => c.beginningFen, strong: true },
    { key: 'contributions', value: (c) => c.contributionsFen },
    { key: 'distributions', value: (c) => 0 - c.distributionsFen },
    { key: 'feesExpenses', value: (c) => 0 - c.feesFen },
    { key: 'gainLoss', value: (c) => c.gainLossFen },
    { key: 'ending', value: (c) => c.endingFen, strong: true },
  ];
  const { qtd, ytd, itd } = props.row;
  return (
    <section className="hl-statement-block" data-testid={props.testId}>
      <h3>{props.title}</h3>
      {props.issued === undefined ? null : <IssueNote issued={props.issued} />}
      <table className="hl-statement-table">
        <thead>
          <tr>
            <th>{t('line')}</th>
            <th className="num-col">{t('qtd')}</th>
            <th className="num-col">{t('ytd')}</th>
            <th className="num-col">{t('itd')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.key} className={l.strong ? 'strong' : undefined} data-testid={`line-${l.key}`}>
              <td>{t(l.key)}</td>
              <td className="num-col num">{money.cell(l.value(qtd))}</td>
              <td className="num-col num">{money.cell(l.value(ytd))}</td>
              <td className="num-col num">{money.cell(l.value(itd))}</td>
            </tr>
          ))}
          <tr className="sep">
            <td>{t('commitment')}</td>
            <td className="num-col num">{money.cell(props.row.committedFen)}</td>
            <td />
            <td />
          </tr>
          <tr>
            <td>{t('calledCapital')}</td>
            <td className="num-col num">{money.cell(props.row.calledFen)}</td>
            <td />
            <td />
          </tr>
          <tr>
            <td>{t('unfunded')}</td>
            <td className="num-col num">{money.cell(props.row.unfundedFen)}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
    </section>
  );
}
