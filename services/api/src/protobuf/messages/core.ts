// core/v1 messages the served kinds reach (api/core/v1/generated.proto), in the notation of ../schema.ts.
// Volume sources cover the common in-tree and projected kinds; the cloud-specific ones are left out, so their
// fields are skipped like any unknown field and validation then reports the volume as having no source.
import type { MessageTable } from '../schema.js';

const AFFINITY_TERMS =
  '1 requiredDuringSchedulingIgnoredDuringExecution:PodAffinityTerm*, ' +
  '2 preferredDuringSchedulingIgnoredDuringExecution:WeightedPodAffinityTerm*';
const WORKLOAD_STATUS_CONDITION =
  '1 type, 2 status, 3 lastProbeTime:time, 4 lastTransitionTime:time, 5 reason, 6 message';

const OBJECTS: MessageTable = {
  Binding: '1 metadata:ObjectMeta, 2 target:ObjectReference',
  ConfigMap: '1 metadata:ObjectMeta, 2 data:{}, 3 binaryData:{bytes}, 4 immutable:bool!',
  Endpoints: '1 metadata:ObjectMeta, 2 subsets:EndpointSubset*',
  EndpointSubset: '1 addresses:EndpointAddress*, 2 notReadyAddresses:EndpointAddress*, 3 ports:EndpointPort*',
  EndpointAddress: '1 ip, 2 targetRef:ObjectReference, 3 hostname, 4 nodeName!',
  EndpointPort: '1 name, 2 port:i32, 3 protocol, 4 appProtocol!',
  Event:
    '1 metadata:ObjectMeta, 2 involvedObject:ObjectReference, 3 reason, 4 message, 5 source:EventSource, ' +
    '6 firstTimestamp:time, 7 lastTimestamp:time, 8 count:i32, 9 type, 10 eventTime:utime, 11 series:EventSeries, ' +
    '12 action, 13 related:ObjectReference, 14 reportingComponent, 15 reportingInstance',
  EventSeries: '1 count:i32, 2 lastObservedTime:utime',
  EventSource: '1 component, 2 host',
  Namespace: '1 metadata:ObjectMeta, 2 spec:NamespaceSpec, 3 status:NamespaceStatus',
  NamespaceSpec: '1 finalizers*',
  NamespaceStatus: '1 phase, 2 conditions:NamespaceCondition*',
  NamespaceCondition: '1 type, 2 status, 4 lastTransitionTime:time, 5 reason, 6 message',
  ObjectReference: '1 kind, 2 namespace, 3 name, 4 uid, 5 apiVersion, 6 resourceVersion, 7 fieldPath',
  LocalObjectReference: '1 name',
  TypedLocalObjectReference: '1 apiGroup!, 2 kind, 3 name',
  TypedObjectReference: '1 apiGroup!, 2 kind, 3 name, 4 namespace!',
  SecretReference: '1 name, 2 namespace',
  Service: '1 metadata:ObjectMeta, 2 spec:ServiceSpec, 3 status:ServiceStatus',
  ServiceSpec:
    '1 ports:ServicePort*, 2 selector:{}, 3 clusterIP, 4 type, 5 externalIPs*, 7 sessionAffinity, ' +
    '8 loadBalancerIP, 9 loadBalancerSourceRanges*, 10 externalName, 11 externalTrafficPolicy, ' +
    '12 healthCheckNodePort:i32, 13 publishNotReadyAddresses:bool, 14 sessionAffinityConfig:SessionAffinityConfig, ' +
    '17 ipFamilyPolicy!, 18 clusterIPs*, 19 ipFamilies*, 20 allocateLoadBalancerNodePorts:bool!, ' +
    '21 loadBalancerClass!, 22 internalTrafficPolicy!, 23 trafficDistribution!',
  ServicePort: '1 name, 2 protocol, 3 port:i32, 4 targetPort:ios, 5 nodePort:i32, 6 appProtocol!',
  SessionAffinityConfig: '1 clientIP:ClientIPConfig',
  ClientIPConfig: '1 timeoutSeconds:i32!',
  ServiceStatus: '1 loadBalancer:LoadBalancerStatus, 2 conditions:Condition*',
  LoadBalancerStatus: '1 ingress:LoadBalancerIngress*',
  LoadBalancerIngress: '1 ip, 2 hostname, 3 ipMode!, 4 ports:PortStatus*',
  PortStatus: '1 port:i32, 2 protocol, 3 error!',
};

