/** A one-line progress bar on a terminal; plain lines when the output is a file or CI log. */
export class Progress {
  private done = 0;

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stdout,
  ) {}

  step(label: string): void {
    this.done = Math.min(this.total, this.done + 1);
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(this.done).padStart(3)}/${this.total}`;
    if (this.out.isTTY) {
      this.out.write(`\r${bar} ${label.slice(0, 60).padEnd(60)}`);
      if (this.done === this.total) this.out.write('\n');
    } else {
      this.out.write(`${bar} ${label}\n`);
    }
  }

  /** Ends the bar's line so that the next output starts clean. */
  finish(): void {
    if (this.out.isTTY && this.done < this.total) this.out.write('\n');
  }
}
