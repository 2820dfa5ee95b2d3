import { Logger } from '@nestjs/common';

/**
 * Runs `work` again and again with a pause between runs, one run at a time, until stopped. It only wakes
 * a job; the jobs keep their state and claims in Postgres, so several instances can run the same loop.
 */
export class PollingLoop<T> {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stoppedFlag = false;

  constructor(
    name: string,
    private readonly work: () => Promise<T>,
    /** Pause before the next run, given the last result (undefined after a failure). */
    private readonly pauseAfter: (result: T | undefined) => number,
  ) {
    this.logger = new Logger(name);
  }

  get stopped(): boolean {
    return this.stoppedFlag;
  }

  start(firstDelayMs = this.pauseAfter(undefined)): void {
    if (this.stoppedFlag) return;
    this.timer = setTimeout(() => {
      this.running = this.work().then(
        (result) => this.start(this.pauseAfter(result)),
        (e: unknown) => {
          this.logger.warn(`Run failed: ${(e as Error).message}`);
          this.start(this.pauseAfter(undefined));
        },
      );
    }, firstDelayMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stoppedFlag = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }
}
