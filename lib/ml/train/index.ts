/** Training and scoring every model in one call; see trainAll.ts and score.ts. */
export { trainAll } from "./trainAll";
export { score } from "./score";
export { inferSnapshotDate } from "./snapshot";
export { listDriftColumns } from "./driftColumns";
export type { CustomerScores, TrainConfig, TrainData, TrainedModels, TrainMetrics, TrainResult } from "./types";
