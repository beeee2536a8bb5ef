// Counts SQL statements per process; tests and benchmarks read it to prove batching.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';
import { logger } from '../logger';

let count = 0;
/** Set inside background work (workers): its statements belong to no request. */
const background = new AsyncLocalStorage<true>();
export const queryCounter = {
  /** Runs `fn` with its statements left out of the count (a worker's polling is not a request's). */
  uncounted<T>(fn: () => Promise<T>): Promise<T> {
    return background.run(true, fn);
  },
  reset(): void {
    count = 0;
  },
  get count(): number {
    return count;
  },
  increment(): void {
    if (!background.getStore()) count += 1;
  },
};

/** A TypeORM logger that counts every statement and sends slow queries and errors to pino. */
export class CountingLogger implements Logger {
  logQuery(_query: string, _parameters?: unknown[], _qr?: QueryRunner): void {
    queryCounter.increment();
  }
  /** The statement and the driver's code, never its parameters or `detail` (they hold personal data). */
  logQueryError(error: string | Error, query: string): void {
    const e =
      typeof error === 'string'
        ? { message: error }
        : (error as Error & { code?: string; constraint?: string });
    const failure = {
      message: e.message.split('\u0000').join(''),
      code: 'code' in e ? e.code : undefined,
      constraint: 'constraint' in e ? e.constraint : undefined,
    };
    logger.warn({ failure, query: query.slice(0, 500) }, 'query failed');
  }
  logQuerySlow(time: number, query: string): void {
    logger.warn({ ms: time, query: query.slice(0, 500) }, 'slow query');
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    logger.info(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') logger.warn(message);
  }
}
