// Schema of coordination.k8s.io/v1 Lease.
import { TYPE_META } from './meta.js';
import type { GroupDefinitions } from './registry.js';

export const COORDINATION: GroupDefinitions = {
  package: 'io.k8s.api.coordination.v1',
  definitions: {
    Lease: [
      'A lease: a holder identity renewed periodically (leader election, node heartbeats).',
      { ...TYPE_META, spec: 'LeaseSpec | Specification of the lease.' },
    ],
    LeaseSpec: [
      'Specification of a lease.',
      {
        holderIdentity: 'string | Identity of the current holder.',
        leaseDurationSeconds: 'integer | Seconds candidates wait before trying to take the lease over.',
        acquireTime: 'MicroTime | When the current holder acquired the lease.',
        renewTime: 'MicroTime | When the holder last renewed the lease.',
        leaseTransitions: 'integer | Number of holder changes.',
        strategy: 'string | Strategy for picking the leader in coordinated election.',
        preferredHolder: 'string | Identity preferred as the next holder.',
      },
    ],
  },
};
