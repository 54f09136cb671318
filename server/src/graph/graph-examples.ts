import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../config';

/**
 * Test support: Microsoft's published Graph payloads and the Graph OpenAPI subset, kept beside the
 * repository in `../shared/graph/` (see its README for provenance).
 */
export const SHARED_GRAPH_DIR = path.resolve(repoRoot, '..', 'shared', 'graph');

export function readGraphExample(name: string): unknown {
  return JSON.parse(readFileSync(path.join(SHARED_GRAPH_DIR, 'examples', name), 'utf8')) as unknown;
}