const NODES: MessageTable = {
  Node: '1 metadata:ObjectMeta, 2 spec:NodeSpec, 3 status:NodeStatus',
  NodeSpec:
    '1 podCIDR, 2 externalID, 3 providerID, 4 unschedulable:bool, 5 taints:Taint*, 6 configSource:NodeConfigSource, ' +
    '7 podCIDRs*',
  Taint: '1 key, 2 value, 3 effect, 4 timeAdded:time',
  NodeConfigSource: '2 configMap:ConfigMapNodeConfigSource',
  ConfigMapNodeConfigSource: '1 namespace, 2 name, 3 uid, 4 resourceVersion, 5 kubeletConfigKey',
  NodeStatus:
    '1 capacity:{qty}, 2 allocatable:{qty}, 3 phase, 4 conditions:NodeCondition*, 5 addresses:NodeAddress*, ' +
    '6 daemonEndpoints:NodeDaemonEndpoints, 7 nodeInfo:NodeSystemInfo, 8 images:ContainerImage*, 9 volumesInUse*, ' +
    '10 volumesAttached:AttachedVolume*, 11 config:NodeConfigStatus, 12 runtimeHandlers:NodeRuntimeHandler*, ' +
    '13 features:NodeFeatures, 14 declaredFeatures*',
  NodeCondition: '1 type, 2 status, 3 lastHeartbeatTime:time, 4 lastTransitionTime:time, 5 reason, 6 message',
  NodeAddress: '1 type, 2 address',
  NodeDaemonEndpoints: '1 kubeletEndpoint:DaemonEndpoint',
  DaemonEndpoint: '1 Port:i32!',
  NodeSystemInfo:
    '1 machineID, 2 systemUUID, 3 bootID, 4 kernelVersion, 5 osImage, 6 containerRuntimeVersion, ' +
    '7 kubeletVersion, 8 kubeProxyVersion, 9 operatingSystem, 10 architecture, 11 swap:NodeSwapStatus',
  NodeSwapStatus: '1 capacity:i64!',
  ContainerImage: '1 names*, 2 sizeBytes:i64',
  AttachedVolume: '1 name, 2 devicePath',
  NodeConfigStatus:
    '1 assigned:NodeConfigSource, 2 active:NodeConfigSource, 3 lastKnownGood:NodeConfigSource, 4 error',
  NodeRuntimeHandler: '1 name, 2 features:NodeRuntimeHandlerFeatures',
  NodeRuntimeHandlerFeatures: '1 recursiveReadOnlyMounts:bool!, 2 userNamespaces:bool!',
  NodeFeatures: '1 supplementalGroupsPolicy:bool!, 2 containerUlimits:bool!',
};

