/**
 * The simulated users' thread: bench/load.ts's loop, run beside the unit server's thread so the
 * clients' own work does not wait in the server's event loop (they still share the machine).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runLoad, UnitClient, type LoadWorkerData } from './load';

const data = workerData as LoadWorkerData;
runLoad({
  users: data.users.map((u) => ({ ...u, client: new UnitClient(data.origin, u.session) })),
  seconds: data.seconds,
  thinkMs: data.thinkMs,
  conferenceIds: data.conferenceIds,
}).then(
  (result) => parentPort?.postMessage({ result }),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) }),
);
