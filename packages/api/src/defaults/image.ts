// Splits a container image reference the way the kubelet's parsers.ParseImageName reads it, for defaulting the
// pull policy: an untagged, undigested reference means `latest`.

export interface ImageReference {
  repository: string;
  tag: string;
  digest: string;
}

export function parseImageReference(image: string): ImageReference {
  let rest = image;
  let digest = '';
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  // A ':' after the last '/' separates the tag; one before it belongs to a registry host:port.
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  let tag = '';
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!tag && !digest) tag = 'latest';
  return { repository: rest, tag, digest };
}

/** Always for `:latest` (or no tag), IfNotPresent otherwise (core/v1 SetDefaults_Container). */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  return parseImageReference(image).tag === 'latest' ? 'Always' : 'IfNotPresent';
}
