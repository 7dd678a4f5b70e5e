/**
 * The Node flags of a retrain's job process: jobs/launcher.ts starts it with them, and
 * bench:scale gives them to the process it retrains in, so the bench measures the job as it runs.
 */

/**
 * The job's young generation, per semi-space (V8's default is 16 MB): a retrain makes millions of
 * short-lived rows and records, and a larger nursery lets them die there rather than be promoted
 * and swept by full collections over a heap that holds every customer. Measured on a million
 * customers' snapshot: a third less time in the collector.
 */
const YOUNG_SPACE_MB = 64;

/**
 * How far the heap may grow past what the last full collection kept before the next one (V8
 * otherwise picks a factor of up to 4). A retrain's last stages make short-lived rows by the
 * million, which V8 promotes wholesale once most of the young generation survives; at a million
 * customers they stood as a gigabyte of garbage on top of 1.6 GB of live heap at the write, the
 * retrain's peak: 6.4–6.5 GB resident. With 25% the peak was 5.4 GB and the run no slower (261 s).
 */
const HEAP_GROWING_PERCENT = 25;

/** The job runs its TypeScript through tsx, with the server build's export conditions, as `npm start` and `npm run import` do. */
export const TSX_LOADER = ["--import", "tsx", "--conditions", "react-server"];

/**
 * Node's arguments before the job's script. `heapMb` is the V8 heap limit (RETRAIN_HEAP_MB).
 * Command-line arguments, not NODE_OPTIONS: Node refuses the growing factor there.
 */
export function jobProcessFlags(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${YOUNG_SPACE_MB}`, `--heap-growing-percent=${HEAP_GROWING_PERCENT}`, ...TSX_LOADER];
}
