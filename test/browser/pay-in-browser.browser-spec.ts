import type { Browser, Page } from 'playwright-core';
import { SEED_ORDER_EXAMPLE, verifyNotification } from '@app/multisafepay';
import { launchBrowser, screenshot } from '../support/browser.js';
import { startReceiver } from '../support/receiver.js';
import { CALLERS, startStack, uniqueOrderId, type Stack } from '../support/stack.js';
import { until } from '../support/until.js';


describe('paying in a real browser through the sandbox', () => {
  let stack: Stack;
  let shop: Awaited<ReturnType<typeof startReceiver>>;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    // The calling service: its shop pages (redirect/cancel) and its notification endpoint.
    shop = await startReceiver((req, res) => {
      if (req.method === 'GET' && req.url.pathname.startsWith('/shop/')) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Shop</title><h1>Back at the shop: ${req.url.pathname}</h1>`);
      } else {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('OK');
      }
    });
    stack = await startStack({ env: { DELIVERY_POLL_MS: '100', RECONCILE_INTERVAL_MS: '0' } });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  });
  afterEach(async () => {
    await page.close();
  });
  afterAll(async () => {
    await closeBrowser?.();
    await stack?.close();
    await shop?.close();
  });

  async function createOrder(change: (b: Record<string, any>) => void = () => undefined) {
    const body = structuredClone(SEED_ORDER_EXAMPLE) as Record<string, any>;
    body.order_id = uniqueOrderId('browser');
    body.payment_options.redirect_url = `${shop.url}/shop/thanks?from=msp`;
    body.payment_options.cancel_url = `${shop.url}/shop/cancelled`;
    body.payment_options.notification_url = `${shop.url}/hooks/payments`;
    change(body);
    const res = await stack.call('POST', '/v1/json/orders', { body });
    expect(res.status).toBe(200);
    return { orderId: body.order_id as string, paymentUrl: res.body.data.payment_url as string };
  }

  async function payByCard(number: string) {
    await page.getByLabel('Name on card').fill('Jan Jansen');
    await page.getByLabel('Card number').fill(number);
    await page.getByLabel('Expiry (MM/YY)').fill('12/30');
    await page.getByLabel('Security code').fill('123');
    await page.getByRole('button', { name: /^Pay/ }).click();
  }

  const stored = (orderId: string) => stack.call('GET', `/v1/json/orders/${orderId}`).then((r) => r.body.data);

  it('pays 4111 1111 1111 1111 through the 3-D Secure challenge and lands on redirect_url', async () => {
    const { orderId, paymentUrl } = await createOrder();
    await page.goto(paymentUrl);
    await expect(page.locator('input[autocomplete="cc-number"]')).toBeTruthy();
    for (const ac of ['cc-name', 'cc-number', 'cc-exp', 'cc-csc']) expect(await page.locator(`input[autocomplete="${ac}"]`).count()).toBe(1);
    await screenshot(page, '01-card-form');
    await payByCard('4111111111111111');
    await page.getByRole('button', { name: 'Authenticated (Y)' }).waitFor();
    await screenshot(page, '02-3ds-challenge');
    await page.getByRole('button', { name: 'Authenticated (Y)' }).click();
    await page.waitForURL(/\/shop\/thanks/);
    const landed = new URL(page.url());
    expect(landed.searchParams.get('transactionid')).toBe(orderId);
    expect(landed.searchParams.get('from')).toBe('msp');
    await screenshot(page, '03-back-at-shop');

    // The service's own record: completed, from a verified MSP notification, with the inbox saying why.
    const order = await until(() => stored(orderId), (o) => o.status === 'completed');
    expect(order).toMatchObject({ status: 'completed', financial_status: 'completed', payment_details: expect.objectContaining({ type: 'VISA', last4: '1111' }) });
    const history = (await stack.call('GET', `/v1/json/orders/${orderId}/history`)).body.data;
    expect(history.map((e: { to_status: string; source: string }) => [e.to_status, e.source])).toEqual([['initialized', 'api'], ['completed', 'notification']]);
    const inbox = (await stack.call('GET', `/v1/json/orders/${orderId}/notifications`)).body.data;
    expect(inbox).toEqual([expect.objectContaining({ signature: 'valid', outcome: 'applied' })]);
    expect(history[1].inbound_notification_id).toBe(inbox[0].id);

    // And the calling service got MSP's notification, signed with its own key.
    const delivered = await until(async () => shop.received.filter((r) => r.url.pathname === '/hooks/payments' && r.url.searchParams.get('transactionid') === orderId), (x) => x.length > 0);
    expect(JSON.parse(delivered[0].body)).toMatchObject({ order_id: orderId, status: 'completed' });
    expect(verifyNotification({ apiKey: CALLERS.checkout, rawBody: delivered[0].body, auth: delivered[0].headers.auth as string, maxAgeSeconds: 600 })).toBe('valid');
  });

  it('skips the challenge when flexible_3d is false', async () => {
    const { orderId, paymentUrl } = await createOrder((b) => { b.gateway_info.flexible_3d = false; });
    await page.goto(paymentUrl);
    await payByCard('4111111111111111');
    await page.waitForURL(/\/shop\/thanks/);
    expect(await page.getByRole('button', { name: 'Authenticated (Y)' }).count()).toBe(0);
    await screenshot(page, '04-no-challenge');
    expect((await until(() => stored(orderId), (o) => o.status === 'completed')).status).toBe('completed');
  });

  it('shows a failed 3-D Secure check and records the decline', async () => {
    const { orderId, paymentUrl } = await createOrder();
    await page.goto(paymentUrl);
    await payByCard('4012001037461114');
    await page.getByRole('button', { name: 'Authenticated (Y)' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/declined/i);
    await screenshot(page, '05-3ds-failed');
    const order = await until(() => stored(orderId), (o) => o.status === 'declined');
    expect(order.status).toBe('declined');
    expect(order.reason_code).toBe('3001');
  });

  it('pays with iDEAL choosing the Success scenario', async () => {
    const { orderId, paymentUrl } = await createOrder((b) => { b.gateway = 'IDEAL'; delete b.gateway_info; });
    await page.goto(paymentUrl);
    await screenshot(page, '06-ideal-scenarios');
    await page.getByRole('button', { name: 'Success' }).click();
    await page.waitForURL(/\/shop\/thanks/);
    expect((await until(() => stored(orderId), (o) => o.status === 'completed')).payment_details.type).toBe('IDEAL');
  });

  it('lets the customer choose a method when no gateway is given', async () => {
    const { paymentUrl } = await createOrder((b) => { delete b.gateway; delete b.gateway_info; });
    await page.goto(paymentUrl);
    await page.getByRole('link', { name: /iDEAL/ }).click();
    await page.getByRole('button', { name: 'Cancelled' }).click();
    await page.waitForURL(/\/shop\/cancelled/);
    await screenshot(page, '07-cancelled');
  });
});
