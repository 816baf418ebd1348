/**
 * The one error type of Highland's domain and data code. Transport layers map `code` to their own
 * status (see server/src/trpc.ts); the web translates `key` (a stable message code) with `params`.
 * `message` is English and names the field and the rule, for API users and logs.
 */
export const DOMAIN_ERROR_CODES = ['NOT_FOUND', 'CONFLICT', 'INVALID_STATE', 'FORBIDDEN', 'VALIDATION', 'UNAUTHENTICATED', 'RATE_LIMITED'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One problem with one input field: `path` is dotted ("lines.3.amountFen"), `rule` a stable code. */
export interface FieldIssue {
  path: string;
  rule: string;
  message: string;
  params?: Record<string, string | number>;
}

export interface DomainErrorDetails {
  params?: Record<string, string | number>;
  fields?: FieldIssue[];
  /** For CONFLICT: the current state the caller should reload. */
  current?: unknown;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly key: string;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, key: string, message: string, details: DomainErrorDetails = {}) {
    super(message);
    this.code = code;
    this.key = key;
    this.details = details;
  }

  /** A single-field validation error: `DomainError.field('amountFen', 'positive', 'amountFen: must be greater than 0')`. */
  static field(path: string, rule: string, message: string, params?: Record<string, string | number>): DomainError {
    const issue: FieldIssue = params ? { path, rule, message, params } : { path, rule, message };
    return new DomainError('VALIDATION', `validation.${rule}`, message, { fields: [issue], ...(params ? { params } : {}) });
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
