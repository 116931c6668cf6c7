export { freePort } from './free-port.js';
export { TestRedis, type TestRedisOptions } from './redis-server.js';
export { seededRandom } from './seeded-random.js';
export { TcpProxy } from './tcp-proxy.js';
export { uniqueName } from './unique-name.js';
export { type WaitOptions, waitFor } from './wait-for.js';
