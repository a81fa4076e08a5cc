// Catches promises rejected with nobody listening. Vitest fails the whole run on one, so a test that
// stops a device mid-command asserts that its run produced none.
export async function unhandledRejectionsDuring(body: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const record = (reason: unknown): void => void seen.push(reason);
  process.on('unhandledRejection', record);
  try {
    await body();
    // Node reports a rejection as unhandled once the microtask queue has drained; let turns pass.
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    process.off('unhandledRejection', record);
  }
  return seen;
}

/** The outcome of `p` as a value (the error when it rejects), so the test awaits it without try/catch. */
export function outcomeOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    (value) => ({ value }),
    (error: unknown) => error,
  );
}
