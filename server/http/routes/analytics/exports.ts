import { stringify } from 'csv-stringify/sync';
import type { Table } from './tables';

/** Quoting is csv-stringify's; empty figures are empty cells. */
export function tableCsv(table: Table): string {
  return stringify([[...table.columns], ...table.rows.map((row) => row.map((cell) => cell ?? ''))]);
}

/** One sheet per table; sheet names are Excel's at most 31 characters. */
export async function tablesXlsx(tables: readonly Table[]): Promise<Buffer> {
  // Loaded at the first XLSX export: exceljs cost every start and every test of the app ~0.5 s of CPU.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Roomserve';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.title.slice(0, 31));
    sheet.addRow([...table.columns]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
