import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiQuery, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { CustomerDto } from '@app/multisafepay';
import type { AuthenticatedClient } from '../clients/api-clients.service.js';
import { CurrentClient } from '../common/auth/current-client.decorator.js';
import { ok } from '../common/http/envelope.js';
import { Idempotent } from '../common/idempotency/idempotent.decorator.js';
import { ApiErrors } from '../common/openapi/api-errors.decorator.js';
import { OrderViewDto } from '../orders/dto/order.responses.js';
import { CustomersService } from './customers.service.js';

class CustomerViewDto extends CustomerDto {
  @ApiProperty({ example: '6f1c2e0a-1b2c-4d5e-8f90-123456789abc' }) id: string;
  @ApiPropertyOptional({ example: 'customer-42', nullable: true }) declare reference?: string;
  @ApiProperty({ example: '2026-11-24T21:30:00.000Z' }) created: string;
  @ApiProperty({ example: '2026-11-24T21:30:00.000Z' }) modified: string;
  @ApiProperty({ nullable: true, type: String, description: 'Set once the customer was erased' }) erased_at: string | null;
}
class CustomerResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: CustomerViewDto }) data: CustomerViewDto;
}
class CustomerListResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [CustomerViewDto] }) data: CustomerViewDto[];
}
class TokenDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: "MSP's recurring_id" }) token: string;
  @ApiProperty({ example: 'VISA', nullable: true }) brand: string | null;
  @ApiProperty({ example: '1111', nullable: true }) last4: string | null;
  @ApiProperty({ example: '3012', nullable: true, description: 'YYMM' }) expiry: string | null;
  @ApiProperty({ example: 'cardOnFile', nullable: true }) recurring_model: string | null;
  @ApiProperty({ description: 'The order that saved it' }) order_id: string;
  @ApiProperty() created_at: string;
}
class TokenListResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [TokenDto] }) data: TokenDto[];
}
class CustomerOrdersResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: [OrderViewDto] }) data: OrderViewDto[];
}
class EmptyResponseDto {
  @ApiProperty({ example: true }) success: boolean;
  @ApiProperty({ type: 'object', properties: {}, example: {} }) data: Record<string, never>;
}

@ApiTags('customers')
@ApiSecurity('api_key')
@ApiSecurity('bearer')
@Controller('v1/json/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post()
  @HttpCode(200)
  @Idempotent('customers.create')
  @ApiOperation({ summary: 'Create a customer profile (MSP customer fields + your reference); Idempotency-Key honoured' })
  @ApiBody({ type: CustomerDto })
  @ApiOkResponse({ type: CustomerResponseDto })
  @ApiErrors(400, 401, 409)
  async create(@CurrentClient() client: AuthenticatedClient, @Body() body: Record<string, unknown>) {
    return ok(await this.customers.create(client, body));
  }

  @Get()
  @ApiOperation({ summary: 'Find customers by your reference' })
  @ApiQuery({ name: 'reference', required: true, example: 'customer-42' })
  @ApiOkResponse({ type: CustomerListResponseDto })
  @ApiErrors(400, 401)
  async find(@CurrentClient() client: AuthenticatedClient, @Query('reference') reference: string) {
    return ok(await this.customers.byReference(client, reference ?? ''));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A customer' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: CustomerResponseDto })
  @ApiErrors(401, 404)
  async get(@CurrentClient() client: AuthenticatedClient, @Param('id') id: string) {
    return ok(await this.customers.get(client, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change fields of a customer' })
  @ApiParam({ name: 'id' })
  @ApiBody({ type: CustomerDto })
  @ApiOkResponse({ type: CustomerResponseDto })
  @ApiErrors(400, 401, 404)
  async update(@CurrentClient() client: AuthenticatedClient, @Param('id') id: string, @Body() body: Record<string, unknown>) {
    return ok(await this.customers.update(client, id, body));
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Erase a customer: personal data anonymised everywhere; amounts, statuses and history kept' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: EmptyResponseDto })
  @ApiErrors(401, 404)
  async erase(@CurrentClient() client: AuthenticatedClient, @Param('id') id: string) {
    await this.customers.erase(client, id);
    return ok({});
  }

  @Get(':id/orders')
  @ApiOperation({ summary: "The customer's orders, newest first" })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: CustomerOrdersResponseDto })
  @ApiErrors(401, 404)
  async orders(@CurrentClient() client: AuthenticatedClient, @Param('id') id: string) {
    return ok(await this.customers.orders(client, id));
  }

  @Get(':id/tokens')
  @ApiOperation({ summary: 'Saved cards (token, brand, last4, expiry; never a card number)' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: TokenListResponseDto })
  @ApiErrors(401, 404)
  async tokens(@CurrentClient() client: AuthenticatedClient, @Param('id') id: string) {
    return ok(await this.customers.tokens(client, id));
  }

  @Delete(':id/tokens/:tokenId')
  @ApiOperation({ summary: 'Delete a saved card, here and at MSP' })
  @ApiParam({ name: 'id' })
  @ApiParam({ name: 'tokenId' })
  @ApiOkResponse({ type: EmptyResponseDto })
  @ApiErrors(401, 404, 502, 504)
  async deleteToken(@CurrentClient() client: AuthenticatedClient, @Param('id') id: string, @Param('tokenId') tokenId: string) {
    await this.customers.deleteToken(client, id, tokenId);
    return ok({});
  }
}
