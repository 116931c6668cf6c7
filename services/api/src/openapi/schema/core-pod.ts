// Schemas of core/v1 Pod and everything a pod template contains: containers, probes, volumes, scheduling.
import { TYPE_META } from './meta.js';
import type { GroupDefinitions } from './registry.js';

const PROBE_TIMING = {
  initialDelaySeconds: 'integer | Seconds after the container started before the first probe.',
  periodSeconds: 'integer | How often, in seconds, to probe. Default 10.',
  timeoutSeconds: 'integer | Seconds after which one probe times out. Default 1.',
  successThreshold: 'integer | Consecutive successes needed after a failure to count as success. Default 1.',
  failureThreshold: 'integer | Consecutive failures after which the probe counts as failed. Default 3.',
  terminationGracePeriodSeconds:
    'int64 | Grace period used when a failed liveness probe kills the container.',
};

// Containers and ephemeral containers share every field but one; spelling them once keeps them in step.
const CONTAINER_FIELDS = {
  name: 'string! | Name of the container, a DNS label unique within the pod. Cannot be updated.',
  image: 'string | Container image reference, e.g. nginx:1.25.',
  command: '[]string | Entrypoint array, replacing the image ENTRYPOINT; not run in a shell.',
  args: '[]string | Arguments to the entrypoint, replacing the image CMD.',
  workingDir: 'string | Working directory of the container; defaults to the image setting.',
  ports: '[]ContainerPort merge(containerPort) | Network ports the container exposes (informational).',
  envFrom: '[]EnvFromSource | Sources whose keys all become environment variables.',
  env: '[]EnvVar merge(name) | Environment variables to set in the container.',
  resources:
    'ResourceRequirements | Compute resources (cpu, memory) the container requests and is limited to.',
  resizePolicy: '[]ContainerResizePolicy | How each resource may be resized in place.',
  restartPolicy: 'string | Restart behaviour of an init container (Always makes it a sidecar).',
  restartPolicyRules: '[]ContainerRestartRule | Rules that decide a restart from the exit code.',
  volumeMounts: '[]VolumeMount merge(mountPath) | Pod volumes to mount into the container filesystem.',
  volumeDevices: '[]VolumeDevice merge(devicePath) | Block devices the container uses.',
  livenessProbe: 'Probe | Periodic probe of liveness; the container restarts when it fails.',
  readinessProbe: 'Probe | Periodic probe of readiness; the pod leaves service endpoints when it fails.',
  startupProbe: 'Probe | Probe that must succeed before the other probes start.',
  lifecycle: 'Lifecycle | Actions the system runs after the container starts and before it stops.',
  terminationMessagePath:
    'string | File whose contents become the termination message. Default /dev/termination-log.',
  terminationMessagePolicy: 'string | File or FallbackToLogsOnError. Default File.',
  imagePullPolicy: 'string | Always, Never or IfNotPresent; defaults from the image tag.',
  securityContext: 'SecurityContext | Security options the container runs with.',
  stdin: 'boolean | Allocate a buffer for stdin in the container runtime.',
  stdinOnce: 'boolean | Close stdin after the first attach session ends.',
  tty: 'boolean | Allocate a TTY for the container.',
};

