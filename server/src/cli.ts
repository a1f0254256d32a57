/** The `surveyor` command (dist/cli.js): `surveyor check`, `surveyor fetch`; see cliArgs.ts for the usage. */

import { main } from './cliMain';
import { runAsProcess } from './cliProcess';

export { main };

if (require.main === module) runAsProcess((out, err) => main(process.argv.slice(2), out, err));
