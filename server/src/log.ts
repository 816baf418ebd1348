import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout, one line an event. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'highland' }, timestamp: pino.stdTimeFunctions.isoTime });
}
