/**
 * Runs in every test worker before each file (`setupFiles` in vitest.config.ts). Every test server
 * and store test opens an in-memory store: the worker keeps the migrated template's archive in
 * memory after the first instead of reading it from the temp folder again for each.
 */
import { retainMemoryTemplate } from '../server/src/store/store';

retainMemoryTemplate();
