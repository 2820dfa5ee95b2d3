import type { Stack } from './stack.js';

async function post(stack: Stack, path: string, body: unknown = {}) {
  const res = await fetch(`${stack.sandbox.url}/_sandbox${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Drives the sandbox's control API (README "MSP sandbox"). */
export const sandbox = {
  force: (stack: Stack, orderId: string, status: string, extra: Record<string, unknown> = {}) => post(stack, `/orders/${orderId}/status`, { status, ...extra }),
  notificationFault: (stack: Stack, fault: Record<string, unknown>) => post(stack, '/notification-faults', fault),
  apiFault: (stack: Stack, fault: Record<string, unknown>) => post(stack, '/faults', fault),
  advance: (stack: Stack, seconds: number) => post(stack, '/time/advance', { seconds }),
  notifications: async (stack: Stack, orderId?: string) => {
    const { notifications } = await fetch(`${stack.sandbox.url}/_sandbox/notifications`).then((r) => r.json());
    return (notifications as { order_id: string; acknowledged: boolean; status: string; attempt: number; faults: string[] }[]).filter((n) => !orderId || n.order_id === orderId);
  },
};

export { until } from './until.js';