const STORAGE: MessageTable = {
  PersistentVolume: '1 metadata:ObjectMeta, 2 spec:PersistentVolumeSpec, 3 status:PersistentVolumeStatus',
  PersistentVolumeSpec:
    '1 capacity:{qty}, 2 ...PersistentVolumeSource, 3 accessModes*, 4 claimRef:ObjectReference, ' +
    '5 persistentVolumeReclaimPolicy, 6 storageClassName, 7 mountOptions*, 8 volumeMode!, ' +
    '9 nodeAffinity:VolumeNodeAffinity, 10 volumeAttributesClassName!',
  PersistentVolumeSource:
    '3 hostPath:HostPathVolumeSource, 5 nfs:NFSVolumeSource, 20 local:LocalVolumeSource, ' +
    '22 csi:CSIPersistentVolumeSource',
  PersistentVolumeStatus: '1 phase, 2 message, 3 reason, 4 lastPhaseTransitionTime:time',
  VolumeNodeAffinity: '1 required:NodeSelector',
  LocalVolumeSource: '1 path, 2 fsType!',
  CSIPersistentVolumeSource:
    '1 driver, 2 volumeHandle, 3 readOnly:bool, 4 fsType, 5 volumeAttributes:{}, ' +
    '6 controllerPublishSecretRef:SecretReference, 7 nodeStageSecretRef:SecretReference, ' +
    '8 nodePublishSecretRef:SecretReference, 9 controllerExpandSecretRef:SecretReference, ' +
    '10 nodeExpandSecretRef:SecretReference',
  PersistentVolumeClaim:
    '1 metadata:ObjectMeta, 2 spec:PersistentVolumeClaimSpec, 3 status:PersistentVolumeClaimStatus',
  PersistentVolumeClaimSpec:
    '1 accessModes*, 2 resources:VolumeResourceRequirements, 3 volumeName, 4 selector:LabelSelector, ' +
    '5 storageClassName!, 6 volumeMode!, 7 dataSource:TypedLocalObjectReference, ' +
    '8 dataSourceRef:TypedObjectReference, 9 volumeAttributesClassName!',
  PersistentVolumeClaimStatus:
    '1 phase, 2 accessModes*, 3 capacity:{qty}, 4 conditions:PersistentVolumeClaimCondition*, ' +
    '5 allocatedResources:{qty}, 7 allocatedResourceStatuses:{}, 8 currentVolumeAttributesClassName!, ' +
    '9 modifyVolumeStatus:ModifyVolumeStatus',
  PersistentVolumeClaimCondition: WORKLOAD_STATUS_CONDITION,
  ModifyVolumeStatus: '1 targetVolumeAttributesClassName, 2 status',
  PersistentVolumeClaimTemplate: '1 metadata:ObjectMeta, 2 spec:PersistentVolumeClaimSpec',
  VolumeResourceRequirements: '1 limits:{qty}, 2 requests:{qty}',
  TopologySelectorTerm: '1 matchLabelExpressions:TopologySelectorLabelRequirement*',
  TopologySelectorLabelRequirement: '1 key, 2 values*',
};

