// Schemas of meta.k8s.io/v1 types every object embeds: metadata, owner references, label selectors, conditions.
import type { GroupDefinitions } from './registry.js';

/** The fields every top-level object starts with. */
export const TYPE_META = {
  apiVersion: 'string | Versioned schema of this representation of the object.',
  kind: 'string | REST resource kind of this object, in CamelCase.',
  metadata: 'ObjectMeta | Standard object metadata.',
};

export const META: GroupDefinitions = {
  package: 'io.k8s.apimachinery.pkg.apis.meta.v1',
  definitions: {
    ObjectMeta: [
      'Standard metadata every persisted object carries: identity, labels, annotations, ownership and lifecycle.',
      {
        name: 'string | Name of the object, unique within its namespace (or the cluster) for its kind. Cannot be updated.',
        generateName:
          'string | Prefix the server uses to generate a unique name when name is empty; a random suffix is appended.',
        namespace:
          'string | Namespace the object lives in; empty for cluster-scoped kinds. Cannot be updated.',
        selfLink: 'string | Deprecated and always empty.',
        uid: 'string | Unique identity the server assigns at creation; never reused. Read-only.',
        resourceVersion:
          'string | Opaque version of the object, changed by every write; used for optimistic concurrency and watches. Read-only.',
        generation: 'int64 | Sequence number of the desired state (spec) changes. Read-only.',
        creationTimestamp: 'Time | When the object was created, in UTC. Read-only.',
        deletionTimestamp:
          'Time | When the object will be (or started being) deleted; set by the server on a graceful delete. Read-only.',
        deletionGracePeriodSeconds:
          'int64 | Seconds allowed for graceful termination before removal. Read-only.',
        labels: '{}string | Key/value pairs used to organize and select objects (label selectors).',
        annotations: '{}string | Key/value pairs holding arbitrary non-identifying metadata.',
        ownerReferences:
          '[]OwnerReference merge(uid) | Objects this one depends on; the garbage collector deletes it once all its owners are gone.',
        finalizers:
          '[]string merge | Keys that must be removed before the object is deleted from storage; each is handled by some controller.',
        managedFields:
          '[]ManagedFieldsEntry | Which field manager owns which fields (server-side apply bookkeeping).',
      },
    ],
    ListMeta: [
      'Metadata of a list: the version it was read at and how to continue it.',
      {
        resourceVersion:
          'string | Version of the collection the list reflects; a watch started from it misses nothing.',
        continue: 'string | Token to fetch the next page when the list was limited.',
        remainingItemCount: 'int64 | Number of items after this page, when known.',
        selfLink: 'string | Deprecated and always empty.',
      },
    ],
    OwnerReference: [
      'Identifies an owning object; the owner must be in the same namespace as the dependent, or cluster-scoped.',
      {
        apiVersion: 'string! | API version of the owner.',
        kind: 'string! | Kind of the owner.',
        name: 'string! | Name of the owner.',
        uid: 'string! | UID of the owner.',
        controller: 'boolean | True when the owner is the managing controller; at most one owner may set it.',
        blockOwnerDeletion:
          'boolean | When true, a foreground deletion of the owner waits until this dependent is gone.',
      },
    ],
    ManagedFieldsEntry: [
      'A set of fields owned by one field manager, with the operation that last set them.',
      {
        manager: 'string | Name of the field manager (usually the client, e.g. kubectl-client-side-apply).',
        operation: 'string | Operation that set the fields: Apply or Update.',
        apiVersion: 'string | API version the field set is expressed in.',
        time: 'Time | When the fields were last changed.',
        fieldsType: 'string | Format of fieldsV1; always FieldsV1.',
        fieldsV1: 'object | The owned fields, as a nested set.',
        subresource: 'string | Subresource the fields were written through, e.g. status or scale.',
      },
    ],
    LabelSelector: [
      'A label query over a set of objects; all requirements are ANDed. An empty selector matches everything.',
      {
        matchLabels: '{}string | Exact label matches; each pair is a requirement "key In [value]".',
        matchExpressions: '[]LabelSelectorRequirement | Set-based label requirements.',
      },
    ],
    LabelSelectorRequirement: [
      'A label key, an operator and a set of values.',
      {
        key: 'string! | The label key the requirement applies to.',
        operator: 'string! | In, NotIn, Exists or DoesNotExist.',
        values: '[]string | Values for In and NotIn (non-empty); must be empty for Exists and DoesNotExist.',
      },
    ],
    Condition: [
      'One aspect of the current state of an object.',
      {
        type: 'string! | Type of condition, in CamelCase.',
        status: 'string! | True, False or Unknown.',
        observedGeneration: 'int64 | The metadata.generation the condition was computed from.',
        lastTransitionTime: 'Time! | Last time the status changed.',
        reason: 'string! | Machine-readable CamelCase reason for the last transition.',
        message: 'string! | Human-readable details about the last transition.',
      },
    ],
  },
};
