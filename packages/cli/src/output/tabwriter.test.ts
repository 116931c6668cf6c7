import assert from 'node:assert/strict';
import { StreamingTable } from './table.js';
import { TabWriter } from './tabwriter.js';

const describeWriter = () => new TabWriter({ minWidth: 0, padding: 2 });

describe('TabWriter (Go text/tabwriter)', () => {
  it('aligns consecutive lines that share a column', () => {
    const out = describeWriter().write('Name:\tnginx\nNamespace:\tdefault\nSelector:\tapp=nginx\n').take();
    assert.equal(out, 'Name:       nginx\nNamespace:  default\nSelector:   app=nginx\n');
  });

  it('starts new column blocks after a line without tabs', () => {
    const out = describeWriter()
      .write(
        'Name:\tx\nPod Template:\n  Labels:\tapp=x\n  Containers:\n   nginx:\n    Image:\tnginx\n    Port:\t<none>\n',
      )
      .take();
    assert.equal(
      out,
      [
        'Name:  x',
        'Pod Template:',
        '  Labels:  app=x',
        '  Containers:',
        '   nginx:',
        '    Image:  nginx',
        '    Port:   <none>',
        '',
      ].join('\n'),
    );
  });

  it('sizes inner columns only over the lines that have them', () => {
    // The Events table of describe: its header and rows share four columns; the last cell stays ragged.
    const out = describeWriter()
      .write('Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n')
      .write('  Normal\tScalingReplicaSet\t5s\tdeployment-controller\tScaled up replica set x to 3\n')
      .take();
    assert.equal(
      out,
      [
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  5s    deployment-controller  Scaled up replica set x to 3',
        '',
      ].join('\n'),
    );
  });

  it('pads a line that continues a labels list with an empty first cell', () => {
    const out = describeWriter().write('Labels:\tapp=nginx\n\ttier=web\nAnnotations:\t<none>\n').take();
    assert.equal(out, 'Labels:       app=nginx\n              tier=web\nAnnotations:  <none>\n');
  });

  it('remembers widths across flushes when asked (kubectl get -w)', () => {
    const table = new StreamingTable();
    assert.equal(
      table.rows([
        ['NAME', 'STATUS', 'AGE'],
        ['default', 'Active', '9h'],
      ]),
      'NAME      STATUS   AGE\ndefault   Active   9h\n',
    );
    assert.equal(table.rows([['ns1', 'Active', '0s']]), 'ns1       Active   0s\n');
    assert.equal(
      table.rows([['ns-with-a-really-long-name', 'Active', '0s']]),
      'ns-with-a-really-long-name   Active   0s\n',
    );
    assert.equal(
      table.rows([['ns1', 'Terminating', '13s']]),
      'ns1                          Terminating   13s\n',
    );
  });
});
