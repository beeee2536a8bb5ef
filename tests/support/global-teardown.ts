export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as { __lcStop?: () => Promise<void> }).__lcStop;
  await stop?.();
}
