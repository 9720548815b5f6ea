import { Module } from '@nestjs/common';
import { DirectoryCache } from './directory-cache';
import { DirectoryConsumer } from './directory.consumer';
import { DirectoryRepository } from './directory.repository';

@Module({
  controllers: [DirectoryConsumer],
  providers: [DirectoryRepository, DirectoryCache],
  exports: [DirectoryRepository, DirectoryCache],
})
export class DirectoryModule {}
