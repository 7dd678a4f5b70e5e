export interface FixedHeader {
  key: string;
  value: string;
}

/** On every response. */
export declare const securityHeaders: FixedHeader[];
/** On every response under /api. */
export declare const apiHeaders: FixedHeader[];
