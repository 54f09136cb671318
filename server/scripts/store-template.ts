/**
 * Part of `npm run build`: the embedded store's migrated template (initdb + migrations, as a
 * gzipped tar, `server/dist/pglite-template.tar.gz`), so the first start on a new machine or in a
 * new container unpacks it instead of running initdb. Skipped when the one there was made for the
 * same migrations and PGlite.
 */
import { BUILT_TEMPLATE, writeBuiltTemplate } from '../src/store/store';

const started = performance.now();
const wrote = await writeBuiltTemplate();
if (wrote) console.log(`Embedded store template written to ${BUILT_TEMPLATE.archive} (${((performance.now() - started) / 1000).toFixed(1)} s).`);
