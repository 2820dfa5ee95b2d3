import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { MSP_ERROR_CODES as C } from '../error-codes.js';
import { CreateOrderRequestDto } from '../wire/create-order-request.dto.js';

export interface FieldProblem {
  field: string;
  message: string;
}

export interface MspValidationFailure {
  error_code: number;
  error_info: string;
  fields: FieldProblem[];
}

export type MspValidationResult<T> = { ok: true; value: T } | { ok: false; error: MspValidationFailure };

/**
 * Which MSP error code a failing field gives (API-NOTES §1.10), most important first: when several fields
 * fail, the first match in this table decides the code, as MSP reports one code per answer.
 *
 * | field                                   | code |
 * |-----------------------------------------|------|
 * | amount                                  | 1001 |
 * | currency                                | 1002 |
 * | order_id                                | 1006 |
 * | description                             | 1008 |
 * | customer.ip_address / forwarded_ip      | 1007 |
 * | customer.country / delivery.country     | 1018 |
 * | var1, var2, var3                        | 1010 |
 * | gateway                                 | 1023 |
 * | shopping_cart unit_price / currency     | 1031 / 1030 |
 * | checkout_options tax rates              | 1028 |
 * | anything else (missing or invalid data) | 1016 |
 */
const ORDER_CODE_TABLE: [RegExp, number, string][] = [
  [/^amount$/, C.INVALID_AMOUNT, 'Invalid amount'],
  [/^currency$/, C.INVALID_CURRENCY, 'Invalid currency'],
  [/^order_id$/, C.INVALID_ORDER_ID, 'Invalid order_id'],
  [/^description$/, C.INVALID_DESCRIPTION, 'Invalid description'],
  [/^customer\.(ip_address|forwarded_ip)$/, C.INVALID_IP, 'Invalid IP address'],
  [/(^|\.)country$/, C.INVALID_COUNTRY, 'Invalid country code'],
  [/^var[123]$/, C.INVALID_VAR, 'Invalid var1, var2 or var3'],
  [/^gateway$/, C.GATEWAY_UNAVAILABLE, 'Invalid gateway'],
  [/^shopping_cart\.items\.\d+\.unit_price$/, C.CART_ITEM_PRICE, 'Invalid item price'],
  [/^shopping_cart\.items\.\d+\.currency$/, C.CART_ITEM_CURRENCY, 'Invalid item currency'],
  [/^checkout_options\..*rate$/, C.INVALID_TAX_RATE, 'Invalid tax rate'],
];

/** The code a failing field gives, and its priority (lower wins); undefined = 1016 at the lowest priority. */
export type CodeForField = (field: string) => { code: number; title: string; priority: number } | undefined;

/** Builds a CodeForField from a table like the one above, ordered by importance. */
export const codeTable = (table: [RegExp, number, string][]): CodeForField => (field) => {
  const i = table.findIndex(([re]) => re.test(field));
  return i >= 0 ? { code: table[i][1], title: table[i][2], priority: i } : undefined;
};

export const orderCodeForField = codeTable(ORDER_CODE_TABLE);

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = `${prefix}${e.property}`;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: message.replace(/^\S+\.(\S+) /, '$1 ') }));
    return [...own, ...flatten(e.children ?? [], `${field}.`)];
  });
}

const rank = (field: string, codeFor: CodeForField): number => codeFor(field)?.priority ?? Number.MAX_SAFE_INTEGER;

/**
 * Validates an MSP request body with a DTO class: strips unknown fields (MSP tolerates them), turns blank
 * optional values into absent ones, and answers MSP's error code with every offending field.
 */
export function validateMspBody<T extends object>(cls: new () => T, body: unknown, codeFor: CodeForField): MspValidationResult<T> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return { ok: false, error: { error_code: C.MISSING_DATA, error_info: 'Missing data: the body must be a JSON object', fields: [] } };
  }
  const instance = plainToInstance(cls, body, { enableImplicitConversion: false });
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: false, forbidUnknownValues: false });
  if (!errors.length) return { ok: true, value: instance };
  const fields = flatten(errors);
  const first = [...fields].sort((a, b) => rank(a.field, codeFor) - rank(b.field, codeFor))[0];
  const hit = codeFor(first.field);
  const code = hit?.code ?? C.MISSING_DATA;
  const title = hit?.title ?? 'Missing or invalid data';
  return { ok: false, error: { error_code: code, error_info: `${title}: ${first.message}`, fields } };
}

export const validateCreateOrderRequest = (body: unknown): MspValidationResult<CreateOrderRequestDto> =>
  validateMspBody(CreateOrderRequestDto, body, orderCodeForField);
