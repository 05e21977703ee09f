import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPool } from '../../subgraphs/shared/database.js';

afterEach(() => vi.restoreAllMocks());

describe('createPool', () => {
  it("reports an idle client's lost connection, but not once the pool is ending (its clients close unawaited)", async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // Never connects: errors are emitted as pg-pool emits them for an idle client.
    const pool = createPool('postgres://nobody@127.0.0.1:9/none');
    pool.emit('error', new Error('terminating connection due to administrator command'));
    expect(logged).toHaveBeenCalledWith(
      'database connection lost: terminating connection due to administrator command',
    );
    await pool.end();
    pool.emit('error', new Error('terminating connection due to administrator command'));
    expect(logged).toHaveBeenCalledTimes(1);
  });
});
