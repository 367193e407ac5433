/**
 * An exact min-cost flow on integer costs and capacities: successive shortest paths, each found by
 * Dijkstra on reduced costs c(u, v) + h(u) − h(v) ≥ 0 (Johnson potentials h), so that no path ever
 * needs Bellman–Ford. Costs must be non-negative integers when arcs are added (h starts at 0), and
 * stay below 2⁵³ summed along any path, so that every distance is an exact double.
 *
 * `send(source, sink, amount)` pushes flow from one source at a time (the generic successive
 * shortest path method lets any node with excess be the next source: Ahuja, Magnanti and Orlin,
 * Network Flows, §9.7). Each search stops once the sink is settled; the potentials of the nodes it
 * settled move by d(v) − d(sink), which keeps every residual reduced cost non-negative (it is the
 * update h + min(d, d(sink)) shifted by a constant). So after each call the flow is of least cost
 * among all flows with the same excesses at every node.
 *
 * A search scans only the arcs with residual capacity: each node keeps them in a list (an arc
 * leaves it when saturated, comes back when flow is pushed back), so a node with thousands of
 * empty reverse arcs costs only its live ones. Ties are broken by node index, then by the order of
 * these lists, which follows from the arcs' order and the augmentations alone: the same network
 * and the same calls give the same flow.
 */
export class MinCostFlow {
  private readonly tails: number[];
  private readonly targets: number[] = [];
  /** Residual capacity of each arc; arc i's reverse is arc i ^ 1. */
  private readonly residual: number[] = [];
  private readonly costs: number[] = [];
  /** Live arcs of node v: live[starts[v] .. starts[v] + liveCount[v]); `slot` of an arc is its place there, or −1. */
  private live: Int32Array | null = null;
  private starts: Int32Array | null = null;
  private liveCount: Int32Array | null = null;
  private slot: Int32Array | null = null;
  private readonly potential: Float64Array;
  private readonly distance: Float64Array;
  private readonly parentArc: Int32Array;
  /** A node's distance is valid in the current search when its stamp equals the search's. */
  private readonly reached: Uint32Array;
  private readonly settled: Uint32Array;
  private stamp = 0;

  constructor(readonly nodeCount: number) {
    this.tails = [];
    this.potential = new Float64Array(nodeCount);
    this.distance = new Float64Array(nodeCount);
    this.parentArc = new Int32Array(nodeCount);
    this.reached = new Uint32Array(nodeCount);
    this.settled = new Uint32Array(nodeCount);
  }

  /** Adds an arc and returns its index; arcs can only be added before the first `send`. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (this.live) throw new Error('Arcs are added before any flow is sent.');
    if (!Number.isSafeInteger(cost) || cost < 0)
      throw new RangeError(`Arc cost ${cost} is not a non-negative integer.`);
    if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError(`Arc capacity ${capacity} is invalid.`);
    const arc = this.targets.length;
    this.tails.push(from, to);
    this.targets.push(to, from);
    this.residual.push(capacity, 0);
    this.costs.push(cost, -cost);
    return arc;
  }

  /** Flow on an arc returned by `addArc`. */
  flow(arc: number): number {
    return this.residual[arc ^ 1];
  }

  /**
   * The reduced cost an arc (from, to) of this cost would have under the current potentials: the
   * flow stays of least cost with such an arc added, empty, exactly when this is non-negative.
   */
  reducedCost(from: number, to: number, cost: number): number {
    return cost + this.potential[from] - this.potential[to];
  }

  /**
   * Sends up to `amount` units from `source` to `sink` along successive shortest paths, each
   * carrying as much as its narrowest arc allows; returns the amount sent, less than asked only
   * when the sink can no longer be reached.
   */
  send(source: number, sink: number, amount: number): number {
    const graph = this.freeze();
    let sent = 0;
    while (sent < amount && this.search(source, sink, graph)) {
      let bottleneck = amount - sent;
      for (let v = sink; v !== source; v = this.targets[this.parentArc[v] ^ 1]) {
        bottleneck = Math.min(bottleneck, this.residual[this.parentArc[v]]);
      }
      for (let v = sink; v !== source; v = this.targets[this.parentArc[v] ^ 1]) {
        const arc = this.parentArc[v];
        this.residual[arc] -= bottleneck;
        this.residual[arc ^ 1] += bottleneck;
        if (this.residual[arc] === 0) this.setLive(arc, false);
        this.setLive(arc ^ 1, true);
      }
      sent += bottleneck;
    }
    return sent;
  }