const POD_SPEC: MessageTable = {
  Pod: '1 metadata:ObjectMeta, 2 spec:PodSpec, 3 status:PodStatus',
  PodTemplateSpec: '1 metadata:ObjectMeta, 2 spec:PodSpec',
  PodSpec:
    '1 volumes:Volume*, 2 containers:Container*, 3 restartPolicy, 4 terminationGracePeriodSeconds:i64!, ' +
    '5 activeDeadlineSeconds:i64!, 6 dnsPolicy, 7 nodeSelector:{}, 8 serviceAccountName, 9 serviceAccount, ' +
    '10 nodeName, 11 hostNetwork:bool, 12 hostPID:bool, 13 hostIPC:bool, 14 securityContext:PodSecurityContext, ' +
    '15 imagePullSecrets:LocalObjectReference*, 16 hostname, 17 subdomain, 18 affinity:Affinity, ' +
    '19 schedulerName, 20 initContainers:Container*, 21 automountServiceAccountToken:bool!, ' +
    '22 tolerations:Toleration*, 23 hostAliases:HostAlias*, 24 priorityClassName, 25 priority:i32!, ' +
    '26 dnsConfig:PodDNSConfig, 27 shareProcessNamespace:bool!, 28 readinessGates:PodReadinessGate*, ' +
    '29 runtimeClassName!, 30 enableServiceLinks:bool!, 31 preemptionPolicy!, 32 overhead:{qty}, ' +
    '33 topologySpreadConstraints:TopologySpreadConstraint*, 34 ephemeralContainers:EphemeralContainer*, ' +
    '35 setHostnameAsFQDN:bool!, 36 os:PodOS, 37 hostUsers:bool!, 38 schedulingGates:PodSchedulingGate*, ' +
    '39 resourceClaims:PodResourceClaim*, 40 resources:ResourceRequirements, 41 hostnameOverride!, ' +
    '42 workloadRef:WorkloadReference',
  Affinity: '1 nodeAffinity:NodeAffinity, 2 podAffinity:PodAffinity, 3 podAntiAffinity:PodAntiAffinity',
  NodeAffinity:
    '1 requiredDuringSchedulingIgnoredDuringExecution:NodeSelector, ' +
    '2 preferredDuringSchedulingIgnoredDuringExecution:PreferredSchedulingTerm*',
  NodeSelector: '1 nodeSelectorTerms:NodeSelectorTerm*',
  NodeSelectorTerm: '1 matchExpressions:NodeSelectorRequirement*, 2 matchFields:NodeSelectorRequirement*',
  NodeSelectorRequirement: '1 key, 2 operator, 3 values*',
  PreferredSchedulingTerm: '1 weight:i32, 2 preference:NodeSelectorTerm',
  PodAffinity: AFFINITY_TERMS,
  PodAntiAffinity: AFFINITY_TERMS,
  PodAffinityTerm:
    '1 labelSelector:LabelSelector, 2 namespaces*, 3 topologyKey, 4 namespaceSelector:LabelSelector, ' +
    '5 matchLabelKeys*, 6 mismatchLabelKeys*',
  WeightedPodAffinityTerm: '1 weight:i32, 2 podAffinityTerm:PodAffinityTerm',
  Toleration: '1 key, 2 operator, 3 value, 4 effect, 5 tolerationSeconds:i64!',
  TopologySpreadConstraint:
    '1 maxSkew:i32, 2 topologyKey, 3 whenUnsatisfiable, 4 labelSelector:LabelSelector, 5 minDomains:i32!, ' +
    '6 nodeAffinityPolicy!, 7 nodeTaintsPolicy!, 8 matchLabelKeys*',
  HostAlias: '1 ip, 2 hostnames*',
  PodDNSConfig: '1 nameservers*, 2 searches*, 3 options:PodDNSConfigOption*',
  PodDNSConfigOption: '1 name, 2 value!',
  PodReadinessGate: '1 conditionType',
  PodOS: '1 name',
  PodSchedulingGate: '1 name',
  PodResourceClaim: '1 name, 3 resourceClaimName!, 4 resourceClaimTemplateName!',
  WorkloadReference: '1 name, 2 podGroup, 3 podGroupReplicaKey',
  PodSecurityContext:
    '1 seLinuxOptions:SELinuxOptions, 2 runAsUser:i64!, 3 runAsNonRoot:bool!, 4 supplementalGroups:i64*, ' +
    '5 fsGroup:i64!, 6 runAsGroup:i64!, 7 sysctls:Sysctl*, 8 windowsOptions:WindowsSecurityContextOptions, ' +
    '9 fsGroupChangePolicy!, 10 seccompProfile:SeccompProfile, 11 appArmorProfile:AppArmorProfile, ' +
    '12 supplementalGroupsPolicy!, 13 seLinuxChangePolicy!',
  SecurityContext:
    '1 capabilities:Capabilities, 2 privileged:bool!, 3 seLinuxOptions:SELinuxOptions, 4 runAsUser:i64!, ' +
    '5 runAsNonRoot:bool!, 6 readOnlyRootFilesystem:bool!, 7 allowPrivilegeEscalation:bool!, 8 runAsGroup:i64!, ' +
    '9 procMount!, 10 windowsOptions:WindowsSecurityContextOptions, 11 seccompProfile:SeccompProfile, ' +
    '12 appArmorProfile:AppArmorProfile, 13 ulimits:Ulimit*',
  Capabilities: '1 add*, 2 drop*',
  SELinuxOptions: '1 user, 2 role, 3 type, 4 level',
  SeccompProfile: '1 type, 2 localhostProfile!',
  AppArmorProfile: '1 type, 2 localhostProfile!',
  WindowsSecurityContextOptions:
    '1 gmsaCredentialSpecName!, 2 gmsaCredentialSpec!, 3 runAsUserName!, 4 hostProcess:bool!',
  Sysctl: '1 name, 2 value',
  Ulimit: '1 name, 2 hard:i64, 3 soft:i64',
};

