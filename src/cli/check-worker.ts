/** A worker thread that checks the transcripts the pool sends it (see `run` in run.ts and `inWorkers` in pool.ts). */
import { serveTasks } from './pool.js';
import { detectedOnWorker } from './run.js';

serveTasks(detectedOnWorker);
