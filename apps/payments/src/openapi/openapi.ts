import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from '../common/openapi/error-envelope.dto.js';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('payments')
    .setDescription(
      "Payments through MultiSafepay for internal services, in MultiSafepay's own API dialect: the same paths, bodies " +
        'and `{success, data}` envelope. Errors use MSP\'s envelope `{success:false, data:{}, error_code, error_info}` ' +
        'with MSP error codes. Authenticate with your own key in the `api_key` header (or `Authorization: Bearer`).',
    )
    .setVersion('1.0.0')
    .addApiKey({ type: 'apiKey', in: 'header', name: 'api_key', description: "The calling service's API key" }, 'api_key')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'The same API key as a bearer token' }, 'bearer')
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ErrorEnvelopeDto], autoTagControllers: false });
}

export function mountOpenApi(app: INestApplication, document: OpenAPIObject): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
