import { config } from '../config';
import { logger } from '../logger';

/** Calls `stop` once on SIGINT/SIGTERM (drain requests, close the pool), logs "stopped" and exits 0;
 * a second signal or the grace period forces exit 1. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), config.shutdownGraceMs);
    force.unref();
    stop()
      .then(() => {
        logger.info({ signal }, 'stopped');
        process.exit(0);
      })
      .catch((err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
