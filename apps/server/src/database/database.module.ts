// Provides the open DataSource and closes it on shutdown.
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TtxConfig } from '../config/ttx-config.js';
import { openDatabase } from './data-source.js';
import { WriteQueue } from './write-queue.service.js';

@Global()
@Module({
  providers: [
    { provide: DataSource, inject: [TtxConfig], useFactory: (config: TtxConfig) => openDatabase(config.database) },
    WriteQueue,
  ],
  exports: [DataSource, WriteQueue],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WriteQueue) private readonly writes: WriteQueue,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.writes.drain();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
