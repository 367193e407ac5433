import { Module } from '@nestjs/common';
import { HealthModule, PlatformModule } from '@app/platform';

/** Background processes; for now it connects to PostgreSQL and Redis and reports its health. */
@Module({ imports: [PlatformModule, HealthModule] })
export class WorkerModule {}
