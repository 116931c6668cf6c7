// Object names the API server and controllers derive: generated names, ReplicaSet and ControllerRevision names,
// StatefulSet pod and claim names and their ordinals.
import { customAlphabet } from 'nanoid';
import { SAFE_ALPHABET } from './hash.js';
import { isDNS1123Subdomain } from './validation/formats.js';

const MAX_NAME_LENGTH = 63;
const RANDOM_LENGTH = 5;
export const MAX_GENERATED_NAME_LENGTH = MAX_NAME_LENGTH - RANDOM_LENGTH;
const CONTROLLER_REVISION_PREFIX_MAX = 223;

const randomSuffix = customAlphabet(SAFE_ALPHABET, RANDOM_LENGTH);

/** The API server's generateName: at most 58 characters of the base, then 5 random safe characters. */
export function generateName(base: string): string {
  return `${base.slice(0, MAX_GENERATED_NAME_LENGTH)}${randomSuffix()}`;
}

/** The generateName controllers give their pods: `<owner>-`, or the bare owner name if that is not valid. */
export function podNamePrefix(ownerName: string): string {
  const prefix = `${ownerName}-`;
  // A prefix is checked with its trailing dash masked, as apimachinery's name validation does.
  const masked = prefix.length > 1 ? `${prefix.slice(0, -2)}a` : prefix;
  return isDNS1123Subdomain(masked).length === 0 ? prefix : ownerName;
}

/** `<deployment>-<pod-template-hash>`. */
export function replicaSetName(deploymentName: string, podTemplateHash: string): string {
  return `${deploymentName}-${podTemplateHash}`;
}

/** history.ControllerRevisionName: owner name cut to 223 characters, then `-<hash>`. */
export function controllerRevisionName(ownerName: string, hash: string): string {
  return `${ownerName.slice(0, CONTROLLER_REVISION_PREFIX_MAX)}-${hash}`;
}

export function statefulSetPodName(setName: string, ordinal: number): string {
  return `${setName}-${ordinal}`;
}

/** `<claimTemplate>-<set>-<ordinal>`, e.g. `www-web-0`. */
export function statefulSetClaimName(claimTemplateName: string, setName: string, ordinal: number): string {
  return `${claimTemplateName}-${setName}-${ordinal}`;
}

/** Splits `web-12` into its set name and ordinal; ordinal -1 when the name has no numeric suffix. */
export function parentNameAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = /^(.*)-([0-9]+)$/.exec(podName);
  if (!m) return { parent: '', ordinal: -1 };
  const ordinal = Number.parseInt(m[2], 10);
  return Number.isSafeInteger(ordinal) && ordinal <= 2 ** 31 - 1
    ? { parent: m[1], ordinal }
    : { parent: '', ordinal: -1 };
}
