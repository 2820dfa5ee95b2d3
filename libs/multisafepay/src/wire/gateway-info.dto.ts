import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow, IsOptional } from 'class-validator';
import { BIRTHDAY, blankToUndefined, OptBoolean, OptInt, OptPattern, OptString, OptUrl } from './field-decorators.js';

/** Method-specific details (API-NOTES §1.3 `gateway_info`). Card data passes through to MSP and is never kept. */
export class GatewayInfoDto {
  @OptPattern(/^\d{12,19}$/, 'card_number must be 12 to 19 digits', '4111111111111111', 'Direct card payments only (PCI DSS)') card_number?: string;
  @OptString(100, 'J. Jansen') card_holder_name?: string;
  @OptPattern(/^\d{4}$/, 'card_expiry_date must be YYMM', '2812', 'YYMM (a number is accepted)', true) card_expiry_date?: string;
  @OptPattern(/^\d{3,4}$/, 'card_cvc must be 3 or 4 digits', '123') card_cvc?: string;
  @OptBoolean('true forces 3-D Secure, false skips it (non-EU merchants)', true) flexible_3d?: boolean;
  @OptUrl('', 'Return URL for Flexible 3D') term_url?: string;
  @OptBoolean('Mail order / telephone order') moto?: boolean;
  @OptString(50, '3151', 'Legacy iDEAL issuer') issuer_id?: string;
  @OptBoolean('iDEAL QR') qr_enabled?: boolean;
  @OptInt(1, 2000, 'QR size in pixels') qr_size?: number;
  @OptBoolean() allow_multiple?: boolean;
  @OptBoolean() allow_change_amount?: boolean;
  @OptInt(0, 1_000_000_000, 'Minor units', undefined, true) min_amount?: number;
  @OptInt(0, 1_000_000_000, 'Minor units', undefined, true) max_amount?: number;
  @OptInt(0, 1_000_000_000, 'Minor units (QR)', undefined, true) amount?: number;
  @OptString(50, undefined, 'SEPA Direct Debit account') account_id?: string;
  @OptString(100) account_holder_name?: string;
  @OptString(34, 'NL87ABNA0000000001') account_holder_iban?: string;
  @OptString(50) emandate?: string;
  @OptPattern(BIRTHDAY, 'birthday must be a date: yyyy-MM-dd, dd-MM-yyyy or ddMMyyyy') birthday?: string;
  @OptString(34) bank_account?: string;
  @OptString(25) phone?: string;
  @OptString(64) email?: string;
  @OptString(50) gender?: string;

  @ApiPropertyOptional({ description: 'Apple Pay / Google Pay token (direct)', oneOf: [{ type: 'string' }, { type: 'object' }] })
  @Transform(blankToUndefined) @IsOptional() @Allow()
  payment_token?: string | Record<string, unknown>;
}
