import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { getRouteApi, Link } from '@tanstack/react-router';
import { App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { downloadBase64 } from '../../lib/download.js';
import { errorMessage } from '../../lib/errors.js';
import { useFormat } from '../../lib/format.js';
import { type AppRouter, useTRPC, useTRPCClient } from '../../lib/trpc.js';

const route = getRouteApi('/portfolio/statement');
type Statement = inferRouterOutputs<AppRouter>['lp']['statement'];
type Column = Statement['total']['qtd'];
type Issued = Statement['funds'][number]['issued'];

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
function IssueNote({ issued }: { issued: Issued }) {
  const { t } = useTranslation('lp');
  const f = useFormat();
  const yuan = (fen: number) => f.money(fen, { unit: 'yuan', digits: 2, withUnit: false });
  if (!issued)
    return (
      <p className="hl-statement-issue" data-testid="issue-none">
        {t('issue.none')}
      </p>
    );
  const head = t('issue.issued', { date: f.date(issued.issuedAt.slice(0, 10), 'long'), version: issued.version, digest: issued.digest.slice(0, 12) });
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
              <td className="num-col num">{yuan(d.issuedFen)}</td>
              <td className="num-col num">{yuan(d.currentFen)}</td>
              <td className="num-col num">{yuan(d.currentFen - d.issuedFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The quarterly capital account statement as a page that prints cleanly (A4, no navigation). */
export function StatementPage() {
  const { t } = useTranslation('lp');
  const { message } = App.useApp();
  const f = useFormat();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { quarter } = route.useSearch();
  const q = useQuery({ ...trpc.lp.statement.queryOptions({ quarter: quarter ?? '' }), enabled: Boolean(quarter) });
  const download = useMutation({
    mutationFn: () => client.lp.statementXlsx.query({ quarter: quarter ?? '' }),
    onSuccess: (file) => downloadBase64(file),
    onError: (e) => void message.error(errorMessage(e, t)),
  });
  const s = q.data;
  return (
    <Page
      title={t('statementTitle')}
      subtitle={
        s
          ? t('statementSub', {
              investor: f.locale === 'en' ? s.investor.nameEn : s.investor.nameZh,
              quarter: s.quarter,
              start: f.date(s.start, 'long'),
              end: f.date(s.end, 'long'),
            })
          : quarter
      }
      extra={
        <Space>
          <Link to="/portfolio">
            <Button icon={<ArrowLeftOutlined />}>{t('back')}</Button>
          </Link>
          <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()} data-testid="statement-page-download">
            {t('download')}
          </Button>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="statement-print">
            {t('print')}
          </Button>
        </Space>
      }
    >
      <QueryState query={q}>
        {(data) => (
          <div className="hl-statement" data-testid="statement">
            <StatementBlock title={t('allFunds')} row={data.total} testId="statement-total" />
            {data.funds.map((fund) => (
              <StatementBlock
                key={fund.fundId}
                title={`${fund.code} ${f.locale === 'en' ? fund.nameEn : fund.nameZh}`}
                row={fund}
                issued={fund.issued}
                testId={`statement-${fund.code}`}
              />
            ))}
            <h3>{t('flowsInQuarter')}</h3>
            {data.flows.length ? (
              <table className="hl-statement-table">
                <thead>
                  <tr>
                    <th>{t('date')}</th>
                    <th>{t('fund')}</th>
                    <th>{t('kind')}</th>
                    <th>{t('callNo')}</th>
                    <th className="num-col">{t('amount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.flows.map((x, i) => (
                    <tr key={`${x.date}-${i}`}>
                      <td>{x.date}</td>
                      <td>{x.code}</td>
                      <td>{t(`kinds.${x.kind}`)}</td>
                      <td>{x.callNo ? t('callN', { n: x.callNo }) : ''}</td>
                      <td className="num-col num">{f.money(x.amountFen, { unit: 'yuan', digits: 2, withUnit: false })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <Typography.Text type="secondary">{t('noFlows')}</Typography.Text>
            )}
            <p className="hl-statement-note">{t('footnote')}</p>
          </div>
        )}
      </QueryState>
    </Page>
  );
}

function StatementBlock(props: {
  title: string;
  row: Pick<Statement['total'], 'qtd' | 'ytd' | 'itd' | 'committedFen' | 'calledFen' | 'unfundedFen'>;
  /** Per fund: the version issued to the LP (null: not issued yet); absent for the all-funds block. */
  issued?: Issued | null;
  testId?: string;
}) {
  const { t } = useTranslation('lp');
  const f = useFormat();
  const yuan = (fen: number) => f.money(fen, { unit: 'yuan', digits: 2, withUnit: false });
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
              <td className="num-col num">{yuan(l.value(qtd))}</td>
              <td className="num-col num">{yuan(l.value(ytd))}</td>
              <td className="num-col num">{yuan(l.value(itd))}</td>
            </tr>
          ))}
          <tr className="sep">
            <td>{t('commitment')}</td>
            <td className="num-col num">{yuan(props.row.committedFen)}</td>
            <td />
            <td />
          </tr>
          <tr>
            <td>{t('calledCapital')}</td>
            <td className="num-col num">{yuan(props.row.calledFen)}</td>
            <td />
            <td />
          </tr>
          <tr>
            <td>{t('unfunded')}</td>
            <td className="num-col num">{yuan(props.row.unfundedFen)}</td>
            <td />
            <td />
          </tr>
        </tbody>
      </table>
    </section>
  );
}
