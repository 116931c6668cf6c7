// Splits a raw request target into its path and query without WHATWG URL resolution, which reads paths such as
// `/\x` as host-relative URLs and throws on them.
export interface RequestTarget {
  pathname: string;
  searchParams: URLSearchParams;
}

export function splitRequestTarget(rawUrl: string | undefined): RequestTarget {
  const raw = rawUrl ?? '/';
  const q = raw.indexOf('?');
  const pathname = q < 0 ? raw : raw.slice(0, q);
  return { pathname, searchParams: new URLSearchParams(q < 0 ? '' : raw.slice(q + 1)) };
}
