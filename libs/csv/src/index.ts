// @helpdesk/csv: RFC 4180 CSV reading (whole or streamed, problems by row and column) and writing, and CSV uploads.
export { CsvParseResult, CsvParser, CsvParserOptions, CsvProblem, CsvRecord, parseCsv, readCsv } from './csv-parser';
export { toCsv, toCsvField, toCsvRow, ToCsvOptions } from './csv-writer';
export {
  cleanFileName,
  CsvUpload,
  csvUpload,
  CsvUploadError,
  CsvUploadErrorCode,
  CsvUploadRequest,
  readCsvUpload,
  ReadCsvUploadOptions,
  UploadedCsvFile,
} from './csv-upload';
export { UPLOAD_CHUNK_BYTES, yieldingChunks } from './upload-chunks';
export { defuseFormula, restoreFormula, UTF8_BOM, wantsCsv } from './csv-spreadsheet';
