import { Module } from '@nestjs/common';
import { ResolvedIncidentsRepository } from './resolved-incidents.repository';

/** The local copy of resolved incidents, shared by the draft-from-incident flow and article citations. */
@Module({ providers: [ResolvedIncidentsRepository], exports: [ResolvedIncidentsRepository] })
export class ResolvedIncidentsModule {}
