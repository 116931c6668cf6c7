// Printers of Services and Endpoints.
import type { KubeObject } from '../../meta.js';
import { since } from '../duration.js';
import { formatLabels } from '../format.js';
import { AGE_COLUMN, column, NAME_COLUMN, type TablePrinter, wide } from '../printer.js';

interface ServicePort {
  port: number;
  nodePort?: number;
  protocol?: string;
}

/** `80/TCP`, or `80:30080/TCP` with a node port, comma-separated; `<none>` without ports. */
function portsCell(ports: ServicePort[] | undefined): string {
  const text = (ports ?? [])
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
  return text || '<none>';
}

function loadBalancerAddresses(svc: KubeObject): string[] {
  const ingress: { ip?: string; hostname?: string }[] = svc.status?.loadBalancer?.ingress ?? [];
  const addresses = new Set(ingress.map((i) => i.ip || i.hostname || '').filter((a) => a !== ''));
  return [...addresses].sort();
}

function externalIPCell(svc: KubeObject, type: string): string {
  const externalIPs: string[] = svc.spec?.externalIPs ?? [];
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const all = [...loadBalancerAddresses(svc), ...externalIPs];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export const servicePrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column(
      'Type',
      'string',
      'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.',
    ),
    column('Cluster-IP', 'string', 'Virtual IP of the service inside the cluster.'),
    column('External-IP', 'string', 'Addresses reachable from outside the cluster.'),
    column('Port(s)', 'string', 'Ports the service exposes.'),
    AGE_COLUMN,
    wide('Selector', 'string', 'Labels of the pods that receive the traffic.'),
  ],
  cells(svc, now) {
    // The API server defaults the type; objects that lack it are ClusterIP services.
    const type: string = svc.spec?.type ?? 'ClusterIP';
    const clusterIPs: string[] = svc.spec?.clusterIPs ?? [];
    return [
      svc.metadata.name ?? '',
      type,
      clusterIPs[0] || svc.spec?.clusterIP || '<none>',
      externalIPCell(svc, type),
      portsCell(svc.spec?.ports),
      since(svc.metadata.creationTimestamp, now),
      formatLabels(svc.spec?.selector),
    ];
  },
};

interface EndpointSubset {
  addresses?: { ip: string }[];
  ports?: { port: number }[];
}

/** At most three `ip:port` (or bare ip when the subset has no ports), then `+ N more...`. */
function endpointsCell(subsets: EndpointSubset[] | undefined): string {
  if (!subsets?.length) return '<none>';
  const max = 3;
  const shown: string[] = [];
  let total = 0;
  for (const s of subsets) {
    const addresses = s.addresses ?? [];
    const targets = s.ports?.length
      ? s.ports.flatMap((p) => addresses.map((a) => hostPort(a.ip, p.port)))
      : addresses.map((a) => a.ip);
    total += targets.length;
    for (const t of targets) if (shown.length < max) shown.push(t);
  }
  const text = shown.join(',');
  return total > max ? `${text} + ${total - max} more...` : text;
}

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function hostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export const endpointsPrinter: TablePrinter = {
  columns: [
    NAME_COLUMN,
    column('Endpoints', 'string', 'Addresses and ports that implement the service.'),
    AGE_COLUMN,
  ],
  cells(ep, now) {
    return [
      ep.metadata.name ?? '',
      endpointsCell(ep.subsets as EndpointSubset[] | undefined),
      since(ep.metadata.creationTimestamp, now),
    ];
  },
};