const CONTAINERS: MessageTable = {
  Container:
    '1 name, 2 image, 3 command*, 4 args*, 5 workingDir, 6 ports:ContainerPort*, 7 env:EnvVar*, ' +
    '8 resources:ResourceRequirements, 9 volumeMounts:VolumeMount*, 10 livenessProbe:Probe, ' +
    '11 readinessProbe:Probe, 12 lifecycle:Lifecycle, 13 terminationMessagePath, 14 imagePullPolicy, ' +
    '15 securityContext:SecurityContext, 16 stdin:bool, 17 stdinOnce:bool, 18 tty:bool, ' +
    '19 envFrom:EnvFromSource*, 20 terminationMessagePolicy, 21 volumeDevices:VolumeDevice*, ' +
    '22 startupProbe:Probe, 23 resizePolicy:ContainerResizePolicy*, 24 restartPolicy!, ' +
    '25 restartPolicyRules:ContainerRestartRule*',
  // EphemeralContainerCommon repeats Container's field numbers, so Container stands in for it.
  EphemeralContainer: '1 ...Container, 2 targetContainerName',
  ContainerPort: '1 name, 2 hostPort:i32, 3 containerPort:i32, 4 protocol, 5 hostIP',
  ContainerResizePolicy: '1 resourceName, 2 restartPolicy',
  ContainerRestartRule: '1 action, 2 exitCodes:ContainerRestartRuleOnExitCodes',
  ContainerRestartRuleOnExitCodes: '1 operator, 2 values:i32*',
  EnvVar: '1 name, 2 value, 3 valueFrom:EnvVarSource',
  EnvVarSource:
    '1 fieldRef:ObjectFieldSelector, 2 resourceFieldRef:ResourceFieldSelector, ' +
    '3 configMapKeyRef:ConfigMapKeySelector, 4 secretKeyRef:SecretKeySelector, 5 fileKeyRef:FileKeySelector',
  ObjectFieldSelector: '1 apiVersion, 2 fieldPath',
  ResourceFieldSelector: '1 containerName, 2 resource, 3 divisor:qty',
  ConfigMapKeySelector: '1 ...LocalObjectReference, 2 key, 3 optional:bool!',
  SecretKeySelector: '1 ...LocalObjectReference, 2 key, 3 optional:bool!',
  FileKeySelector: '1 volumeName, 2 path, 3 key, 4 optional:bool!',
  EnvFromSource: '1 prefix, 2 configMapRef:ConfigMapEnvSource, 3 secretRef:SecretEnvSource',
  ConfigMapEnvSource: '1 ...LocalObjectReference, 2 optional:bool!',
  SecretEnvSource: '1 ...LocalObjectReference, 2 optional:bool!',
  ResourceRequirements: '1 limits:{qty}, 2 requests:{qty}, 3 claims:ResourceClaim*',
  ResourceClaim: '1 name, 2 request',
  VolumeMount:
    '1 name, 2 readOnly:bool, 3 mountPath, 4 subPath, 5 mountPropagation!, 6 subPathExpr, 7 recursiveReadOnly!',
  VolumeDevice: '1 name, 2 devicePath',
  Probe:
    '1 ...ProbeHandler, 2 initialDelaySeconds:i32, 3 timeoutSeconds:i32, 4 periodSeconds:i32, ' +
    '5 successThreshold:i32, 6 failureThreshold:i32, 7 terminationGracePeriodSeconds:i64!',
  ProbeHandler: '1 exec:ExecAction, 2 httpGet:HTTPGetAction, 3 tcpSocket:TCPSocketAction, 4 grpc:GRPCAction',
  ExecAction: '1 command*',
  HTTPGetAction: '1 path, 2 port:ios, 3 host, 4 scheme, 5 httpHeaders:HTTPHeader*',
  HTTPHeader: '1 name, 2 value',
  TCPSocketAction: '1 port:ios, 2 host',
  GRPCAction: '1 port:i32, 2 service!',
  Lifecycle: '1 postStart:LifecycleHandler, 2 preStop:LifecycleHandler, 3 stopSignal!',
  LifecycleHandler:
    '1 exec:ExecAction, 2 httpGet:HTTPGetAction, 3 tcpSocket:TCPSocketAction, 4 sleep:SleepAction',
  SleepAction: '1 seconds:i64!',
};

