import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-balance-snapshot';
import * as m0003 from './0003-background-jobs';
import * as m0004 from './0004-quiet-windows';
import * as m0005 from './0005-nudges';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-balance-snapshot': m0002,
  '0003-background-jobs': m0003,
  '0004-quiet-windows': m0004,
  '0005-nudges': m0005,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
