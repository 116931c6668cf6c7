import assert from 'node:assert/strict';
import * as E from 'fp-ts/lib/Either.js';
import { loadLauncherConfig } from './config.js';

describe('loadLauncherConfig', () => {
  it('defaults to .kubesim in the working directory, cluster kubesim, Redis 6390 and API 8080', () => {
    const got = loadLauncherConfig([], {}, '/work/x');
    assert.deepEqual(
      got,
      E.right({
        home: '/work/x/.kubesim',
        cluster: 'kubesim',
        redisPort: 6390,
        apiPort: 8080,
        timeScale: 1,
        verbose: false,
        help: false,
      }),
    );
  });

  it('takes every setting from the environment', () => {
    const got = loadLauncherConfig(
      ['--verbose'],
      {
        KSIM_HOME: 'state',
        KSIM_CLUSTER: 'c1',
        REDIS_URL: 'redis://10.0.0.1:7000',
        KSIM_REDIS_PORT: '7001',
        KSIM_API_PORT: '9090',
        KSIM_TIME_SCALE: '0.01',
        KSIM_API_TOKEN: 'secret',
      },
      '/w',
    );
    assert.deepEqual(
      got,
      E.right({
        home: '/w/state',
        cluster: 'c1',
        redisUrl: 'redis://10.0.0.1:7000',
        redisPort: 7001,
        apiPort: 9090,
        timeScale: 0.01,
        apiToken: 'secret',
        verbose: true,
        help: false,
      }),
    );
  });

  const verbose: [string, string[], NodeJS.ProcessEnv, boolean][] = [
    ['-v', ['-v'], {}, true],
    ['KSIM_LOG_STDOUT=1', [], { KSIM_LOG_STDOUT: '1' }, true],
    ['KSIM_LOG_STDOUT=0', [], { KSIM_LOG_STDOUT: '0' }, false],
  ];
  for (const [name, argv, env, want] of verbose) {
    it(`verbose from ${name}`, () => {
      const got = loadLauncherConfig(argv, env, '/');
      assert.ok(E.isRight(got));
      assert.equal(got.right.verbose, want);
    });
  }

  it('collects every problem instead of stopping at the first', () => {
    const got = loadLauncherConfig(
      ['--frobnicate'],
      { KSIM_REDIS_PORT: '6379', KSIM_API_PORT: 'http', KSIM_TIME_SCALE: '-1' },
      '/',
    );
    assert.ok(E.isLeft(got));
    assert.equal(got.left.length, 4);
    assert.match(got.left[0], /frobnicate/);
    assert.match(got.left[1], /6379 is where a machine-wide Redis usually runs/);
    assert.match(got.left[2], /KSIM_API_PORT must be a port number/);
    assert.match(got.left[3], /KSIM_TIME_SCALE must be a positive number/);
  });
});
