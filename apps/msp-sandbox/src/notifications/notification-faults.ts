import { Injectable } from '@nestjs/common';

export interface NotificationFault {
  /** Only notifications about this order; absent = all. */
  order_id?: string;
  /** Never send (MSP lost it). */
  drop?: boolean;
  /** Send this many extra copies. */
  duplicate?: number;
  /** Wait before sending. */
  delay_ms?: number;
  /** Hold this notification back and send it after the next one for the same order. */
  reorder?: boolean;
  /** Sign with a wrong key. */
  bad_signature?: boolean;
  /** Send it as a GET (no body, no signature), as MSP does for `notification_method: GET`. */
  as_get?: boolean;
  /** Send it as `payload_type=pretransaction`. */
  pretransaction?: boolean;
  /** Applies to this many notifications, then clears; default: until cleared. */
  times?: number;
}

@Injectable()
export class NotificationFaults {
  private faults: NotificationFault[] = [];

  add(fault: NotificationFault): void {
    this.faults.push({ ...fault });
  }

  clear(): void {
    this.faults = [];
  }

  list(): NotificationFault[] {
    return this.faults;
  }

  take(orderId: string): NotificationFault | undefined {
    const fault = this.faults.find((f) => !f.order_id || f.order_id === orderId);
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }
}
