/**
 * The one error type the file readers throw when a whole file is refused. Problems with
 * single cells are not thrown: they are returned, row by row, for the caller to judge.
 */
export type ImportErrorCode =
  | "not_found"
  | "empty_file"
  | "too_large"
  | "binary"
  | "unsupported_encoding"
  | "malformed_csv"
  | "missing_column"
  | "bad_header"
  | "wrong_kind"
  | "bad_option"
  | "ambiguous_dates"
  | "too_many_columns";

export class ImportError extends Error {
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = "ImportError";
    this.code = code;
  }
}