export const CORE_POD: GroupDefinitions = {
  package: 'io.k8s.api.core.v1',
  definitions: {
    Pod: [
      'A collection of containers that run together on one node; the smallest deployable unit.',
      {
        ...TYPE_META,
        spec: 'PodSpec | Desired behaviour of the pod.',
        status: 'PodStatus | Most recently observed status of the pod; written by the system. Read-only.',
      },
    ],
    PodTemplateSpec: [
      'Describes the pods to create from a template.',
      {
        metadata: 'ObjectMeta | Metadata of the pods created from this template.',
        spec: 'PodSpec | Desired behaviour of the pods created from this template.',
      },
    ],
    PodSpec: [
      'Description of a pod: its containers, volumes and scheduling constraints.',
      {
        volumes: "[]Volume merge,retainKeys(name) | Volumes the pod's containers can mount.",
        initContainers:
          '[]Container merge(name) | Containers run to completion, in order, before the app containers.',
        containers: "[]Container! merge(name) | The pod's application containers; at least one.",
        ephemeralContainers:
          '[]EphemeralContainer merge(name) | Debugging containers added to a running pod.',
        restartPolicy: 'string | Always, OnFailure or Never. Default Always.',
        terminationGracePeriodSeconds: 'int64 | Seconds a pod gets to stop gracefully. Default 30.',
        activeDeadlineSeconds: 'int64 | Seconds the pod may run before the system fails it.',
        dnsPolicy: 'string | ClusterFirst, ClusterFirstWithHostNet, Default or None. Default ClusterFirst.',
        nodeSelector: '{}string | Labels a node must carry for the pod to be scheduled onto it.',
        serviceAccountName: 'string | Service account the pod runs as.',
        serviceAccount: 'string | Deprecated alias of serviceAccountName.',
        automountServiceAccountToken: 'boolean | Whether a service account token is mounted automatically.',
        nodeName: 'string | Node the pod is bound to; set by the scheduler.',
        hostNetwork: "boolean | Use the node's network namespace.",
        hostPID: "boolean | Use the node's PID namespace.",
        hostIPC: "boolean | Use the node's IPC namespace.",
        shareProcessNamespace: 'boolean | Share one PID namespace between all containers of the pod.',
        securityContext: 'PodSecurityContext | Pod-level security attributes and common container settings.',
        imagePullSecrets: '[]LocalObjectReference merge(name) | Secrets used to pull the images.',
        hostname: 'string | Hostname of the pod; defaults to the pod name.',
        hostnameOverride: 'string | Hostname to use instead of the generated one.',
        subdomain: 'string | Subdomain giving the pod a FQDN <hostname>.<subdomain>.<namespace>.svc.<zone>.',
        affinity: 'Affinity | Node and pod affinity/anti-affinity scheduling constraints.',
        schedulerName: 'string | Scheduler that places the pod. Default default-scheduler.',
        tolerations: '[]Toleration | Taints the pod tolerates.',
        hostAliases: "[]HostAlias merge(ip) | Extra entries for the pod's /etc/hosts.",
        priorityClassName: 'string | Priority class giving the pod its priority.',
        priority: 'integer | Priority value, resolved from priorityClassName.',
        dnsConfig: 'PodDNSConfig | DNS parameters merged into the ones dnsPolicy produces.',
        readinessGates: '[]PodReadinessGate | Extra conditions that must be True for the pod to be ready.',
        runtimeClassName: 'string | RuntimeClass used to run the pod.',
        enableServiceLinks: 'boolean | Inject service information as environment variables. Default true.',
        preemptionPolicy: 'string | Never or PreemptLowerPriority.',
        overhead: '{}Quantity | Resources consumed by the pod sandbox itself.',
        topologySpreadConstraints:
          '[]TopologySpreadConstraint merge(topologyKey) | How pods spread across topology domains.',
        setHostnameAsFQDN: 'boolean | Set the pod hostname to its fully qualified domain name.',
        os: 'PodOS | Operating system the containers need.',
        hostUsers: 'boolean | Use the host user namespace. Default true.',
        schedulingGates:
          '[]PodSchedulingGate merge(name) | Gates that hold the pod back from scheduling while present.',
        resourceClaims: '[]PodResourceClaim merge,retainKeys(name) | Dynamic resources the pod needs.',
        resources: 'ResourceRequirements | Total resources for the pod, shared by its containers.',
      },
    ],
    Container: ['A single application container that runs within a pod.', CONTAINER_FIELDS],
    EphemeralContainer: [
      'A temporary container added to a running pod, e.g. for debugging.',
      {
        ...CONTAINER_FIELDS,
        targetContainerName: 'string | Container whose namespaces the ephemeral container joins.',
      },
    ],
    ContainerPort: [
      'A network port of a single container.',
      {
        name: 'string | IANA service name of the port, unique within the pod.',
        hostPort: 'integer | Port exposed on the host.',
        containerPort: 'integer! | Port number on the pod IP address.',
        protocol: 'string | TCP, UDP or SCTP. Default TCP.',
        hostIP: 'string | Host IP the external port binds to.',
      },
    ],
    EnvVar: [
      'An environment variable of a container.',
      {
        name: 'string! | Name of the variable.',
        value: 'string | Value, with $(VAR) references expanded.',
        valueFrom: 'EnvVarSource | Source of the value when value is empty.',
      },
    ],
    EnvVarSource: [
      'Where an environment variable value comes from.',
      {
        fieldRef: 'ObjectFieldSelector | A field of the pod, e.g. metadata.name or status.podIP.',
        resourceFieldRef: 'ResourceFieldSelector | A resource limit or request of a container.',
        configMapKeyRef: 'ConfigMapKeySelector | A key of a ConfigMap.',
        secretKeyRef: 'SecretKeySelector | A key of a Secret.',
        fileKeyRef: 'FileKeySelector | A key of an env file in a volume.',
      },
    ],
    ObjectFieldSelector: [
      'Selects a field of the pod.',
      {
        apiVersion: 'string | Version of the schema the path is written in. Default v1.',
        fieldPath: 'string! | Path of the field to select.',
      },
    ],
    ResourceFieldSelector: [
      'Selects a container resource (limits.cpu, requests.memory, ...).',
      {
        containerName: 'string | Container name; required for volumes.',
        resource: 'string! | Resource to select.',
        divisor: 'Quantity | Output unit of the value. Default 1.',
      },
    ],
    ConfigMapKeySelector: [
      'Selects a key of a ConfigMap.',
      {
        name: 'string | Name of the ConfigMap.',
        key: 'string! | The key to select.',
        optional: 'boolean | Whether the ConfigMap or key may be missing.',
      },
    ],
    SecretKeySelector: [
      'Selects a key of a Secret.',
      {
        name: 'string | Name of the Secret.',
        key: 'string! | The key to select.',
        optional: 'boolean | Whether the Secret or key may be missing.',
      },
    ],
    FileKeySelector: [
      'Selects a key of an env file.',
      {
        volumeName: 'string! | Volume holding the file.',
        path: 'string! | Path of the file within the volume.',
        key: 'string! | The key to select.',
        optional: 'boolean | Whether the file or key may be missing.',
      },
    ],
    EnvFromSource: [
      'A source whose keys all become environment variables.',
      {
        prefix: 'string | Prefix added to every variable name.',
        configMapRef: 'ConfigMapEnvSource | The ConfigMap to read.',
        secretRef: 'SecretEnvSource | The Secret to read.',
      },
    ],
    ConfigMapEnvSource: [
      'A ConfigMap whose keys become environment variables.',
      {
        name: 'string | Name of the ConfigMap.',
        optional: 'boolean | Whether the ConfigMap may be missing.',
      },
    ],
    SecretEnvSource: [
      'A Secret whose keys become environment variables.',
      { name: 'string | Name of the Secret.', optional: 'boolean | Whether the Secret may be missing.' },
    ],
    ResourceRequirements: [
      'Compute resource requests and limits.',
      {
        limits: '{}Quantity | Maximum amount of each resource allowed.',
        requests: '{}Quantity | Minimum amount of each resource required; used for scheduling.',
        claims: '[]ResourceClaim | Dynamic resource claims (from spec.resourceClaims) the container uses.',
      },
    ],
    ResourceClaim: [
      "Reference to one entry of the pod's resourceClaims.",
      {
        name: 'string! | Name of the entry in spec.resourceClaims.',
        request: 'string | Request within the claim to use.',
      },
    ],
    ContainerResizePolicy: [
      'Resize policy for one resource of a container.',
      {
        resourceName: 'string! | cpu or memory.',
        restartPolicy: 'string! | NotRequired or RestartContainer.',
      },
    ],
    ContainerRestartRule: [
      'A rule deciding whether a container restarts when it exits.',
      {
        action: 'string! | Action taken when the rule matches: Restart.',
        exitCodes: 'ContainerRestartRuleOnExitCodes | Exit codes the rule matches.',
      },
    ],
    ContainerRestartRuleOnExitCodes: [
      'Exit codes a restart rule matches.',
      { operator: 'string! | In or NotIn.', values: '[]integer | The exit codes.' },
    ],
    VolumeMount: [
      'Mounting of a volume within a container.',
      {
        name: 'string! | Name of the pod volume.',
        readOnly: 'boolean | Mount read-only.',
        recursiveReadOnly: 'string | Whether read-only mounts are recursively read-only.',
        mountPath: 'string! | Path in the container where the volume is mounted.',
        subPath: 'string | Path within the volume to mount instead of its root.',
        mountPropagation: 'string | How mounts propagate between host and container.',
        subPathExpr: 'string | Like subPath, with $(VAR) references expanded.',
      },
    ],
    VolumeDevice: [
      'A raw block device within a container.',
      {
        name: 'string! | Name of the persistentVolumeClaim volume.',
        devicePath: 'string! | Path inside the container the device is mapped to.',
      },
    ],
    Probe: [
      'A health check performed against a container.',
      {
        exec: 'ExecAction | Run a command in the container.',
        httpGet: 'HTTPGetAction | Perform an HTTP GET.',
        tcpSocket: 'TCPSocketAction | Open a TCP connection.',
        grpc: 'GRPCAction | Call the gRPC health service.',
        ...PROBE_TIMING,
      },
    ],
    ExecAction: [
      'A command run inside the container.',
      { command: '[]string | Command line; exit status 0 is healthy.' },
    ],
    HTTPGetAction: [
      'An HTTP GET request.',
      {
        path: 'string | Path to request.',
        port: 'IntOrString! | Port number or name.',
        host: 'string | Host name to connect to; defaults to the pod IP.',
        scheme: 'string | HTTP or HTTPS. Default HTTP.',
        httpHeaders: '[]HTTPHeader | Custom request headers.',
      },
    ],
    HTTPHeader: ['An HTTP header.', { name: 'string! | Header name.', value: 'string! | Header value.' }],
    TCPSocketAction: [
      'A TCP connection attempt.',
      {
        port: 'IntOrString! | Port number or name.',
        host: 'string | Host to connect to; defaults to the pod IP.',
      },
    ],
    GRPCAction: [
      'A gRPC health check.',
      {
        port: 'integer! | Port of the gRPC service.',
        service: 'string | Service name passed in the health request.',
      },
    ],
    SleepAction: ['A pause.', { seconds: 'int64! | Seconds to sleep.' }],
    Lifecycle: [
      "Actions the system takes around a container's start and stop.",
      {
        postStart: 'LifecycleHandler | Called right after the container is created.',
        preStop: 'LifecycleHandler | Called before the container is terminated.',
        stopSignal: 'string | Signal sent to stop the container.',
      },
    ],
    LifecycleHandler: [
      'One lifecycle action.',
      {
        exec: 'ExecAction | Run a command.',
        httpGet: 'HTTPGetAction | Perform an HTTP GET.',
        tcpSocket: 'TCPSocketAction | Deprecated TCP check.',
        sleep: 'SleepAction | Sleep for a while.',
      },
    ],
    SecurityContext: [
      'Security settings of a container; they override the pod-level ones.',
      {
        capabilities: 'Capabilities | Capabilities to add or drop.',
        privileged: 'boolean | Run in privileged mode.',
        seLinuxOptions: 'SELinuxOptions | SELinux context.',
        windowsOptions: 'WindowsSecurityContextOptions | Windows-specific settings.',
        runAsUser: 'int64 | UID to run the entrypoint as.',
        runAsGroup: 'int64 | GID to run the entrypoint as.',
        runAsNonRoot: 'boolean | Refuse to start as UID 0.',
        readOnlyRootFilesystem: 'boolean | Mount the root filesystem read-only.',
        allowPrivilegeEscalation: 'boolean | Whether a process may gain more privileges than its parent.',
        procMount: 'string | Type of proc mount.',
        seccompProfile: 'SeccompProfile | Seccomp profile.',
        appArmorProfile: 'AppArmorProfile | AppArmor profile.',
      },
    ],
    PodSecurityContext: [
      'Pod-level security attributes.',
      {
        seLinuxOptions: 'SELinuxOptions | SELinux context for all containers.',
        windowsOptions: 'WindowsSecurityContextOptions | Windows-specific settings.',
        runAsUser: 'int64 | UID for all containers.',
        runAsGroup: 'int64 | GID for all containers.',
        runAsNonRoot: 'boolean | Refuse to start containers as UID 0.',
        supplementalGroups: '[]int64 | Extra groups for the first process of each container.',
        supplementalGroupsPolicy: 'string | How supplemental groups are computed.',
        fsGroup: "int64 | Group owning the pod's volumes.",
        fsGroupChangePolicy: 'string | When to change volume ownership.',
        sysctls: '[]Sysctl | Namespaced sysctls for the pod.',
        seccompProfile: 'SeccompProfile | Seccomp profile.',
        appArmorProfile: 'AppArmorProfile | AppArmor profile.',
        seLinuxChangePolicy: 'string | How SELinux labels are applied to volumes.',
      },
    ],
    Capabilities: [
      'POSIX capabilities.',
      { add: '[]string | Capabilities to add.', drop: '[]string | Capabilities to drop.' },
    ],
    SELinuxOptions: [
      'SELinux labels.',
      {
        user: 'string | SELinux user.',
        role: 'string | SELinux role.',
        type: 'string | SELinux type.',
        level: 'string | SELinux level.',
      },
    ],
    WindowsSecurityContextOptions: [
      'Windows-specific security options.',
      {
        gmsaCredentialSpec: 'string | Inlined GMSA credential spec.',
        gmsaCredentialSpecName: 'string | Name of the GMSA credential spec.',
        runAsUserName: 'string | User name to run the entrypoint as.',
        hostProcess: 'boolean | Run as a host process container.',
      },
    ],
    SeccompProfile: [
      'A seccomp profile.',
      {
        type: 'string! | Localhost, RuntimeDefault or Unconfined.',
        localhostProfile: 'string | Profile file on the node, for Localhost.',
      },
    ],
    AppArmorProfile: [
      'An AppArmor profile.',
      {
        type: 'string! | Localhost, RuntimeDefault or Unconfined.',
        localhostProfile: 'string | Profile loaded on the node, for Localhost.',
      },
    ],
    Sysctl: [
      'A kernel parameter.',
      { name: 'string! | Name of the sysctl.', value: 'string! | Value to set.' },
    ],
    Volume: [
      'A named volume that containers of the pod can mount; exactly one source is set.',
      {
        name: 'string! | Volume name, a DNS label unique within the pod.',
        emptyDir: 'EmptyDirVolumeSource | A temporary directory that lives as long as the pod.',
        hostPath: 'HostPathVolumeSource | A file or directory on the node.',
        configMap: 'ConfigMapVolumeSource | Files from a ConfigMap.',
        secret: 'SecretVolumeSource | Files from a Secret.',
        persistentVolumeClaim: 'PersistentVolumeClaimVolumeSource | A PersistentVolume claimed by a PVC.',
        projected: 'ProjectedVolumeSource | Several sources projected into one directory.',
        downwardAPI: 'DownwardAPIVolumeSource | Files with pod metadata.',
        nfs: 'NFSVolumeSource | An NFS export.',
        csi: 'CSIVolumeSource | An ephemeral volume from a CSI driver.',
        ephemeral: 'EphemeralVolumeSource | A volume from a per-pod PVC created from a template.',
        image: 'ImageVolumeSource | Contents of an OCI image or artifact.',
        awsElasticBlockStore: 'object | Deprecated AWS EBS disk.',
        azureDisk: 'object | Deprecated Azure data disk.',
        azureFile: 'object | Deprecated Azure file share.',
        cephfs: 'object | Deprecated CephFS mount.',
        cinder: 'object | Deprecated OpenStack Cinder volume.',
        fc: 'object | Fibre Channel volume.',
        flexVolume: 'object | Deprecated FlexVolume plugin volume.',
        flocker: 'object | Deprecated Flocker volume.',
        gcePersistentDisk: 'object | Deprecated GCE persistent disk.',
        gitRepo: 'object | Deprecated git repository checkout.',
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
    EmptyDirVolumeSource: [
      "A temporary directory shared by the pod's containers.",
      {
        medium: 'string | Storage medium: "" (node default) or Memory.',
        sizeLimit: 'Quantity | Maximum size of the directory.',
      },
    ],
    HostPathVolumeSource: [
      'A path on the node.',
      { path: 'string! | Path on the host.', type: 'string | Expected type of the path, e.g. Directory.' },
    ],
    ConfigMapVolumeSource: [
      'Files made from the keys of a ConfigMap.',
      {
        name: 'string | Name of the ConfigMap.',
        items: '[]KeyToPath | Which keys to project, and where; all keys when empty.',
        defaultMode: 'integer | File mode bits. Default 0644.',
        optional: 'boolean | Whether the ConfigMap may be missing.',
      },
    ],
    SecretVolumeSource: [
      'Files made from the keys of a Secret.',
      {
        secretName: 'string | Name of the Secret.',
        items: '[]KeyToPath | Which keys to project, and where; all keys when empty.',
        defaultMode: 'integer | File mode bits. Default 0644.',
        optional: 'boolean | Whether the Secret may be missing.',
      },
    ],
    KeyToPath: [
      'Maps a key to a file path.',
      {
        key: 'string! | The key to project.',
        path: 'string! | Relative path of the file.',
        mode: 'integer | File mode bits.',
      },
    ],
    PersistentVolumeClaimVolumeSource: [
      "A reference to a PVC in the pod's namespace.",
      { claimName: 'string! | Name of the PVC.', readOnly: 'boolean | Mount read-only.' },
    ],
    ProjectedVolumeSource: [
      'Several volume sources in one directory.',
      {
        sources: '[]VolumeProjection | The projected sources.',
        defaultMode: 'integer | File mode bits. Default 0644.',
      },
    ],
    VolumeProjection: [
      'One source of a projected volume.',
      {
        secret: 'SecretProjection | Keys of a Secret.',
        downwardAPI: 'DownwardAPIProjection | Pod metadata.',
        configMap: 'ConfigMapProjection | Keys of a ConfigMap.',
        serviceAccountToken: 'ServiceAccountTokenProjection | A service account token.',
        clusterTrustBundle: 'object | Certificates of ClusterTrustBundle objects.',
        podCertificate: 'object | A certificate issued to the pod.',
      },
    ],
    SecretProjection: [
      'Keys of a Secret in a projected volume.',
      {
        name: 'string | Name of the Secret.',
        items: '[]KeyToPath | Keys to project.',
        optional: 'boolean | Whether the Secret may be missing.',
      },
    ],
    ConfigMapProjection: [
      'Keys of a ConfigMap in a projected volume.',
      {
        name: 'string | Name of the ConfigMap.',
        items: '[]KeyToPath | Keys to project.',
        optional: 'boolean | Whether the ConfigMap may be missing.',
      },
    ],
    DownwardAPIProjection: [
      'Pod metadata in a projected volume.',
      { items: '[]DownwardAPIVolumeFile | Files to create.' },
    ],
    ServiceAccountTokenProjection: [
      'A service account token in a projected volume.',
      {
        audience: 'string | Intended audience of the token.',
        expirationSeconds: 'int64 | Requested lifetime of the token.',
        path: 'string! | Relative path of the token file.',
      },
    ],
    DownwardAPIVolumeSource: [
      'Files holding pod metadata.',
      {
        items: '[]DownwardAPIVolumeFile | Files to create.',
        defaultMode: 'integer | File mode bits. Default 0644.',
      },
    ],
    DownwardAPIVolumeFile: [
      'One file of pod metadata.',
      {
        path: 'string! | Relative path of the file.',
        fieldRef: 'ObjectFieldSelector | A pod field.',
        resourceFieldRef: 'ResourceFieldSelector | A container resource.',
        mode: 'integer | File mode bits.',
      },
    ],
    NFSVolumeSource: [
      'An NFS mount.',
      {
        server: 'string! | NFS server host.',
        path: 'string! | Exported path.',
        readOnly: 'boolean | Mount read-only.',
      },
    ],
    CSIVolumeSource: [
      'An ephemeral volume provided by a CSI driver.',
      {
        driver: 'string! | Name of the CSI driver.',
        readOnly: 'boolean | Mount read-only.',
        fsType: 'string | Filesystem type.',
        volumeAttributes: '{}string | Driver-specific properties.',
        nodePublishSecretRef: 'LocalObjectReference | Secret passed to the driver.',
      },
    ],
    EphemeralVolumeSource: [
      'A volume backed by a PVC created for, and deleted with, the pod.',
      { volumeClaimTemplate: 'PersistentVolumeClaimTemplate | Template of the PVC.' },
    ],
    PersistentVolumeClaimTemplate: [
      'Template of a PVC created for an ephemeral volume.',
      {
        metadata: 'ObjectMeta | Labels and annotations copied to the PVC.',
        spec: 'PersistentVolumeClaimSpec! | Spec of the PVC.',
      },
    ],
    ImageVolumeSource: [
      'An OCI image or artifact mounted as a volume.',
      {
        reference: 'string | Image or artifact reference.',
        pullPolicy: 'string | Always, Never or IfNotPresent.',
      },
    ],
    LocalObjectReference: [
      'A reference to an object in the same namespace.',
      { name: 'string | Name of the referent.' },
    ],
    Affinity: [
      'Scheduling constraints relative to nodes and other pods.',
      {
        nodeAffinity: "NodeAffinity | Constraints on the node's labels.",
        podAffinity: 'PodAffinity | Co-locate with pods matching terms.',
        podAntiAffinity: 'PodAntiAffinity | Keep away from pods matching terms.',
      },
    ],
    NodeAffinity: [
      'Node affinity scheduling rules.',
      {
        requiredDuringSchedulingIgnoredDuringExecution: 'NodeSelector | Rules a node must satisfy.',
        preferredDuringSchedulingIgnoredDuringExecution:
          '[]PreferredSchedulingTerm | Weighted rules the scheduler prefers.',
      },
    ],
    NodeSelector: [
      'A union of node selector terms: a node matches when any term matches.',
      { nodeSelectorTerms: '[]NodeSelectorTerm! | The terms, ORed.' },
    ],
    NodeSelectorTerm: [
      'Requirements on node labels and fields, ANDed.',
      {
        matchExpressions: '[]NodeSelectorRequirement | Requirements on node labels.',
        matchFields: '[]NodeSelectorRequirement | Requirements on node fields.',
      },
    ],
    NodeSelectorRequirement: [
      'A key, an operator and values.',
      {
        key: 'string! | Label or field key.',
        operator: 'string! | In, NotIn, Exists, DoesNotExist, Gt or Lt.',
        values: '[]string | Values for the operator.',
      },
    ],
    PreferredSchedulingTerm: [
      'A weighted node selector term.',
      { weight: 'integer! | Weight, 1-100.', preference: 'NodeSelectorTerm! | The term.' },
    ],
    PodAffinity: [
      'Rules to co-locate pods.',
      {
        requiredDuringSchedulingIgnoredDuringExecution: '[]PodAffinityTerm | Terms that must hold.',
        preferredDuringSchedulingIgnoredDuringExecution:
          '[]WeightedPodAffinityTerm | Weighted preferred terms.',
      },
    ],
    PodAntiAffinity: [
      'Rules to keep pods apart.',
      {
        requiredDuringSchedulingIgnoredDuringExecution: '[]PodAffinityTerm | Terms that must hold.',
        preferredDuringSchedulingIgnoredDuringExecution:
          '[]WeightedPodAffinityTerm | Weighted preferred terms.',
      },
    ],
    PodAffinityTerm: [
      'Pods to be (or not be) co-located with, within a topology domain.',
      {
        labelSelector: 'LabelSelector | Pods the term matches.',
        namespaces: "[]string | Namespaces searched; default the pod's own.",
        topologyKey: 'string! | Node label naming the topology domain.',
        namespaceSelector: 'LabelSelector | Namespaces searched, by label.',
        matchLabelKeys: '[]string | Pod label keys whose values are added to labelSelector.',
        mismatchLabelKeys: '[]string | Pod label keys whose values are excluded via labelSelector.',
      },
    ],
    WeightedPodAffinityTerm: [
      'A pod affinity term with a weight.',
      { weight: 'integer! | Weight, 1-100.', podAffinityTerm: 'PodAffinityTerm! | The term.' },
    ],
    Toleration: [
      'Lets a pod be scheduled onto (or stay on) nodes with a matching taint.',
      {
        key: 'string | Taint key; empty with Exists matches all taints.',
        operator: 'string | Exists or Equal. Default Equal.',
        value: 'string | Taint value to match for Equal.',
        effect: 'string | NoSchedule, PreferNoSchedule or NoExecute; empty matches all.',
        tolerationSeconds: 'int64 | How long a NoExecute taint is tolerated before eviction.',
      },
    ],
    HostAlias: [
      "An entry for the pod's /etc/hosts file.",
      { ip: 'string! | IP address.', hostnames: '[]string | Host names for the address.' },
    ],
    PodDNSConfig: [
      'Extra DNS settings of a pod.',
      {
        nameservers: '[]string | DNS server addresses.',
        searches: '[]string | Search domains.',
        options: '[]PodDNSConfigOption | Resolver options.',
      },
    ],
    PodDNSConfigOption: [
      'A resolver option.',
      { name: 'string | Option name.', value: 'string | Option value.' },
    ],
    PodReadinessGate: [
      'An extra condition considered for pod readiness.',
      { conditionType: "string! | Type of a condition in the pod's condition list." },
    ],
    TopologySpreadConstraint: [
      'How to spread matching pods across a topology.',
      {
        maxSkew: 'integer! | Maximum allowed difference in matching pods between domains.',
        topologyKey: 'string! | Node label naming the topology domain.',
        whenUnsatisfiable: 'string! | DoNotSchedule or ScheduleAnyway.',
        labelSelector: 'LabelSelector | Pods counted in each domain.',
        minDomains: 'integer | Minimum number of eligible domains.',
        nodeAffinityPolicy: "string | Honor or Ignore the pod's node affinity when counting.",
        nodeTaintsPolicy: 'string | Honor or Ignore node taints when counting.',
        matchLabelKeys: '[]string | Pod label keys whose values are added to labelSelector.',
      },
    ],
    PodOS: ['The operating system of a pod.', { name: 'string! | linux or windows.' }],
    PodSchedulingGate: ['A gate holding back scheduling.', { name: 'string! | Name of the gate.' }],
    PodResourceClaim: [
      'A dynamic resource claim of the pod.',
      {
        name: 'string! | Name of the entry, referenced by containers.',
        resourceClaimName: 'string | Existing ResourceClaim to use.',
        resourceClaimTemplateName: 'string | Template to create a claim from.',
      },
    ],
    PodStatus: [
      'Observed state of a pod; written by the system.',
      {
        observedGeneration: 'int64 | The metadata.generation this status reflects.',
        phase: 'string | Pending, Running, Succeeded, Failed or Unknown.',
        conditions: '[]PodCondition merge(type) | Current service state of the pod.',
        message: "string | Human-readable reason for the pod's condition.",
        reason: "string | Brief CamelCase reason for the pod's state, e.g. Evicted.",
        nominatedNodeName: 'string | Node the pod is expected to run on after preemption.',
        hostIP: 'string | IP of the node the pod runs on.',
        hostIPs: '[]HostIP merge(ip) | IPs of the node the pod runs on.',
        podIP: 'string | IP address allocated to the pod.',
        podIPs: '[]PodIP merge(ip) | IP addresses allocated to the pod.',
        startTime: 'Time | When the node acknowledged the pod.',
        initContainerStatuses: '[]ContainerStatus | Statuses of the init containers.',
        containerStatuses: '[]ContainerStatus | Statuses of the app containers.',
        qosClass: 'string | Guaranteed, Burstable or BestEffort.',
        ephemeralContainerStatuses: '[]ContainerStatus | Statuses of the ephemeral containers.',
        resize: 'string | Deprecated status of an in-place resize.',
        resourceClaimStatuses:
          '[]PodResourceClaimStatus merge,retainKeys(name) | Generated ResourceClaim names.',
        extendedResourceClaimStatus: 'object | Claim created for extended resources.',
      },
    ],
    PodCondition: [
      'One condition of a pod.',
      {
        type: 'string! | PodScheduled, Initialized, ContainersReady, Ready, ...',
        observedGeneration: 'int64 | The metadata.generation the condition reflects.',
        status: 'string! | True, False or Unknown.',
        lastProbeTime: 'Time | Last time the condition was probed.',
        lastTransitionTime: 'Time | Last time the status changed.',
        reason: 'string | CamelCase reason for the last transition.',
        message: 'string | Human-readable message.',
      },
    ],
    HostIP: ["An IP of the pod's node.", { ip: 'string! | The IP address.' }],
    PodIP: ['An IP of the pod.', { ip: 'string! | The IP address.' }],
    PodResourceClaimStatus: [
      'The generated ResourceClaim of a pod resource claim.',
      {
        name: 'string! | Entry in spec.resourceClaims.',
        resourceClaimName: 'string | Name of the generated ResourceClaim.',
      },
    ],
    ContainerStatus: [
      'Observed state of one container.',
      {
        name: 'string! | Name of the container.',
        state: 'ContainerState | Current state.',
        lastState: 'ContainerState | State of the previous run, if any.',
        ready: 'boolean! | Whether the container passes its readiness probe.',
        restartCount: 'integer! | Times the container has been restarted.',
        image: 'string! | Image the container runs.',
        imageID: 'string! | Resolved image ID.',
        containerID: 'string | Runtime ID of the container (<runtime>://<id>).',
        started: 'boolean | Whether the startup probe passed.',
        allocatedResources: '{}Quantity | Resources allocated to the container.',
        resources: 'ResourceRequirements | Resources actually configured.',
        volumeMounts: '[]VolumeMountStatus | Status of the volume mounts.',
        user: 'ContainerUser | Identity of the first process.',
        allocatedResourcesStatus: '[]ResourceStatus | Health of allocated resources.',
        stopSignal: 'string | Signal sent to stop the container.',
      },
    ],
    ContainerState: [
      'A container state: exactly one member is set.',
      {
        waiting: 'ContainerStateWaiting | Not running yet.',
        running: 'ContainerStateRunning | Running.',
        terminated: 'ContainerStateTerminated | Finished.',
      },
    ],
    ContainerStateWaiting: [
      'A container that is not running yet.',
      {
        reason: 'string | Why it is waiting, e.g. ContainerCreating or ImagePullBackOff.',
        message: 'string | Details.',
      },
    ],
    ContainerStateRunning: ['A running container.', { startedAt: 'Time | When it (re)started.' }],
    ContainerStateTerminated: [
      'A container that finished.',
      {
        exitCode: 'integer! | Exit status of the last termination.',
        signal: 'integer | Signal of the last termination.',
        reason: 'string | Brief reason, e.g. Completed or Error.',
        message: 'string | Details.',
        startedAt: 'Time | When the previous run started.',
        finishedAt: 'Time | When it terminated.',
        containerID: 'string | Runtime ID of the container.',
      },
    ],
    VolumeMountStatus: [
      'Status of a volume mount.',
      {
        name: 'string! | Name of the volume mount.',
        mountPath: 'string! | Path of the mount.',
        readOnly: 'boolean | Mounted read-only.',
        recursiveReadOnly: 'string | Recursive read-only state.',
      },
    ],
    ContainerUser: [
      "Identity of a container's first process.",
      { linux: 'LinuxContainerUser | Linux identity.' },
    ],
    LinuxContainerUser: [
      'Linux user and groups.',
      {
        uid: 'int64! | User ID.',
        gid: 'int64! | Primary group ID.',
        supplementalGroups: '[]int64 | Supplemental groups.',
      },
    ],
    ResourceStatus: [
      'Health of the devices behind one resource.',
      { name: 'string! | Resource name.', resources: '[]ResourceHealth | Health per device.' },
    ],
    ResourceHealth: [
      'Health of one device.',
      { resourceID: 'string! | Device ID.', health: 'string | Healthy, Unhealthy or Unknown.' },
    ],
  },
};
