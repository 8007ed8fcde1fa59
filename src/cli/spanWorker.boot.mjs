// Entry of the CLI's span worker threads: Node does not pass tsx's loader on to worker threads,
// so each registers it and then loads the TypeScript worker (./spanWorker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./spanWorker.ts');