const VOLUMES: MessageTable = {
  Volume: '1 name, 2 ...VolumeSource',
  VolumeSource:
    '1 hostPath:HostPathVolumeSource, 2 emptyDir:EmptyDirVolumeSource, 5 gitRepo:GitRepoVolumeSource, ' +
    '6 secret:SecretVolumeSource, 7 nfs:NFSVolumeSource, 10 persistentVolumeClaim:PersistentVolumeClaimVolumeSource, ' +
    '16 downwardAPI:DownwardAPIVolumeSource, 19 configMap:ConfigMapVolumeSource, 26 projected:ProjectedVolumeSource, ' +
    '28 csi:CSIVolumeSource, 29 ephemeral:EphemeralVolumeSource, 30 image:ImageVolumeSource',
  HostPathVolumeSource: '1 path, 2 type!',
  EmptyDirVolumeSource: '1 medium, 2 sizeLimit:qty',
  GitRepoVolumeSource: '1 repository, 2 revision, 3 directory',
  SecretVolumeSource: '1 secretName, 2 items:KeyToPath*, 3 defaultMode:i32!, 4 optional:bool!',
  NFSVolumeSource: '1 server, 2 path, 3 readOnly:bool',
  PersistentVolumeClaimVolumeSource: '1 claimName, 2 readOnly:bool',
  DownwardAPIVolumeSource: '1 items:DownwardAPIVolumeFile*, 2 defaultMode:i32!',
  DownwardAPIVolumeFile:
    '1 path, 2 fieldRef:ObjectFieldSelector, 3 resourceFieldRef:ResourceFieldSelector, 4 mode:i32!',
  ConfigMapVolumeSource:
    '1 ...LocalObjectReference, 2 items:KeyToPath*, 3 defaultMode:i32!, 4 optional:bool!',
  KeyToPath: '1 key, 2 path, 3 mode:i32!',
  ProjectedVolumeSource: '1 sources:VolumeProjection*, 2 defaultMode:i32!',
  VolumeProjection:
    '1 secret:SecretProjection, 2 downwardAPI:DownwardAPIProjection, 3 configMap:ConfigMapProjection, ' +
    '4 serviceAccountToken:ServiceAccountTokenProjection, 5 clusterTrustBundle:ClusterTrustBundleProjection, ' +
    '6 podCertificate:PodCertificateProjection',
  SecretProjection: '1 ...LocalObjectReference, 2 items:KeyToPath*, 4 optional:bool!',
  ConfigMapProjection: '1 ...LocalObjectReference, 2 items:KeyToPath*, 4 optional:bool!',
  DownwardAPIProjection: '1 items:DownwardAPIVolumeFile*',
  ServiceAccountTokenProjection: '1 audience, 2 expirationSeconds:i64!, 3 path',
  ClusterTrustBundleProjection:
    '1 name!, 2 signerName!, 3 labelSelector:LabelSelector, 4 path, 5 optional:bool!',
  PodCertificateProjection:
    '1 signerName, 2 keyType, 3 maxExpirationSeconds:i32!, 4 credentialBundlePath, 5 keyPath, ' +
    '6 certificateChainPath, 7 userAnnotations:{}',
  CSIVolumeSource:
    '1 driver, 2 readOnly:bool!, 3 fsType!, 4 volumeAttributes:{}, 5 nodePublishSecretRef:LocalObjectReference',
  EphemeralVolumeSource: '1 volumeClaimTemplate:PersistentVolumeClaimTemplate',
  ImageVolumeSource: '1 reference, 2 pullPolicy',
};

