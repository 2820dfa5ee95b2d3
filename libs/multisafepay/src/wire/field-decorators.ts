import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** MSP clients send "" and null for "not given"; both mean absent for optional fields. */
export const blankToUndefined = ({ value }: { value: unknown }) => (value === '' || value === null ? undefined : value);

const docs = (opts: ApiPropertyOptions, required: boolean) => (required ? ApiProperty(opts) : ApiPropertyOptional(opts));

/** An optional string field with MSP's length limit. */
export const OptString = (maxLength: number, example?: string, description?: string) =>
  applyDecorators(
    docs({ type: String, maxLength, example, description }, false),
    Transform(blankToUndefined),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
  );

/** MSP's own examples write birthdays three ways. */
export const BIRTHDAY = /^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4}|\d{8})$/;

/** `numbersAsText`: digits sent as a JSON number (2512 for an expiry) are read as their text. */
export const OptPattern = (pattern: RegExp, message: string, example?: string, description?: string, numbersAsText = false) =>
  applyDecorators(
    docs({ type: String, pattern: pattern.source, example, description }, false),
    Transform(({ value }) => (numbersAsText && typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : blankToUndefined({ value }))),
    IsOptional(),
    IsString(),
    Matches(pattern, { message }),
  );

/** Booleans arrive as true/false, "true"/"false", 1/0 or "" from real SDKs. */
export const OptBoolean = (description?: string, example?: boolean) =>
  applyDecorators(
    docs({ type: Boolean, description, example }, false),
    Transform(({ value }) => {
      if (value === '' || value === null || value === undefined) return undefined;
      if (value === 'true' || value === '1' || value === 1) return true;
      if (value === 'false' || value === '0' || value === 0) return false;
      return value;
    }),
    IsOptional(),
    IsBoolean(),
  );

/** `textAsNumber`: an integer sent as a string ("500") is read as the number. */
export const OptInt = (min: number, max: number, description?: string, example?: number, textAsNumber = false) =>
  applyDecorators(
    docs({ type: Number, minimum: min, maximum: max, description, example }, false),
    Transform(({ value }) => (textAsNumber && typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : blankToUndefined({ value }))),
    IsOptional(),
    IsInt(),
    Min(min),
    Max(max),
  );

export const OptEnum = (values: readonly string[], description?: string, example?: string) =>
  applyDecorators(docs({ enum: values as string[], description, example }, false), Transform(blankToUndefined), IsOptional(), IsIn(values as string[]));

/** An optional nested object validated with its own class. */
export const OptNested = (cls: () => new () => object, description?: string) =>
  applyDecorators(docs({ type: cls, description }, false), Transform(blankToUndefined), IsOptional(), ValidateNested(), Type(cls));

export const OptNestedArray = (cls: () => new () => object, description?: string) =>
  applyDecorators(docs({ type: cls, isArray: true, description }, false), Transform(blankToUndefined), IsOptional(), ValidateNested({ each: true }), Type(cls));

export const OptUrl = (example: string, description: string, maxLength = 1000) =>
  applyDecorators(
    docs({ type: String, format: 'uri', example, description, maxLength }, false),
    Transform(blankToUndefined),
    IsOptional(),
    IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' }),
    MaxLength(maxLength),
  );
