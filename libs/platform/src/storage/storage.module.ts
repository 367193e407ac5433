import { Global, Inject, Module, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { OBJECT_STORAGE } from './object-storage';
import { S3ObjectStorage } from './s3-object-storage';
import { StorageConfig, storageConfig } from './storage.config';

/**
 * The object store documents go to (OBJECT_STORAGE), or null with DOCUMENT_STORAGE=postgres, where
 * each context keeps the bytes in its own rows as it always has. Settings are validated at boot.
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(storageConfig)],
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [storageConfig.KEY],
      useFactory: (config: StorageConfig) => (config.s3 ? S3ObjectStorage.fromSettings(config.s3) : null),
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Optional() @Inject(OBJECT_STORAGE) private readonly storage: S3ObjectStorage | null) {}

  onApplicationShutdown(): void {
    this.storage?.destroy();
  }
}
