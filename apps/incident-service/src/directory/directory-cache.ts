import { Inject, Injectable, Optional } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DirectoryRepository } from './directory.repository';
import { DirectoryGroupEntity } from './entities/directory-group.entity';
import { DirectoryUserEntity } from './entities/directory-user.entity';

export const DIRECTORY_CACHE_TTL_MS = Symbol('DIRECTORY_CACHE_TTL_MS');
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  value: T | null;
  until: number;
}

/**
 * People's and groups' rows by id for display (names in API answers and in event snapshots), read through
 * to the directory copy and kept for a few seconds: every incident read and write names its caller, group
 * and assignee, and those are few and rarely change. A rename shows everywhere within the TTL; this
 * replica's own directory consumer forgets an entry at once. Never used to decide access; routing uses
 * it for its targets, whose rules are cached for a similar time anyway.
 */
@Injectable()
export class DirectoryCache {
  private readonly users = new Map<string, Entry<DirectoryUserEntity>>();
  private readonly groups = new Map<string, Entry<DirectoryGroupEntity>>();
  private readonly groupsByName = new Map<string, Entry<DirectoryGroupEntity>>();

  constructor(
    private readonly directory: DirectoryRepository,
    @Optional() @Inject(DIRECTORY_CACHE_TTL_MS) private readonly ttlMs: number = 5_000,
  ) {}

  /** Users by id; misses are loaded in one query (on the caller's transaction when given). */
  findUsers(ids: Iterable<string>, manager?: EntityManager): Promise<Map<string, DirectoryUserEntity>> {
    return this.lookup(this.users, ids, (missing) => this.directory.findUsers(missing, manager));
  }

  findGroups(ids: Iterable<string>, manager?: EntityManager): Promise<Map<string, DirectoryGroupEntity>> {
    return this.lookup(this.groups, ids, (missing) => this.directory.findGroups(missing, manager));
  }

  /** A group by its name, case-insensitively (routing rules and the service desk name groups). */
  async findGroupByName(name: string, manager?: EntityManager): Promise<DirectoryGroupEntity | null> {
    const key = name.toLowerCase();
    const now = Date.now();
    const entry = this.groupsByName.get(key);
    if (entry && entry.until > now) return entry.value;
    const group = await this.directory.findGroupByName(name, manager);
    if (this.ttlMs > 0) {
      if (this.groupsByName.size >= MAX_ENTRIES) this.groupsByName.clear();
      this.groupsByName.set(key, { value: group, until: now + this.ttlMs });
    }
    return group;
  }

  forget(id: string): void {
    this.users.delete(id);
    this.groups.delete(id);
    // A rename or (de)activation may change what any name finds; groups change rarely.
    this.groupsByName.clear();
  }

  private async lookup<T extends { id: string }>(
    cache: Map<string, Entry<T>>,
    ids: Iterable<string>,
    load: (ids: string[]) => Promise<T[]>,
  ): Promise<Map<string, T>> {
    const now = Date.now();
    const found = new Map<string, T>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const entry = cache.get(id);
      if (entry && entry.until > now) {
        if (entry.value) found.set(id, entry.value);
      } else missing.push(id);
    }
    if (missing.length === 0) return found;
    const loaded = await load(missing);
    const until = now + this.ttlMs;
    if (cache.size + missing.length > MAX_ENTRIES) cache.clear();
    for (const row of loaded) found.set(row.id, row);
    // Unknown ids are remembered too (as null), so a missing person costs one query per TTL, not per read.
    for (const id of missing) if (this.ttlMs > 0) cache.set(id, { value: found.get(id) ?? null, until });
    return found;
  }
}
