import { Link } from '@tanstack/react-router';
import { useFormat } from '../../lib/format.js';

/** An object an audit event names, as the server resolves it (shared shape of AuditRef). */
export interface AuditRef {
  entity: string;
  id: string;
  nameZh: string;
  nameEn: string;
  fundId: number | null;
  companyId: number | null;
}

/**
 * An object by name, linked to the page that shows it: a fund or a call to the fund, a deal to the deal,
 * a company — and a round, a mark, a designation… — to the company; others (an investor, a user) by name.
 */
export function AuditObject(props: { value: AuditRef }) {
  const f = useFormat();
  const r = props.value;
  const name = f.name(r);
  const testId = `audit-ref-${r.entity}`;
  if (r.entity === 'deal')
    return (
      <Link to="/pipeline/deals/$dealId" params={{ dealId: r.id }} data-testid={testId}>
        {name}
      </Link>
    );
  if (r.entity === 'fund' || (r.entity === 'capital_call' && r.fundId !== null))
    return (
      <Link to="/funds/$fundId" params={{ fundId: String(r.fundId ?? r.id) }} data-testid={testId}>
        {name}
      </Link>
    );
  if (r.companyId !== null)
    return (
      <Link to="/companies/$companyId" params={{ companyId: String(r.companyId) }} data-testid={testId}>
        {name}
      </Link>
    );
  return <span data-testid={testId}>{name}</span>;
}
