/**
 * Reading customer and order files for import. Free of the database: the caller writes the
 * records chunk by chunk as they are read, and keeps or rolls back the lot after judging the
 * errors, duplicates and quality report.
 */
export { customerFileRow, openCustomers, parseCustomers, readCustomersFile } from "./customers";
export type { CustomerFile, CustomerImport, CustomerImportOptions, CustomerFileRow, DuplicateId } from "./customers";
export { ORDER_FIELDS, openOrders, orderRow, parseOrders, readOrdersFile } from "./orders";
export type { AmountSource, OrderField, OrderFile, OrderImport, OrderImportOptions, OrderRow } from "./orders";
export { MAX_CUSTOM_COLUMNS } from "./attributes";
export { reportCustomerFile, describeReport, reportOrderFile } from "./report";
export type { ImportReport, ProfileChanges } from "./report";
export { ImportError, type ImportErrorCode } from "./errors";
export { DEFAULT_MAX_BYTES } from "./limits";
export type { DayMonthOrder } from "./dates";
export type { Encoding, Separator } from "./detect";
export type { CellError } from "./rows";
export type { CustomerQuality, UnknownCategory } from "./quality";
export type { OrderQuality } from "./orderQuality";
export type { DuplicateRows, MissingValues, OutOfRange } from "./qualityChecks";
