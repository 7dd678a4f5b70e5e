/** The seed of a retrain nobody chose one for: the schedule, "Retrain now" and the CLI alike. */
export const DEFAULT_SEED = 42;
