import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ok } from '../common/http/envelope.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { GatewaysService } from './gateways.service.js';

class GatewayDto {
  @ApiProperty({ example: 'IDEAL' }) id: string;
  @ApiProperty({ example: 'iDEAL' }) description: string;
}
class IssuerDto {
  @ApiProperty({ example: '3151' }) code: string;
  @ApiProperty({ example: 'Test bank' }) description: string;
}
class GatewayListResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [GatewayDto] }) data: GatewayDto[];
}
class GatewayResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: GatewayDto }) data: GatewayDto;
}
class IssuerListResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [IssuerDto] }) data: IssuerDto[];
}

const FORWARDED_QUERY = ['country', 'currency', 'amount', 'include'] as const;

@ApiTags('gateways')
@ApiSecurity('api_key')
@ApiSecurity('bearer')
@Controller('v1/json')
export class GatewaysController {
  constructor(private readonly gateways: GatewaysService) {}

  @Get('gateways')
  @ApiOperation({ summary: 'Payment methods available for the account (from MSP, cached briefly)' })
  @ApiQuery({ name: 'country', required: false, example: 'NL' })
  @ApiQuery({ name: 'currency', required: false, example: 'EUR' })
  @ApiQuery({ name: 'amount', required: false, example: '1000' })
  @ApiQuery({ name: 'include', required: false, example: 'coupons' })
  @ApiOkResponse({ type: GatewayListResponseDto })
  @ApiErrors(401, 502, 504)
  async list(@Query() query: Record<string, string>) {
    const forwarded = Object.fromEntries(
      FORWARDED_QUERY.filter((k) => typeof query[k] === 'string' && query[k] !== '').map((k) => [k, query[k]]),
    );
    return ok(await this.gateways.list(forwarded));
  }

  @Get('gateways/:id')
  @ApiOperation({ summary: 'One payment method' })
  @ApiParam({ name: 'id', example: 'IDEAL' })
  @ApiOkResponse({ type: GatewayResponseDto })
  @ApiErrors(401, 404, 422, 502, 504)
  async get(@Param('id') id: string) {
    return ok(await this.gateways.get(id));
  }

  @Get('issuers/:gateway')
  @ApiOperation({ summary: 'Issuers of a gateway (legacy iDEAL issuer list)' })
  @ApiParam({ name: 'gateway', example: 'ideal' })
  @ApiOkResponse({ type: IssuerListResponseDto })
  @ApiErrors(401, 404, 422, 502, 504)
  async issuers(@Param('gateway') gateway: string) {
    return ok(await this.gateways.issuers(gateway));
  }
}
