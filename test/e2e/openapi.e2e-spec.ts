import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startStack, type Stack } from '../support/stack.js';

const COMMITTED = resolve(import.meta.dirname, '../../openapi.json');

describe('OpenAPI', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('serves Swagger UI and the JSON document', async () => {
    const ui = await fetch(`${stack.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
    const doc = await stack.call('GET', '/docs-json', { key: null });
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
  });

  it('documents every endpoint with responses, the error envelope, security and the seed example', async () => {
    const { body: doc } = await stack.call('GET', '/docs-json', { key: null });
    const create = doc.paths['/v1/json/orders'].post;
    expect(create.requestBody.content['application/json'].examples.seed.value.order_id).toBe('my-order-id-1');
    expect(doc.components.securitySchemes.api_key).toMatchObject({ type: 'apiKey', in: 'header', name: 'api_key' });
    expect(doc.components.schemas.ErrorEnvelopeDto).toBeDefined();
    expect(doc.components.schemas.CreateOrderRequestDto.properties.gateway_info).toBeDefined();
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        expect(op.summary, `${method} ${path} summary`).toEqual(expect.any(String));
        expect(Object.keys(op.responses), `${method} ${path} responses`).toContain('200');
        if (path.startsWith('/v1/')) {
          expect(op.security, `${method} ${path} security`).toEqual(expect.arrayContaining([{ api_key: [] }]));
          expect(op.responses['401'], `${method} ${path} 401`).toBeDefined();
        }
      }
    }
  });

  it('matches the committed openapi.json (run `npm run openapi` after changing the API)', async () => {
    const { text } = await stack.call('GET', '/docs-json', { key: null });
    const generated = `${JSON.stringify(JSON.parse(text), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(COMMITTED, generated);
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
    expect(committed, 'openapi.json is out of date: run npm run openapi').toBe(generated);
  });
});
