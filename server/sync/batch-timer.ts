// One timer for the stores of every loaded document: whatever changed in a batch
// window is stored together when it ends, so the database sees one write per window
// however many documents are open (and each update waits at most one window).
export class BatchTimer {
  private readonly due = new Set<() => void>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly ms: number) {}

  /** Runs `task` at the end of the current window (once, however often it is scheduled). */
  schedule(task: () => void): void {
    this.due.add(task);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const tasks = [...this.due];
      this.due.clear();
      for (const t of tasks) t();
    }, this.ms);
  }

  cancel(task: () => void): void {
    this.due.delete(task);
  }
}
