// Public surface of the MultiSafepay gateway adapter. Apps import only from here.
export { MultiSafepayClient } from './client/multisafepay.client.js';
export { MultiSafepayModule, type MultiSafepayAsyncOptions } from './client/multisafepay.module.js';
export { MULTISAFEPAY_OPTIONS, type MultiSafepayOptions } from './client/multisafepay.options.js';
export { CARD_DATA_KEYS, stripCardData } from './card-data.js';
export { MSP_ERROR_CODES } from './error-codes.js';
export { MspApiError, MspError, MspProtocolError, MspServerError, MspTimeoutError, MspUnreachableError } from './errors.js';
export { MspRawNumber, parseMspJson, stringifyMspJson } from './json/msp-json.js';
export { normaliseOrder } from './json/normalise-order.js';
export { signNotification, verifyNotification, type SignatureCheck, type VerifyInput } from './signature.js';
export { MSP_FINANCIAL_STATUSES, MSP_ORDER_STATUSES, normaliseStatus, type MspOrderStatus } from './statuses.js';
export { isCurrencyCode, minorUnitExponent } from './validation/currencies.js';
export {
  codeTable, orderCodeForField, validateCreateOrderRequest, validateMspBody,
  type CodeForField, type FieldProblem, type MspValidationFailure, type MspValidationResult,
} from './validation/msp-validation.js';
export { CreateOrderRequestDto, ORDER_TYPES } from './wire/create-order-request.dto.js';
export { AddressDto, CustomerDto } from './wire/customer.dto.js';
export { GatewayInfoDto } from './wire/gateway-info.dto.js';
export { AffiliateDto, CustomInfoDto, PaymentDataDto, PluginDto, RecurringDto, SecondChanceDto } from './wire/order-extras.dto.js';
export { PaymentOptionsDto } from './wire/payment-options.dto.js';
export { CheckoutOptionsDto, ShoppingCartDto, ShoppingCartItemDto } from './wire/shopping-cart.dto.js';
export type * from './wire/responses.js';
export { SEED_ORDER_EXAMPLE } from './wire/seed-order.example.js';
