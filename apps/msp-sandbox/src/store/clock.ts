import { Injectable } from '@nestjs/common';

/** Sandbox time: real time plus an offset that tests can move forward (`/_sandbox/time/advance`). */
@Injectable()
export class SandboxClock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}

/** MSP's timestamps: ISO-8601 without a zone. */
export const mspTime = (d: Date): string => d.toISOString().slice(0, 19);
