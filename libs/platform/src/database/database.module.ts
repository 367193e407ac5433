import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformConfig, platformConfig } from '../config';
import { DATABASE_WORKLOAD, DatabaseWorkload, poolOptions } from './connection-timeouts';
import { Transactions } from './transactions';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(platformConfig)],
      inject: [platformConfig.KEY, { token: DATABASE_WORKLOAD, optional: true }],
      useFactory: (config: PlatformConfig, workload: DatabaseWorkload | undefined) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
        autoLoadEntities: true,
        // The schema changes only through migrations/.
        synchronize: false,
        migrationsRun: false,
        extra: poolOptions(config, workload ?? 'requests'),
      }),
    }),
  ],
  providers: [Transactions],
  exports: [Transactions],
})
export class DatabaseModule {}
