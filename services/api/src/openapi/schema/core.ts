// Schemas of the other core/v1 kinds kubesim serves: Service, Endpoints, volumes and claims, ConfigMap, Event,
// Namespace and Node.
import { TYPE_META } from './meta.js';
import type { GroupDefinitions } from './registry.js';

const CONDITION_COMMON = {
  status: 'string! | True, False or Unknown.',
  lastTransitionTime: 'Time | Last time the status changed.',
  reason: 'string | CamelCase reason for the last transition.',
  message: 'string | Human-readable details.',
};

export const CORE: GroupDefinitions = {
  package: 'io.k8s.api.core.v1',
  definitions: {
    Service: [
      'A named abstraction of a software service: a stable virtual IP and port that proxies to selected pods.',
      {
        ...TYPE_META,
        spec: 'ServiceSpec | Desired behaviour of the service.',
        status: 'ServiceStatus | Most recently observed status of the service. Read-only.',
      },
    ],
    ServiceSpec: [
      'Desired behaviour of a service.',
      {
        ports: '[]ServicePort merge(port) | Ports the service exposes.',
        selector:
          '{}string | Pods with these labels receive the traffic; no selector means endpoints are managed externally.',
        clusterIP:
          'string | Virtual IP of the service; "None" makes it headless. Usually assigned by the system.',
        clusterIPs: '[]string | Virtual IPs of the service, one per IP family; the first equals clusterIP.',
        type: 'string | ClusterIP, NodePort, LoadBalancer or ExternalName. Default ClusterIP.',
        externalIPs: '[]string | Extra IPs on which nodes accept traffic for the service.',
        sessionAffinity: 'string | ClientIP or None. Default None.',
        loadBalancerIP: 'string | Deprecated requested load balancer IP.',
        loadBalancerSourceRanges: '[]string | Client CIDRs allowed through the load balancer.',
        externalName: 'string | DNS name the service aliases, for type ExternalName.',
        externalTrafficPolicy: 'string | Cluster or Local routing of external traffic.',
        healthCheckNodePort: 'integer | Node port of the health check for Local external traffic.',
        publishNotReadyAddresses: 'boolean | Publish endpoints of pods that are not ready.',
        sessionAffinityConfig: 'SessionAffinityConfig | Settings of the session affinity.',
        ipFamilies: '[]string | IP families (IPv4, IPv6) of the service.',
        ipFamilyPolicy: 'string | SingleStack, PreferDualStack or RequireDualStack.',
        allocateLoadBalancerNodePorts:
          'boolean | Whether LoadBalancer services get node ports. Default true.',
        loadBalancerClass: 'string | Class of the load balancer implementation.',
        internalTrafficPolicy: 'string | Cluster or Local routing of in-cluster traffic.',
        trafficDistribution: 'string | Preference for how traffic is distributed to endpoints.',
      },
    ],
    ServicePort: [
      'A port of a service.',
      {
        name: 'string | Name of the port; required when there are several.',
        protocol: 'string | TCP, UDP or SCTP. Default TCP.',
        appProtocol: 'string | Application protocol of the port.',
        port: 'integer! | Port the service exposes.',
        targetPort: 'IntOrString | Port number or name on the pods. Defaults to port.',
        nodePort: 'integer | Port on every node for NodePort and LoadBalancer services.',
      },
    ],
    SessionAffinityConfig: [
      'Settings of session affinity.',
      { clientIP: 'ClientIPConfig | Settings of ClientIP affinity.' },
    ],
    ClientIPConfig: [
      'Settings of ClientIP session affinity.',
      { timeoutSeconds: 'integer | Seconds a session sticks. Default 10800.' },
    ],
    ServiceStatus: [
      'Observed state of a service.',
      {
        loadBalancer: 'LoadBalancerStatus | Status of the load balancer, if any.',
        conditions: '[]Condition merge(type) | Current conditions of the service.',
      },
    ],
    LoadBalancerStatus: [
      'Status of a load balancer.',
      { ingress: '[]LoadBalancerIngress | Ingress points of the load balancer.' },
    ],
    LoadBalancerIngress: [
      'An ingress point of a load balancer.',
      {
        ip: 'string | IP of the ingress point.',
        hostname: 'string | Host name of the ingress point.',
        ipMode: 'string | VIP or Proxy.',
        ports: '[]PortStatus | Status of the service ports.',
      },
    ],
    PortStatus: [
      'Status of one service port.',
      {
        port: 'integer! | Port number.',
        protocol: 'string! | Protocol.',
        error: 'string | Problem with the port, if any.',
      },
    ],
    Endpoints: [
      'The addresses and ports that implement a service.',
      { ...TYPE_META, subsets: '[]EndpointSubset | Groups of addresses sharing the same ports.' },
    ],
    EndpointSubset: [
      'Addresses that all expose the same ports.',
      {
        addresses: '[]EndpointAddress | Ready addresses.',
        notReadyAddresses: '[]EndpointAddress | Addresses that are not ready yet.',
        ports: '[]EndpointPort | Port numbers available on the addresses.',
      },
    ],
    EndpointAddress: [
      'A single endpoint IP.',
      {
        ip: 'string! | IP of the endpoint.',
        hostname: 'string | Hostname of the endpoint.',
        nodeName: 'string | Node hosting the endpoint.',
        targetRef: 'ObjectReference | Object (usually a pod) behind the endpoint.',
      },
    ],
    EndpointPort: [
      'A port of an endpoint.',
      {
        name: 'string | Name of the port, matching the service port name.',
        port: 'integer! | Port number.',
        protocol: 'string | TCP, UDP or SCTP. Default TCP.',
        appProtocol: 'string | Application protocol of the port.',
      },
    ],
    ObjectReference: [
      'A reference to another object.',
      {
        kind: 'string | Kind of the referent.',
        namespace: 'string | Namespace of the referent.',
        name: 'string | Name of the referent.',
        uid: 'string | UID of the referent.',
        apiVersion: 'string | API version of the referent.',
        resourceVersion: 'string | Version of the referent the reference was made to.',
        fieldPath: 'string | Part of the object referred to, e.g. spec.containers{name}.',
      },
    ],
    PersistentVolume: [
      'A piece of storage provisioned by an administrator or dynamically; claimed through PersistentVolumeClaims.',
      {
        ...TYPE_META,
        spec: 'PersistentVolumeSpec | Capacity and source of the volume.',
        status: 'PersistentVolumeStatus | Observed status of the volume. Read-only.',
      },
    ],
    PersistentVolumeSpec: [
      'Specification of a persistent volume.',
      {
        capacity: '{}Quantity | Capacity of the volume, e.g. storage: 1Gi.',
        accessModes: '[]string | ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.',
        claimRef: 'ObjectReference | The claim bound to (or reserved for) the volume.',
        persistentVolumeReclaimPolicy:
          'string | Retain, Delete or Recycle: what happens when the claim goes.',
        storageClassName: 'string | Storage class the volume belongs to; empty means none.',
        mountOptions: '[]string | Mount options.',
        volumeMode: 'string | Filesystem or Block. Default Filesystem.',
        nodeAffinity: 'VolumeNodeAffinity | Nodes the volume can be accessed from.',
        volumeAttributesClassName: 'string | VolumeAttributesClass of the volume.',
        hostPath: 'HostPathVolumeSource | A directory on the node (single-node testing).',
        local: 'LocalVolumeSource | A local disk on a node.',
        nfs: 'NFSVolumeSource | An NFS export.',
        csi: 'object | Volume managed by a CSI driver.',
        awsElasticBlockStore: 'object | Deprecated AWS EBS disk.',
        azureDisk: 'object | Deprecated Azure data disk.',
        azureFile: 'object | Deprecated Azure file share.',
        cephfs: 'object | Deprecated CephFS mount.',
        cinder: 'object | Deprecated OpenStack Cinder volume.',
        fc: 'object | Fibre Channel volume.',
        flexVolume: 'object | Deprecated FlexVolume plugin volume.',
        flocker: 'object | Deprecated Flocker volume.',
        gcePersistentDisk: 'object | Deprecated GCE persistent disk.',
        glusterfs: 'object | Deprecated GlusterFS mount.',
        iscsi: 'object | iSCSI disk.',
        photonPersistentDisk: 'object | Deprecated Photon disk.',
        portworxVolume: 'object | Deprecated Portworx volume.',
        quobyte: 'object | Deprecated Quobyte mount.',
        rbd: 'object | Deprecated Rados block device.',
        scaleIO: 'object | Deprecated ScaleIO volume.',
        storageos: 'object | Deprecated StorageOS volume.',
        vsphereVolume: 'object | Deprecated vSphere disk.',
      },
    ],
    LocalVolumeSource: [
      'A local disk mounted on a node.',
      { path: 'string! | Path of the disk on the node.', fsType: 'string | Filesystem type.' },
    ],
    VolumeNodeAffinity: [
      'Nodes a volume can be used from.',
      { required: 'NodeSelector | Nodes that can access the volume.' },
    ],
    PersistentVolumeStatus: [
      'Observed state of a persistent volume.',
      {
        phase: 'string | Pending, Available, Bound, Released or Failed.',
        message: 'string | Human-readable reason for the phase.',
        reason: 'string | Brief CamelCase reason for a failure.',
        lastPhaseTransitionTime: 'Time | When the phase last changed.',
      },
    ],
    PersistentVolumeClaim: [
      "A user's request for, and claim to, a persistent volume.",
      {
        ...TYPE_META,
        spec: 'PersistentVolumeClaimSpec | The requested storage.',
        status: 'PersistentVolumeClaimStatus | Observed status of the claim. Read-only.',
      },
    ],
    PersistentVolumeClaimSpec: [
      'The storage a claim asks for.',
      {
        accessModes: '[]string | Access modes the volume must support.',
        selector: 'LabelSelector | Labels the volume must carry.',
        resources: 'VolumeResourceRequirements | Minimum resources (storage) the volume must have.',
        volumeName: 'string | Name of the bound volume.',
        storageClassName: 'string | Storage class required; empty means no class.',
        volumeMode: 'string | Filesystem or Block. Default Filesystem.',
        dataSource: 'TypedLocalObjectReference | Object (snapshot or claim) to populate the volume from.',
        dataSourceRef: 'TypedObjectReference | Object to populate the volume from, any namespace.',
        volumeAttributesClassName: 'string | VolumeAttributesClass requested.',
      },
    ],
    VolumeResourceRequirements: [
      'Storage resources of a claim.',
      {
        limits: '{}Quantity | Maximum resources allowed.',
        requests: '{}Quantity | Minimum resources required, e.g. storage: 1Gi.',
      },
    ],
    TypedLocalObjectReference: [
      'A reference to a typed object in the same namespace.',
      {
        apiGroup: 'string | Group of the referent.',
        kind: 'string! | Kind of the referent.',
        name: 'string! | Name of the referent.',
      },
    ],
    TypedObjectReference: [
      'A reference to a typed object.',
      {
        apiGroup: 'string | Group of the referent.',
        kind: 'string! | Kind of the referent.',
        name: 'string! | Name of the referent.',
        namespace: 'string | Namespace of the referent.',
      },
    ],
    PersistentVolumeClaimStatus: [
      'Observed state of a claim.',
      {
        phase: 'string | Pending, Bound or Lost.',
        accessModes: '[]string | Access modes of the bound volume.',
        capacity: '{}Quantity | Capacity of the bound volume.',
        conditions: '[]PersistentVolumeClaimCondition merge(type) | Current conditions of the claim.',
        allocatedResources: '{}Quantity | Resources allocated to the claim.',
        allocatedResourceStatuses: '{}string | Status of resize operations per resource.',
        currentVolumeAttributesClassName: 'string | VolumeAttributesClass in use.',
        modifyVolumeStatus: 'ModifyVolumeStatus | Status of a volume modification.',
      },
    ],
    PersistentVolumeClaimCondition: [
      'A condition of a claim.',
      {
        type: 'string! | Type of the condition.',
        lastProbeTime: 'Time | Last time the condition was probed.',
        ...CONDITION_COMMON,
      },
    ],
    ModifyVolumeStatus: [
      'Status of a volume modification.',
      {
        targetVolumeAttributesClassName: 'string | Class being applied.',
        status: 'string! | Pending, InProgress or Infeasible.',
      },
    ],
    ConfigMap: [
      'Non-confidential configuration data as key/value pairs.',
      {
        ...TYPE_META,
        immutable: 'boolean | When true the data cannot be updated.',
        data: '{}string | UTF-8 configuration data.',
        binaryData: '{}string | Binary configuration data, base64-encoded.',
      },
    ],
    Event: [
      'A report of something that happened to an object.',
      {
        ...TYPE_META,
        involvedObject: 'ObjectReference! | The object the event is about.',
        reason: 'string | Short CamelCase reason, e.g. ScalingReplicaSet.',
        message: 'string | Human-readable description.',
        source: 'EventSource | Component that reported the event.',
        firstTimestamp: 'Time | When the event was first recorded.',
        lastTimestamp: 'Time | When the most recent occurrence was recorded.',
        count: 'integer | Times the event occurred.',
        type: 'string | Normal or Warning.',
        eventTime: 'MicroTime | When the event was first observed.',
        series: 'EventSeries | Data about a series of repeated events.',
        action: 'string | What action was taken or failed.',
        related: 'ObjectReference | A secondary object involved.',
        reportingComponent: 'string | Controller that emitted the event.',
        reportingInstance: 'string | Instance of the controller that emitted the event.',
      },
    ],
    EventSource: [
      'The reporter of an event.',
      { component: 'string | Component name.', host: 'string | Node name.' },
    ],
    EventSeries: [
      'A series of repeated events.',
      {
        count: 'integer | Occurrences in the series so far.',
        lastObservedTime: 'MicroTime | When the last occurrence was observed.',
      },
    ],
    Namespace: [
      'A scope for names; most namespaced objects live in exactly one namespace.',
      {
        ...TYPE_META,
        spec: 'NamespaceSpec | Finalizers of the namespace.',
        status: 'NamespaceStatus | Observed status of the namespace. Read-only.',
      },
    ],
    NamespaceSpec: [
      'Specification of a namespace.',
      { finalizers: '[]string | Finalizers that must run before the namespace is removed.' },
    ],
    NamespaceStatus: [
      'Observed state of a namespace.',
      {
        phase: 'string | Active or Terminating.',
        conditions: '[]NamespaceCondition merge(type) | Current conditions of the namespace.',
      },
    ],
    NamespaceCondition: [
      'A condition of a namespace.',
      { type: 'string! | Type of the condition.', ...CONDITION_COMMON },
    ],
    Node: [
      'A worker machine that runs pods.',
      {
        ...TYPE_META,
        spec: 'NodeSpec | Configuration of the node.',
        status: 'NodeStatus | Observed status of the node. Read-only.',
      },
    ],
    NodeSpec: [
      'Configuration of a node.',
      {
        podCIDR: 'string | Pod IP range assigned to the node.',
        podCIDRs: '[]string merge | Pod IP ranges assigned to the node.',
        providerID: 'string | Cloud provider ID of the node.',
        unschedulable: 'boolean | When true no new pods are scheduled onto the node (cordon).',
        taints: '[]Taint | Taints repelling pods that do not tolerate them.',
        configSource: 'object | Deprecated dynamic kubelet config source.',
        externalID: 'string | Deprecated.',
      },
    ],
    Taint: [
      'Marks a node so that pods not tolerating it are repelled.',
      {
        key: 'string! | Taint key.',
        value: 'string | Taint value.',
        effect: 'string! | NoSchedule, PreferNoSchedule or NoExecute.',
        timeAdded: 'Time | When a NoExecute taint was added.',
      },
    ],
    NodeStatus: [
      'Observed state of a node.',
      {
        capacity: '{}Quantity | Total resources of the node.',
        allocatable: '{}Quantity | Resources available for scheduling.',
        phase: 'string | Deprecated lifecycle phase.',
        conditions: '[]NodeCondition merge(type) | Current conditions (Ready, MemoryPressure, ...).',
        addresses: '[]NodeAddress merge(type) | Addresses reachable to the node.',
        daemonEndpoints: 'NodeDaemonEndpoints | Endpoints of daemons on the node.',
        nodeInfo: 'NodeSystemInfo | Identity and versions of the node.',
        images: '[]ContainerImage | Images present on the node.',
        volumesInUse: '[]string | Volumes in use on the node.',
        volumesAttached: '[]AttachedVolume | Volumes attached to the node.',
        config: 'object | Deprecated dynamic kubelet config status.',
        runtimeHandlers: '[]NodeRuntimeHandler | Available runtime handlers.',
        features: 'NodeFeatures | Features the node supports.',
      },
    ],
    NodeCondition: [
      'A condition of a node.',
      {
        type: 'string! | Ready, MemoryPressure, DiskPressure, PIDPressure or NetworkUnavailable.',
        lastHeartbeatTime: 'Time | Last time the condition was reported.',
        ...CONDITION_COMMON,
      },
    ],
    NodeAddress: [
      'An address of a node.',
      { type: 'string! | Hostname, InternalIP, ExternalIP, ...', address: 'string! | The address.' },
    ],
    NodeDaemonEndpoints: [
      'Ports of daemons on a node.',
      { kubeletEndpoint: 'DaemonEndpoint | Port the kubelet listens on.' },
    ],
    DaemonEndpoint: ['A daemon port.', { Port: 'integer! | Port number.' }],
    NodeSystemInfo: [
      'Identity and versions of a node.',
      {
        machineID: 'string! | Machine ID.',
        systemUUID: 'string! | System UUID.',
        bootID: 'string! | Boot ID.',
        kernelVersion: 'string! | Kernel version.',
        osImage: 'string! | OS image.',
        containerRuntimeVersion: 'string! | Container runtime version.',
        kubeletVersion: 'string! | Kubelet version.',
        kubeProxyVersion: 'string! | Deprecated kube-proxy version.',
        operatingSystem: 'string! | Operating system.',
        architecture: 'string! | Architecture.',
        swap: 'object | Swap information.',
      },
    ],
    ContainerImage: [
      'An image on a node.',
      { names: '[]string | Names of the image.', sizeBytes: 'int64 | Size of the image.' },
    ],
    AttachedVolume: [
      'A volume attached to a node.',
      { name: 'string! | Name of the volume.', devicePath: 'string! | Device path of the volume.' },
    ],
    NodeRuntimeHandler: [
      'A runtime handler of a node.',
      { name: 'string | Handler name.', features: 'object | Features of the handler.' },
    ],
    NodeFeatures: [
      'Features a node supports.',
      { supplementalGroupsPolicy: 'boolean | Whether supplementalGroupsPolicy is honoured.' },
    ],
  },
};
