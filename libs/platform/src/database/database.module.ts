import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlatformConfig, platformConfig } from '../config';
import { Transactions } from './transactions';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [ConfigModule.forFeature(platformConfig)],
      inject: [platformConfig.KEY],
      useFactory: (config: PlatformConfig) => ({
        type: 'postgres' as const,
        url: config.DATABASE_URL,
        autoLoadEntities: true,
        // The schema changes only through migrations/.
        synchronize: false,
        migrationsRun: false,
        extra: { max: config.DB_POOL_SIZE },
      }),
    }),
  ],
  providers: [Transactions],
  exports: [Transactions],
})
export class DatabaseModule {}
