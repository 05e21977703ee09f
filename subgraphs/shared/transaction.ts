import type { EntityManager } from '@mikro-orm/postgresql';
import type { PoolClient } from 'pg';

/**
 * Runs `work` in one transaction on a connection of the em's pool: commit when it resolves, rollback
 * when it throws (nothing written, audit events included).
 */
export async function inTransaction<T>(em: EntityManager, work: (db: PoolClient) => Promise<T>): Promise<T> {
  const pool = await em.getConnection().getNativeClient();
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    // A connection whose rollback failed is discarded, never reused mid-transaction.
    client.release(broken);
  }
}
