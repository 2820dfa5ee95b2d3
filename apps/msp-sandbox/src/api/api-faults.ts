import { Injectable } from '@nestjs/common';

export interface ApiFault {
  /** "POST /v1/json/orders", "GET /v1/json/orders/:id", or "*" for every MSP endpoint. */
  endpoint: string;
  latency_ms?: number;
  /** Answer this HTTP status with an HTML page, like a broken load balancer. */
  status?: number;
  /** Never answer. */
  hang?: boolean;
  /** Then the fault clears itself; default: until cleared. */
  times?: number;
}

/** Faults injected into the MSP API for tests: latency, 5xx and hangs, per endpoint. */
@Injectable()
export class ApiFaults {
  private faults: ApiFault[] = [];

  add(fault: ApiFault): void {
    this.faults.push({ ...fault, endpoint: fault.endpoint || '*' });
  }

  clear(): void {
    this.faults = [];
  }

  list(): ApiFault[] {
    return this.faults;
  }

  /** The fault that applies to this request, counting it down. */
  take(method: string, path: string): ApiFault | undefined {
    const fault = this.faults.find((f) => matches(f.endpoint, method, path));
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) this.faults = this.faults.filter((f) => f !== fault);
    }
    return fault;
  }
}

function matches(endpoint: string, method: string, path: string): boolean {
  if (endpoint === '*') return true;
  const [m, p] = endpoint.includes(' ') ? endpoint.split(' ') : ['*', endpoint];
  if (m !== '*' && m.toUpperCase() !== method.toUpperCase()) return false;
  const pattern = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+').replace(/\*/g, '.*')}$`);
  return pattern.test(path);
}
