/** What readiness reports of a Redis Cluster, read from `CLUSTER INFO`. */
export interface ClusterState {
  /** `ok` when every slot is served; `fail` otherwise. */
  state: string;
  /** Masters serving at least one slot. */
  masters: number;
  slotsAssigned: number;
  slotsOk: number;
  knownNodes: number;
}

/** Parses the `field:value` lines of `CLUSTER INFO`; missing numbers read as 0, a missing state as unknown. */
export function parseClusterInfo(info: string): ClusterState {
  const fields = new Map<string, string>();
  for (const line of info.split(/\r?\n/)) {
    const separator = line.indexOf(':');
    if (separator > 0) fields.set(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
  }
  const count = (name: string) => {
    const value = Number(fields.get(name));
    return Number.isInteger(value) && value >= 0 ? value : 0;
  };
  return {
    state: fields.get('cluster_state') || 'unknown',
    masters: count('cluster_size'),
    slotsAssigned: count('cluster_slots_assigned'),
    slotsOk: count('cluster_slots_ok'),
    knownNodes: count('cluster_known_nodes'),
  };
}

/** Ready only when the cluster says ok and serves all 16384 slots. */
export function clusterServesAllSlots(state: ClusterState): boolean {
  return state.state === 'ok' && state.slotsOk === 16384;
}