  /** Lists every node's arcs with residual capacity, in the order they were added. */
  private freeze(): { starts: Int32Array; live: Int32Array; liveCount: Int32Array } {
    if (!this.live || !this.starts || !this.liveCount) {
      const starts = new Int32Array(this.nodeCount + 1);
      for (const tail of this.tails) starts[tail + 1]++;
      for (let v = 0; v < this.nodeCount; v++) starts[v + 1] += starts[v];
      this.starts = starts;
      this.live = new Int32Array(this.tails.length);
      this.liveCount = new Int32Array(this.nodeCount);
      this.slot = new Int32Array(this.tails.length).fill(-1);
      this.tails.forEach((_, arc) => this.residual[arc] > 0 && this.setLive(arc, true));
    }
    return { starts: this.starts, live: this.live, liveCount: this.liveCount };
  }

  private setLive(arc: number, live: boolean): void {
    const lists = this.live as Int32Array;
    const counts = this.liveCount as Int32Array;
    const slot = this.slot as Int32Array;
    const tail = this.tails[arc];
    const start = (this.starts as Int32Array)[tail];
    if (live && slot[arc] < 0) {
      slot[arc] = start + counts[tail]++;
      lists[slot[arc]] = arc;
    } else if (!live && slot[arc] >= 0) {
      const last = lists[start + --counts[tail]];
      lists[slot[arc]] = last;
      slot[last] = slot[arc];
      slot[arc] = -1;
    }
  }

  /** Dijkstra from `source` until `sink` is settled; updates the potentials; false if unreachable. */
  private search(
    source: number,
    sink: number,
    graph: { starts: Int32Array; live: Int32Array; liveCount: Int32Array },
  ): boolean {
    const stamp = ++this.stamp;
    const { distance, potential, reached, settled } = this;
    const settledNodes: number[] = [];
    const heap = new NodeHeap();
    distance[source] = 0;
    reached[source] = stamp;
    heap.push(0, source);
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (settled[u] === stamp || d > distance[u]) continue;
      settled[u] = stamp;
      settledNodes.push(u);
      if (u === sink) break;
      for (let k = graph.starts[u], end = k + graph.liveCount[u]; k < end; k++) {
        const arc = graph.live[k];
        const v = this.targets[arc];
        if (settled[v] === stamp) continue;
        const candidate = d + this.costs[arc] + potential[u] - potential[v];
        if (reached[v] !== stamp || candidate < distance[v]) {
          reached[v] = stamp;
          distance[v] = candidate;
          this.parentArc[v] = arc;
          heap.push(candidate, v);
        }
      }
    }
    if (settled[sink] !== stamp) return false;
    const toSink = distance[sink];
    for (const v of settledNodes) potential[v] += distance[v] - toSink;
    return true;
  }
}

/** A binary heap of (distance, node), least distance first, then least node. */
class NodeHeap {
  private keys: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, node: number): void {
    const { keys, nodes } = this;
    let i = keys.length;
    keys.push(key);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(key, node, keys[parent], nodes[parent])) break;
      keys[i] = keys[parent];
      nodes[i] = nodes[parent];
      i = parent;
    }
    keys[i] = key;
    nodes[i] = node;
  }

  pop(): [number, number] {
    const { keys, nodes } = this;
    const top: [number, number] = [keys[0], nodes[0]];
    const key = keys.pop() as number;
    const node = nodes.pop() as number;
    const n = keys.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && before(keys[child + 1], nodes[child + 1], keys[child], nodes[child])) child++;
      if (!before(keys[child], nodes[child], key, node)) break;
      keys[i] = keys[child];
      nodes[i] = nodes[child];
      i = child;
    }
    keys[i] = key;
    nodes[i] = node;
    return top;
  }
}

function before(key: number, node: number, otherKey: number, otherNode: number): boolean {
  return key < otherKey || (key === otherKey && node < otherNode);
}
