import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsObject, IsOptional } from 'class-validator';
import { blankToUndefined, OptBoolean, OptEnum, OptString } from './field-decorators.js';

export class SecondChanceDto {
  @OptBoolean('Send reminder e-mails 1 h and 24 h after an unpaid start') send_mail?: boolean;
}

export class CustomInfoDto {
  @OptString(500) custom_1?: string;
  @OptString(500) custom_2?: string;
  @OptString(500) custom_3?: string;
}

export class PluginDto {
  @OptString(100, 'my-shop') shop?: string;
  @OptString(50, '1.0.0') shop_version?: string;
  @OptString(50, '1.0.1') plugin_version?: string;
  @OptString(100) partner?: string;
  @OptString(1000) shop_root_url?: string;
}

export class AffiliateDto {
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, description: 'Split payments: merchant, fixed or percentage, description' })
  @Transform(blankToUndefined) @IsOptional() @IsArray()
  split_payments?: Record<string, unknown>[];
}

export class RecurringDto {
  @OptEnum(['cardOnFile', 'subscription', 'unscheduled']) model?: string;
  @OptString(100) id?: string;
}

export class PaymentDataDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @Transform(blankToUndefined) @IsOptional() @IsObject()
  payload?: Record<string, unknown>;
}
