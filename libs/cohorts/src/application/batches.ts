/**
 * Runs `batch` (which handles up to `size` items, each batch its own short transaction, and answers
 * how many it handled) until one handles fewer than `size`: a backlog never holds one long
 * transaction. Answers the total handled.
 */
export async function inBatches(size: number, batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const handled = await batch();
    total += handled;
    if (handled < size) return total;
  }
}
