/** A column of DataTable.vue: the row's value under `key` is shown, unless the page fills the slot `cell-<key>`. */
export interface Column {
  key: string;
  label: string;
  numeric?: boolean;
  /** This column names the row (a <th scope="row">). */
  rowHeader?: boolean;
}
