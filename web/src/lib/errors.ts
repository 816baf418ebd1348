import type { FieldIssue } from '@highland/shared';
import { TRPCClientError } from '@trpc/client';
import type { TFunction } from 'i18next';

/** What the server puts in error.data.domain (see server/src/trpc.ts). */
export interface DomainErrorData {
  code: string;
  key: string;
  params?: Record<string, string | number>;
  fields?: FieldIssue[];
  current?: unknown;
}

export function domainOf(error: unknown): DomainErrorData | null {
  if (error instanceof TRPCClientError) {
    const data = error.data as { domain?: DomainErrorData | null } | undefined;
    return data?.domain ?? null;
  }
  return null;
}

/** The translated message of any error: the domain key if we know it, else the server's English message. */
export function errorMessage(error: unknown, t: TFunction): string {
  const domain = domainOf(error);
  const fallback = error instanceof Error ? error.message : String(error);
  if (!domain) return error instanceof TRPCClientError ? fallback : t('errors:network');
  if (domain.fields?.length && domain.key.startsWith('validation'))
    return domain.fields
      .map((f) => t('common:fieldIssue', { field: t(`fields:${f.path}`, { defaultValue: f.path }), issue: issueMessage(f, t) }))
      .join(t('common:issueSeparator'));
  return t(`errors:${domain.key}`, { ...domain.params, defaultValue: fallback });
}

/** One field issue in the reader's language, by its rule and limits; the server's English text if the rule is new. */
export function issueMessage(issue: Pick<FieldIssue, 'rule' | 'message' | 'params'>, t: TFunction): string {
  const origin = issue.params?.origin;
  const specific = origin ? `validation:${issue.rule}.${origin}` : null;
  const fallback = issue.message.replace(/^[\w.]+: /, '');
  if (specific) {
    const s = t(specific, { ...issue.params, defaultValue: '' });
    if (s) return s;
  }
  const generic = t(`validation:${issue.rule}`, { ...issue.params, defaultValue: '' });
  return typeof generic === 'string' && generic && !generic.startsWith('validation:') ? generic : fallback;
}
