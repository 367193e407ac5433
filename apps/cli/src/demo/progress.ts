/**
 * A progress bar for one phase of the round, drawn on stderr so that stdout carries only the
 * report (and can be saved or compared). On a terminal the bar redraws in place; in a file or a
 * CI log it writes a plain line at each quarter instead of one per step.
 */
export class Progress {
  private done = 0;
  private lastQuarter = -1;
  private drawn = false;

  constructor(
    private readonly phase: string,
    private total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  /** One step of work done. */
  step(label: string): void {
    this.report(this.done + 1, label);
  }

  /**
   * Work measured elsewhere, e.g. a scoring run's applications or e-mails delivered. The total
   * may change as the work reveals its size; the bar never moves backwards.
   */
  report(done: number, label: string, total = this.total): void {
    this.total = Math.max(1, total);
    this.done = Math.min(this.total, Math.max(this.done, done));
    if (this.out.isTTY) {
      // Never wider than the terminal: a wrapped line would not redraw in place.
      const bar = this.bar();
      const room = Math.max(0, (this.out.columns || 80) - bar.length - 2);
      this.out.write(`\r${bar} ${label.slice(0, room).padEnd(room)}`);
      this.drawn = true;
      return;
    }
    const quarter = Math.floor((this.done / this.total) * 4);
    if (quarter === this.lastQuarter) return;
    this.lastQuarter = quarter;
    this.out.write(`${this.bar()} ${label}\n`);
  }

  /** Ends the phase: a full bar, then a fresh line for what follows. */
  finish(label = 'done'): void {
    this.report(this.total, label);
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  private bar(): string {
    const width = 30;
    const filled = Math.round((this.done / this.total) * width);
    const count = `${String(this.done).padStart(String(this.total).length)}/${this.total}`;
    return `${this.phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}`;
  }
}
