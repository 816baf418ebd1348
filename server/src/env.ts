import { DEFAULT_TIME_ZONE, isValidTimeZone } from '@highland/shared';
import { z } from 'zod';

/** Every setting Highland reads from the environment, validated once. The only file that reads process.env. */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** `file:./data/highland.db` (embedded, default), or a libSQL server: `http://host:port`, `libsql://…`. */
  DATABASE_URL: z.string().min(1).default('file:./data/highland.db'),
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** `demo` fills an empty database with the demo fund group; `empty` starts with one admin. */
  HIGHLAND_DATA: z.enum(['demo', 'empty']).default('demo'),
  /** Where the built web app is; relative to the working directory. */
  WEB_DIST: z.string().default('web/dist'),
  /** Mark the session cookie Secure (set when served over HTTPS). */
  COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest request body accepted, in bytes (imports have their own, larger limit). */
  BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  /** The zone business dates are in: a timestamp's date and the default as-of date ("today") are taken there. */
  TIME_ZONE: z.string().default(DEFAULT_TIME_ZONE).refine(isValidTimeZone, { message: 'must be an IANA time zone name such as Asia/Shanghai' }),
  /** Largest import file accepted (POST /api/import/deals), in bytes. */
  IMPORT_BODY_LIMIT: z.coerce.number().int().min(1024).default(33_554_432),
  /**
   * Proxies whose `X-Forwarded-For` is believed: comma-separated addresses or IPv4 CIDRs
   * (`127.0.0.1,10.0.0.0/8`). Empty (default): the header is ignored and the socket's address is used.
   */
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    ),
  /**
   * This site's origin as browsers see it (`https://highland.example.cn`), when served behind a proxy
   * that changes the Host. Writes whose Origin names another site are refused. Empty: the request's Host.
   */
  PUBLIC_ORIGIN: z
    .string()
    .default('')
    .refine((v) => v === '' || /^https?:\/\/[^/\s]+$/.test(v), { message: 'must be scheme://host[:port] without a path' }),
});
export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Defaults for tests and tools that build an app without a process environment. */
export function defaultEnv(overrides: Partial<Env> = {}): Env {
  return { ...readEnv({}), NODE_ENV: 'test', LOG_LEVEL: 'silent', ...overrides };
}
