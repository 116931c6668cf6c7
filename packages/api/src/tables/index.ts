// Public surface of the Table printers: renderTable for lists and single objects, tableRow for watch events.
export { humanDuration, since } from './duration.js';
export { formatLabelSelector, formatLabels, selectorString } from './format.js';
export type { TableColumnDefinition, TablePrinter, TableRowCondition } from './printer.js';
export {
  type Clock,
  type IncludeObject,
  type PartialObjectMetadata,
  printerFor,
  renderTable,
  type Table,
  type TableOptions,
  type TableRow,
  type TableVersion,
  tableRow,
} from './table.js';
