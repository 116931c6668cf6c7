// redis-server's own CPU time, read from INFO: it shares the machine's two cores with the client under test.
import type { Redis } from 'ioredis';

/** CPU seconds (user + system) redis-server has used since it started. */
export async function redisCpuSeconds(conn: Redis): Promise<number> {
  const info = await conn.info('cpu');
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return field('used_cpu_user') + field('used_cpu_sys');
}
