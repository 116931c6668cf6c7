import assert from 'node:assert/strict';
import { closeFrame, decodeFrame, encodeFrame, execQuery, exitCodeOf, resizeMessage } from './channels.js';

describe('exec channels (v5.channel.k8s.io)', () => {
  it('prefixes frames with their channel and reads them back', () => {
    const frame = encodeFrame(1, 'hello');
    assert.deepEqual([...frame], [1, 104, 101, 108, 108, 111]);
    const { channel, data } = decodeFrame(frame);
    assert.equal(channel, 1);
    assert.equal(data.toString(), 'hello');
    assert.deepEqual([...closeFrame(0)], [255, 0]);
  });

  it('builds the query kubectl sends for exec', () => {
    assert.equal(
      execQuery(['sh', '-c', 'echo hi'], 'nginx', { stdin: false, tty: false }).toString(),
      'command=sh&command=-c&command=echo+hi&container=nginx&stdout=true&stderr=true',
    );
    assert.equal(
      execQuery(['sh'], 'c', { stdin: true, tty: true }).toString(),
      'command=sh&container=c&stdin=true&stdout=true&tty=true',
    );
  });

  it('reads exit codes from status frames', () => {
    assert.equal(exitCodeOf({ status: 'Success' }), 0);
    assert.equal(
      exitCodeOf({
        status: 'Failure',
        reason: 'NonZeroExitCode',
        message:
          'command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3',
        details: { causes: [{ reason: 'ExitCode', message: '3' }] },
      }),
      3,
    );
    assert.throws(
      () => exitCodeOf({ status: 'Failure', reason: 'InternalError', message: 'container not found ("x")' }),
      /container not found/,
    );
  });

  it('encodes terminal sizes', () => {
    assert.equal(resizeMessage(120, 40), '{"Width":120,"Height":40}');
  });
});
