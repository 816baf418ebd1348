import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { type UseQueryResult, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import { Button, Empty, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadButton } from '../../components/ui/download-button.js';
import { Page } from '../../components/ui/page.js';
import { QueryState } from '../../components/ui/query-state.js';
import { useFormat } from '../../lib/format.js';
import { useTRPC, useTRPCClient } from '../../lib/trpc.js';
import { StatementBlock, useStatementMoney } from './statement-blocks.js';

const route = getRouteApi('/portfolio/statement');

/**
 * The quarterly capital account statement as a page that prints cleanly (A4, no navigation). Opened without
 * a quarter it shows the latest quarter issued to the LP, or says that none has been issued yet.
 */
export function StatementPage() {
  const { t } = useTranslation('lp');
  const f = useFormat();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const navigate = useNavigate();
  const search = route.useSearch();
  const issued = useQuery(trpc.lp.statementQuarters.queryOptions());
  const quarter = search.quarter ?? issued.data?.[0];
  const q = useQuery({ ...trpc.lp.statement.queryOptions({ quarter: quarter ?? '' }), enabled: Boolean(quarter) });
  const money = useStatementMoney();
  const s = q.data;
  const choices = [...new Set([...(quarter ? [quarter] : []), ...(issued.data ?? [])])].sort().reverse();
  const noneIssued = !search.quarter && issued.isSuccess && !issued.data.length;
  return (
    <Page
      title={t('statementTitle')}
      subtitle={
        s ? t('statementSub', { investor: f.name(s.investor), quarter: s.quarter, start: f.date(s.start, 'long'), end: f.date(s.end, 'long') }) : quarter
      }
      extra={
        <Space wrap>
          <Link to="/portfolio">
            <Button icon={<ArrowLeftOutlined />}>{t('back')}</Button>
          </Link>
          {choices.length ? (
            <Select
              data-testid="statement-page-quarter"
              aria-label={t('quarter')}
              style={{ width: 120 }}
              value={quarter}
              options={choices.map((x) => ({ value: x, label: x }))}
              onChange={(x: string) => void navigate({ to: '/portfolio/statement', search: { quarter: x } })}
            />
          ) : null}
          <DownloadButton
            testId="statement-page-download"
            label={t('download')}
            disabled={!quarter}
            fetch={() => client.lp.statementXlsx.query({ quarter: quarter ?? '' })}
          />
          <Button type="primary" icon={<PrinterOutlined />} disabled={!s} onClick={() => window.print()} data-testid="statement-print">
            {t('print')}
          </Button>
        </Space>
      }
    >
      {noneIssued ? (
        <Empty description={t('noneIssued')} data-testid="statement-none-issued">
          <Link to="/portfolio">
            <Button>{t('back')}</Button>
          </Link>
        </Empty>
      ) : (
        <QueryState query={(quarter ? q : issued) as UseQueryResult<unknown, unknown>}>
          {() =>
            s ? (
              <div className="hl-statement" data-testid="statement">
                <p className="hl-statement-unit" style={{ textAlign: 'right', margin: '0 0 4px' }} data-testid="statement-unit">
                  {t('common:unit', { unit: money.label })}
                </p>
                <StatementBlock title={t('allFunds')} row={s.total} testId="statement-total" />
                {s.funds.map((fund) => (
                  <StatementBlock key={fund.fundId} title={`${fund.code} ${f.name(fund)}`} row={fund} issued={fund.issued} testId={`statement-${fund.code}`} />
                ))}
                <h3>{t('flowsInQuarter')}</h3>
                {s.flows.length ? (
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
                      {s.flows.map((x, i) => (
                        <tr key={`${x.date}-${i}`}>
                          <td>{x.date}</td>
                          <td>{x.code}</td>
                          <td>{t(`kinds.${x.kind}`)}</td>
                          <td>{x.callNo ? t('callN', { n: x.callNo }) : ''}</td>
                          <td className="num-col num">{money.cell(x.amountFen)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : (
                  <Typography.Text type="secondary">{t('noFlows')}</Typography.Text>
                )}
                <p className="hl-statement-note">{t('footnote', { unit: money.label })}</p>
              </div>
            ) : null
          }
        </QueryState>
      )}
    </Page>
  );
}
