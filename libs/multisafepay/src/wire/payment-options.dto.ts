import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsObject, IsOptional, IsString } from 'class-validator';
import { blankToUndefined, OptBoolean, OptEnum, OptString, OptUrl } from './field-decorators.js';

export class PaymentOptionsDto {
  @OptUrl('https://www.example.com/client/notification?type=notification', 'Where status changes are notified') notification_url?: string;
  @OptEnum(['POST', 'GET'], 'POST (signed JSON body) or GET (a trigger to fetch the order)', 'POST') notification_method?: 'POST' | 'GET';
  @OptUrl('https://www.example.com/client/notification?type=redirect', 'Where the customer returns after paying') redirect_url?: string;
  @OptUrl('https://www.example.com/client/notification?type=cancel', 'Where the customer returns after cancelling') cancel_url?: string;
  @OptBoolean('Close the payment window instead of redirecting') close_window?: boolean;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Payment page settings (coupons, per-gateway options)' })
  @Transform(blankToUndefined) @IsOptional() @IsObject()
  settings?: Record<string, unknown>;

  @OptString(100, undefined, 'Payment page template id') template_id?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Payment page styling' })
  @Transform(blankToUndefined) @IsOptional() @IsObject()
  template?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], example: ['NL', 'BE'] })
  @Transform(blankToUndefined) @IsOptional() @IsArray() @IsString({ each: true })
  allowed_countries?: string[];
}
