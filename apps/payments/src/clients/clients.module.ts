import { Global, Module } from '@nestjs/common';
import { ApiClientsService } from './api-clients.service.js';

@Global()
@Module({ providers: [ApiClientsService], exports: [ApiClientsService] })
export class ClientsModule {}
