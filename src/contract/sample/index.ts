/** The sample workbook: its framework and figures as data, and the tables every host writes. */
export { SAMPLE_CITY, SAMPLE_PERIOD, SAMPLE_UNITS } from "./targets";
export { SAMPLE_PUBLISHED } from "./figures";
export {
  sampleBook,
  sampleSheetGrid,
  sampleWorkbook,
  type SampleBook,
  type SampleCell,
  type SampleSheet,
  type SampleTable,
} from "./book";
