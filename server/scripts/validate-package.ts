import { runAsProcess, validatePackageCommand } from './app-package/cli';

/** `npm run validate-package -- <zip>`: see validatePackageCommand. */
runAsProcess((out) => validatePackageCommand(process.env.INIT_CWD ?? process.cwd(), process.argv.slice(2), out));
