import type pg from 'pg';
import type { SubgraphName } from '../subgraphs/names.js';
import type { Column } from './columns.js';
import type { PersonnelDirectory } from './personnel-directory.js';

/** What one kind of import file is: its columns, its checks, and how it merges into the owner's tables. */

/** A bad value of one row, found while reading it (before SQL sees it). */
export interface RowProblem {
  column: string;
  value: string;
  reason: string;
}

/** What a kind's steps work with: the open transaction, and personnel's API for references. */
export interface KindContext {
  client: pg.ClientBase;
  personnel: PersonnelDirectory;
  /** Rows of the file (the staging table has them as text, `import_rows` typed). */
  rows: number;
}

/** How many records (of the kind's `unit`) the merge created, changed, or found already as stated. */
export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportKind {
  /** The name on the command line, e.g. `employees`. */
  name: string;
  /** The subgraph whose tables the file goes into (and whose import log records it). */
  owner: SubgraphName;
  /** What the counts count, e.g. "employees" or "surveys". */
  unit: string;
  /** What the file holds, for `--template` and the README. */
  description: string;
  columns: readonly Column[];
  /** One valid data row, in column order (`--template`). */
  example: readonly string[];
  /** Checks of one row in code, where code exists already (the NIP): problems found. */
  checkRow?(values: readonly string[], line: number): RowProblem[];
  /**
   * References owned by other subgraphs, asked through their API in batches (e.g. NIPs of enrolments): fills
   * temporary tables the checks and the merge join. Runs once every value is well formed.
   */
  resolveReferences?(context: KindContext): Promise<void>;
  /**
   * SQL giving the `region_code` of each region the staged rows name (over `import_rows` and the reference
   * tables): the import log keeps them, and a regional administrator sees the runs of its regions. None:
   * the kind's records belong to no region (courses).
   */
  regionsSql?: string;
  /** Statements over `import_rows` (and the kind's own temporary tables) giving `(line, column, value, reason)`. */
  checks: readonly string[];
  /** Merges `import_rows` into the owner's tables; only called when no check found anything. */
  merge(context: KindContext): Promise<MergeCounts>;
  /** Lines for the report after a merge (e.g. the score and grade of each imported survey). */
  summary?(context: KindContext): Promise<string[]>;
}
