export { runWorker } from './run';
export { WorkerEnv, loadWorkerEnv } from './env';
