import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIP, IsISO31661Alpha2, IsOptional, IsString, MaxLength } from 'class-validator';
import { BIRTHDAY, blankToUndefined, OptBoolean, OptPattern, OptString } from './field-decorators.js';

/** Postal address fields shared by `customer` and `delivery` (API-NOTES §1.3). */
export class AddressDto {
  @OptString(25, 'Testperson-nl') first_name?: string;
  @OptString(25, 'Approved') last_name?: string;
  @OptString(64, 'Kraanspoor') address1?: string;
  @OptString(64, '') address2?: string;
  @OptString(10, '39') house_number?: string;
  @OptString(10, '1033SC') zip_code?: string;
  @OptString(50, 'Amsterdam') city?: string;
  @OptString(6, '') state?: string;

  @ApiPropertyOptional({ example: 'NL', description: 'ISO 3166-1 alpha-2' })
  @Transform(blankToUndefined) @IsOptional() @IsISO31661Alpha2({ message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string;

  @OptString(25, '0208500500') phone?: string;

  @ApiPropertyOptional({ example: 'test@example.com', maxLength: 64 })
  @Transform(blankToUndefined) @IsOptional() @IsString() @MaxLength(64) @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string;
}

export class CustomerDto extends AddressDto {
  @OptPattern(/^[a-z]{2}_[A-Z]{2}$/, 'locale must look like nl_NL', 'nl_NL') locale?: string;

  @ApiPropertyOptional({ example: '123.123.123.123', description: 'Required by MSP for card and BNPL fraud checks' })
  @Transform(blankToUndefined) @IsOptional() @IsIP(undefined, { message: 'ip_address must be an IPv4 or IPv6 address' })
  ip_address?: string;

  @ApiPropertyOptional({ example: '', description: 'Origin address from X-Forwarded-For' })
  @Transform(blankToUndefined) @IsOptional() @IsIP(undefined, { message: 'forwarded_ip must be an IPv4 or IPv6 address' })
  forwarded_ip?: string;

  @OptString(10, 'M', 'M, F (or mr, mrs, miss as some methods expect)') gender?: string;
  @OptPattern(BIRTHDAY, 'birthday must be a date: yyyy-MM-dd, dd-MM-yyyy or ddMMyyyy', '1970-07-10') birthday?: string;
  @OptBoolean('Do not send MSP e-mails to this customer') disable_send_email?: boolean;
  @OptString(1000, 'Mozilla/5.0') user_agent?: string;
  @OptString(1000, 'https://example.com') referrer?: string;
  @OptString(50, 'customer-42', "Your id for the customer; required for recurring payments") reference?: string;
}
