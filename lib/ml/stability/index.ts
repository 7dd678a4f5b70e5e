/** Stability of segmentations across runs: partition agreement and segment identity matching. */
export { adjustedRandIndex, type Labels } from "./adjustedRand";
export { hungarian } from "./hungarian";
export { matchSegments, computeMatchThreshold, MATCH_DEFAULTS, type MatchOptions, type SegmentMatch, type SegmentMatching } from "./matchSegments";
export { matchIdentities, type IdentityMatch } from "./returning";
