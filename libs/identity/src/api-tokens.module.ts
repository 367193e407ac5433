import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { ApiTokensService } from './application/api-tokens.service';
import { ApiTokensRepository } from './infrastructure/api-tokens.repository';

/** Personal API tokens; registers them with the access guard at start. */
@Module({
  imports: [AuditModule],
  providers: [ApiTokensService, ApiTokensRepository],
  exports: [ApiTokensService],
})
export class ApiTokensModule {}
