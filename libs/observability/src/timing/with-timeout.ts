/**
 * The promise's outcome, or a rejection with `new Error(message)` once `ms` have passed. The timer
 * is cleared either way; the promise itself is not cancelled (its late outcome is ignored).
 */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
