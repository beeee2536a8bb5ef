// Counts SQL statements per process; tests and benchmarks read it to prove batching.
import type { Logger, QueryRunner } from 'typeorm';
import { logger } from '../logger';

let count = 0;
export const queryCounter = {
  reset(): void {
    count = 0;
  },
  get count(): number {
    return count;
  },
  increment(): void {
    count += 1;
  },
};

/** A TypeORM logger that counts every statement and sends slow queries and errors to pino. */
export class CountingLogger implements Logger {
  logQuery(_query: string, _parameters?: unknown[], _qr?: QueryRunner): void {
    queryCounter.increment();
  }
  logQueryError(error: string | Error, query: string): void {
    logger.warn({ err: error, query: query.slice(0, 500) }, 'query failed');
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
