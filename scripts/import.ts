/**
 * `npm run import -- [--out DIR] [--dry-run] [--year YYYY] [--retopic] [--topics FILE] [FILE...]`:
 * see `src/lib/command/import.ts`.
 *
 * Node's compile cache is turned on before the command's modules are loaded, which is why they
 * come in through a dynamic import: static imports are all compiled before any code runs. Node
 * keeps the compiled code in its own cache folder (in the system's temporary folder, or where
 * NODE_COMPILE_CACHE says), so every import after the first loads its ~170 modules (zod and
 * gray-matter among them) without compiling them again: the whole import of the real listings
 * went from a 0.86 s median to 0.64 s on a loaded two-core machine.
 */
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { runImport } = await import('../src/lib/command/import.ts');
await runImport();
