import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Length, Matches, MaxLength, Min } from 'class-validator';
import { CustomerDto, AddressDto } from './customer.dto.js';
import { blankToUndefined, OptEnum, OptInt, OptNested, OptPattern, OptString } from './field-decorators.js';
import { GatewayInfoDto } from './gateway-info.dto.js';
import { AffiliateDto, CustomInfoDto, PluginDto, RecurringDto, SecondChanceDto } from './order-extras.dto.js';
import { PaymentOptionsDto } from './payment-options.dto.js';
import { CheckoutOptionsDto, ShoppingCartDto } from './shopping-cart.dto.js';
import { isCurrencyCode } from '../validation/currencies.js';
import { ValidateBy } from 'class-validator';

export const ORDER_TYPES = ['redirect', 'direct', 'paymentlink', 'checkout'] as const;

/** order_id may be a JSON number (the seed allows it); it is an id, so it becomes a string. */
const orderIdToString = ({ value }: { value: unknown }) => (typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value);

const IsCurrency = () =>
  ValidateBy({
    name: 'isCurrency',
    validator: {
      validate: (v: unknown) => typeof v === 'string' && isCurrencyCode(v),
      defaultMessage: () => 'currency must be an ISO-4217 currency code such as EUR',
    },
  });

/** MSP's POST /orders body (API-NOTES §1.3), shared by the payments service and the sandbox. */
export class CreateOrderRequestDto {
  @ApiPropertyOptional({ enum: ORDER_TYPES, default: 'redirect', example: 'redirect' })
  @Transform(blankToUndefined) @IsOptional() @IsIn(ORDER_TYPES as unknown as string[], { message: `type must be one of ${ORDER_TYPES.join(', ')}` })
  type?: (typeof ORDER_TYPES)[number];

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'integer' }], maxLength: 50, example: 'my-order-id-1', description: 'Your unique order id (a JSON number is accepted)' })
  @Transform(orderIdToString) @IsString({ message: 'order_id must be a string or an integer' }) @Length(1, 50, { message: 'order_id must be 1 to 50 characters' })
  order_id: string;

  @ApiPropertyOptional({ example: 'CREDITCARD', description: 'Gateway id; empty shows every activated method on the payment page' })
  @Transform(blankToUndefined) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{2,50}$/, { message: 'gateway must be a gateway id such as IDEAL or CREDITCARD' })
  gateway?: string;

  @ApiProperty({ example: 'EUR', description: 'ISO-4217' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)) @IsCurrency()
  currency: string;

  @ApiProperty({ example: 1000, minimum: 1, description: 'Integer minor units (10 EUR = 1000)' })
  @IsInt({ message: 'amount must be an integer number of minor units' }) @Min(1, { message: 'amount must be at least 1' })
  amount: number;

  @ApiProperty({ example: 'Test Order Description', maxLength: 200 })
  @IsString({ message: 'description is required' }) @IsNotEmpty({ message: 'description is required' }) @MaxLength(200, { message: 'description must be at most 200 characters' })
  description: string;

  @OptNested(() => PaymentOptionsDto) payment_options?: PaymentOptionsDto;
  @OptNested(() => CustomerDto) customer?: CustomerDto;
  @OptNested(() => AddressDto, 'Shipping address') delivery?: AddressDto;
  @OptNested(() => GatewayInfoDto) gateway_info?: GatewayInfoDto;
  @OptNested(() => ShoppingCartDto) shopping_cart?: ShoppingCartDto;
  @OptNested(() => CheckoutOptionsDto) checkout_options?: CheckoutOptionsDto;
  @OptNested(() => SecondChanceDto) second_chance?: SecondChanceDto;
  @OptNested(() => CustomInfoDto) custom_info?: CustomInfoDto;
  @OptNested(() => PluginDto) plugin?: PluginDto;
  @OptNested(() => AffiliateDto) affiliate?: AffiliateDto;
  @OptNested(() => RecurringDto) recurring?: RecurringDto;

  @OptString(100000, undefined, 'HTML shown on the payment page instead of a cart') items?: string;
  @OptInt(1, 365, 'Payment link lifetime in days (default 30)') days_active?: number;
  @OptInt(1, 31_536_000, 'Payment link lifetime in seconds; wins over days_active') seconds_active?: number;
  @OptString(500) var1?: string;
  @OptString(500) var2?: string;
  @OptString(500) var3?: string;
  @OptString(100, undefined, 'Token of a saved card (recurring)') recurring_id?: string;
  @OptEnum(['cardOnFile', 'subscription', 'unscheduled'], 'Recurring model') recurring_model?: string;
  @OptEnum(['manual'], 'Manual capture of card authorisations') capture?: string;
  @OptPattern(/^[A-Za-z0-9_-]{1,50}$/, 'customer_id must be an id', undefined, 'A stored customer of this service instead of `customer`') customer_id?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Payment Components data' })
  @Transform(blankToUndefined) @IsOptional() @IsObject()
  payment_data?: Record<string, unknown>;
}
