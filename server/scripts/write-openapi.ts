/**
 * `npm run openapi`: writes the OpenAPI document the server serves to contract/openapi.json, the
 * committed copy that server/src/plugins/openapi.test.ts compares with. Run it after changing a
 * route or a schema of the contract, and commit the file with the change.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { OPENAPI_FILE, servedOpenApi } from './openapi-document';

writeFileSync(OPENAPI_FILE, await servedOpenApi());
console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
