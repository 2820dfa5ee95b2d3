import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsNumber, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { blankToUndefined, OptBoolean, OptNested, OptNestedArray, OptString } from './field-decorators.js';

/** Decimals arrive as numbers or numeric strings ("242.9300000000"); both are accepted as numbers. */
const decimal = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : blankToUndefined({ value });

export class WeightDto {
  @OptString(10, 'KG') unit?: string;
  @ApiPropertyOptional({ example: 1.5 }) @Transform(decimal) @IsOptional() @IsNumber() value?: number;
}

export class ShoppingCartItemDto {
  @ApiProperty({ example: 'Geometric Candle Holders', maxLength: 200 })
  @IsString() @IsNotEmpty() @MaxLength(200)
  name: string;

  @OptString(1000, '') description?: string;

  @ApiProperty({ example: 90, description: 'Decimal, excluding VAT' })
  @Transform(decimal) @IsNumber({}, { message: 'unit_price must be a decimal number' })
  unit_price: number;

  @ApiProperty({ example: 1 })
  @Transform(decimal) @IsNumber({}, { message: 'quantity must be a number' })
  quantity: number;

  @OptString(100, '1111') merchant_item_id?: string;
  @OptString(100, '1') tax_table_selector?: string;
  @OptString(3, 'EUR') currency?: string;
  @OptString(1000) image?: string;
  @OptString(1000) product_url?: string;
  @OptString(50) cashback?: string;
  @OptNested(() => WeightDto) weight?: WeightDto;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' } })
  @Transform(blankToUndefined) @IsOptional() @IsArray()
  options?: unknown[];
}

export class ShoppingCartDto {
  @ApiProperty({ type: () => ShoppingCartItemDto, isArray: true })
  @IsArray() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => ShoppingCartItemDto)
  items: ShoppingCartItemDto[];
}

export class TaxRuleDto {
  @ApiProperty({ example: 0.21, description: 'Fraction: 0.21 = 21 %' })
  @Transform(decimal) @IsNumber({}, { message: 'rate must be a decimal fraction' })
  rate: number;

  @ApiPropertyOptional({ example: 'NL' }) @Transform(blankToUndefined) @IsOptional() @Matches(/^[A-Za-z]{2}$/, { message: 'country must be a two-letter code' })
  country?: string;
}

export class DefaultTaxTableDto {
  @OptBoolean('Whether shipping is taxed') shipping_taxed?: boolean;
  @ApiPropertyOptional({ example: 0.21 }) @Transform(decimal) @IsOptional() @IsNumber({}, { message: 'rate must be a decimal fraction' }) rate?: number;
}

export class AlternateTaxTableDto {
  @ApiProperty({ example: 'BTW21' }) @Transform(({ value }) => (typeof value === 'number' ? String(value) : value)) @IsString() name: string;
  @OptBoolean() standalone?: boolean;
  @OptNestedArray(() => TaxRuleDto) rules?: TaxRuleDto[];
}

export class TaxTablesDto {
  @ApiPropertyOptional({ type: () => DefaultTaxTableDto })
  @Transform(({ value }) => (Array.isArray(value) && value.length === 0 ? undefined : blankToUndefined({ value })))
  @IsOptional() @ValidateNested() @Type(() => DefaultTaxTableDto)
  default?: DefaultTaxTableDto;

  @OptNestedArray(() => AlternateTaxTableDto) alternate?: AlternateTaxTableDto[];
}

export class CheckoutOptionsDto {
  @OptBoolean('If true, amount must equal the cart total (error 1027)') validate_cart?: boolean;
  @OptNested(() => TaxTablesDto) tax_tables?: TaxTablesDto;

  /** Some integrations send the tax tables one level up, as MSP's own GET answers do. */
  @ApiPropertyOptional({ type: () => DefaultTaxTableDto })
  @Transform(({ value }) => (Array.isArray(value) && value.length === 0 ? undefined : blankToUndefined({ value })))
  @IsOptional() @ValidateNested() @Type(() => DefaultTaxTableDto)
  default?: DefaultTaxTableDto;

  @OptNestedArray(() => AlternateTaxTableDto) alternate?: AlternateTaxTableDto[];
}
