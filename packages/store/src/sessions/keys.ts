// Redis keys of the non-object channels between the API and node agents; cluster-prefixed like the rest.
export const sessionKeys = (cluster: string) => ({
  execRequests: (node: string) => `ksim:${cluster}:session:exec-requests:${node}`,
  execIn: (id: string) => `ksim:${cluster}:session:${id}:in`,
  execOut: (id: string) => `ksim:${cluster}:session:${id}:out`,
  containerLog: (namespace: string, pod: string, container: string) =>
    `ksim:${cluster}:containerlog:${namespace}/${pod}/${container}`,
});

/** Session streams outlive a dropped client only long enough for the other side to notice. */
export const SESSION_TTL_SECONDS = 3600;