const POD_STATUS: MessageTable = {
  PodStatus:
    '1 phase, 2 conditions:PodCondition*, 3 message, 4 reason, 5 hostIP, 6 podIP, 7 startTime:time, ' +
    '8 containerStatuses:ContainerStatus*, 9 qosClass, 10 initContainerStatuses:ContainerStatus*, ' +
    '11 nominatedNodeName, 12 podIPs:PodIP*, 13 ephemeralContainerStatuses:ContainerStatus*, 14 resize, ' +
    '15 resourceClaimStatuses:PodResourceClaimStatus*, 16 hostIPs:HostIP*, 17 observedGeneration:i64, ' +
    '18 extendedResourceClaimStatus:PodExtendedResourceClaimStatus, 19 allocatedResources:{qty}, ' +
    '20 resources:ResourceRequirements',
  PodCondition:
    '1 type, 2 status, 3 lastProbeTime:time, 4 lastTransitionTime:time, 5 reason, 6 message, ' +
    '7 observedGeneration:i64',
  PodIP: '1 ip',
  HostIP: '1 ip',
  PodResourceClaimStatus: '1 name, 2 resourceClaimName!',
  PodExtendedResourceClaimStatus: '1 requestMappings:ContainerExtendedResourceRequest*, 2 resourceClaimName',
  ContainerExtendedResourceRequest: '1 containerName, 2 resourceName, 3 requestName',
  ContainerStatus:
    '1 name, 2 state:ContainerState, 3 lastState:ContainerState, 4 ready:bool!, 5 restartCount:i32!, 6 image, ' +
    '7 imageID, 8 containerID, 9 started:bool!, 10 allocatedResources:{qty}, 11 resources:ResourceRequirements, ' +
    '12 volumeMounts:VolumeMountStatus*, 13 user:ContainerUser, 14 allocatedResourcesStatus:ResourceStatus*, ' +
    '15 stopSignal!',
  ContainerState:
    '1 waiting:ContainerStateWaiting, 2 running:ContainerStateRunning, 3 terminated:ContainerStateTerminated',
  ContainerStateWaiting: '1 reason, 2 message',
  ContainerStateRunning: '1 startedAt:time',
  ContainerStateTerminated:
    '1 exitCode:i32!, 2 signal:i32, 3 reason, 4 message, 5 startedAt:time, 6 finishedAt:time, 7 containerID',
  VolumeMountStatus:
    '1 name, 2 mountPath, 3 readOnly:bool, 4 recursiveReadOnly!, 5 volumeStatus:VolumeStatus',
  VolumeStatus: '1 image:ImageVolumeStatus',
  ImageVolumeStatus: '1 imageRef',
  ContainerUser: '1 linux:LinuxContainerUser',
  LinuxContainerUser: '1 uid:i64!, 2 gid:i64!, 3 supplementalGroups:i64*',
  ResourceStatus: '1 name, 2 resources:ResourceHealth*',
  ResourceHealth: '1 resourceID, 2 health, 6 message!',
};

/** Kept as separate tables so that compiling them together catches a message defined twice. */
export const CORE_V1: readonly MessageTable[] = [
  OBJECTS,
  NODES,
  STORAGE,
  POD_SPEC,
  CONTAINERS,
  VOLUMES,
  POD_STATUS,
];
