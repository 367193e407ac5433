/**
 * How well an evaluator's declared expertise fits an application's topics (issue 16 item 4),
 * computed in the platform from the call's own texts, no external service:
 *
 *   affinity = (0.6 · keywords + 0.4 · text) / (the weights of the parts both sides define)
 *
 * - keywords: |E ∩ A| / √(|E|·|A|) (the cosine of the two keyword sets, Ochiai), E the evaluator's
 *   keywords and A the application's topic keywords, compared after normalisation. Unlike Jaccard
 *   it does not halve the score of an evaluator with broad expertise; unlike coverage |E ∩ A|/|A|
 *   it gives nothing for free to one who ticks every keyword. Defined when both sets are non-empty.
 * - text: the cosine of the TF-IDF vectors of the evaluator's free text and the application's topic
 *   text. Defined when both have a token left after tokenisation.
 *
 * A part one side leaves empty drops out and the other carries the whole weight; with neither, 0.
 * Keywords weigh more: they come from the call's list, where free text is noisy. The result is in
 * [0, 1] and depends only on the profiles, not on their order.
 */
export const AFFINITY_WEIGHTS = { keywords: 0.6, text: 0.4 } as const;

export interface ExpertiseProfile {
  id: string;
  /** Keywords from the call's list (an evaluator's expertise, an application's topics). */
  keywords: readonly string[];
  /** Free text (an evaluator's description of its expertise, an application's topic text). */
  text: string;
}

export interface AffinityTable {
  /** The evaluator's affinity for the application; 0 for an id without a profile. */
  of(applicationId: string, evaluatorId: string): number;
  /** The TF-IDF cosine part alone (0 when a side has no token). */
  textSimilarity(applicationId: string, evaluatorId: string): number;
  /** The keyword part alone (0 when a side has no keyword). */
  keywordSimilarity(applicationId: string, evaluatorId: string): number;
}

// Short English and French function words (after accents are removed); words of one letter go anyway.
const STOP_WORDS = new Set(
  (
    'an and are as at be been but by can do does for from had has have how if in into is it its no not of on or ' +
    'our over so such than that the their them then there these they this those to was we were what when which ' +
    'who will with you your also more most about ' +
    'au aux avec ce ces cet cette dans de des du elle elles en est et etre il ils la le les leur leurs mais ' +
    'ne nos notre nous ou par pas plus pour qu que qui sa sans se ses son sont sur un une vos votre vous'
  ).split(' '),
);

/**
 * Words of a text: Unicode NFKD with marks removed (so "é" and "e" match), lower case, split on
 * anything that is not a letter or a digit (punctuation, spaces, apostrophes), dropping one-letter
 * words and stop words.
 */
export function tokenize(text: string): string[] {
  return stripMarks(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => [...word].length > 1 && !STOP_WORDS.has(word));
}

/** A keyword as compared: accents removed, lower case, non-alphanumerics collapsed to one space. */
export function normaliseKeyword(keyword: string): string {
  return stripMarks(keyword)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function stripMarks(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}

/** A sparse vector: terms sorted, with their weights. */
interface SparseVector {
  terms: string[];
  weights: number[];
}

/** Affinities of every evaluator for every application of a call; the corpus is all their texts. */
export function affinityTable(evaluators: ExpertiseProfile[], applications: ExpertiseProfile[]): AffinityTable {
  const evaluatorIndex = indexById(evaluators);
  const applicationIndex = indexById(applications);
  const tokens = [...evaluators, ...applications].map((p) => tokenize(p.text));
  const vectors = tfIdf(tokens);
  const text = dotProducts(vectors.slice(0, evaluators.length), vectors.slice(evaluators.length), applications.length);
  const keywordSets = [...evaluators, ...applications].map((p) =>
    [...new Set(p.keywords.map(normaliseKeyword).filter((k) => k))].sort(),
  );
  const keywordVectors = keywordSets.map((terms) => ({
    terms,
    weights: terms.map(() => 1 / Math.sqrt(terms.length)),
  }));
  const keywords = dotProducts(
    keywordVectors.slice(0, evaluators.length),
    keywordVectors.slice(evaluators.length),
    applications.length,
  );
  const cell = (applicationId: string, evaluatorId: string) => {
    const a = applicationIndex.get(applicationId);
    const e = evaluatorIndex.get(evaluatorId);
    return a === undefined || e === undefined ? -1 : e * applications.length + a;
  };
  const part = (values: Float64Array) => (applicationId: string, evaluatorId: string) => {
    const k = cell(applicationId, evaluatorId);
    return k < 0 ? 0 : Math.min(1, values[k]);
  };
  return {
    textSimilarity: part(text),
    keywordSimilarity: part(keywords),
    of: (applicationId, evaluatorId) => {
      const a = applicationIndex.get(applicationId);
      const e = evaluatorIndex.get(evaluatorId);
      if (a === undefined || e === undefined) return 0;
      const k = e * applications.length + a;
      const b = evaluators.length + a;
      let weight = 0;
      let sum = 0;
      if (keywordSets[e].length > 0 && keywordSets[b].length > 0) {
        weight += AFFINITY_WEIGHTS.keywords;
        sum += AFFINITY_WEIGHTS.keywords * Math.min(1, keywords[k]);
      }
      if (vectors[e].terms.length > 0 && vectors[b].terms.length > 0) {
        weight += AFFINITY_WEIGHTS.text;
        sum += AFFINITY_WEIGHTS.text * Math.min(1, text[k]);
      }
      return weight === 0 ? 0 : Math.min(1, sum / weight);
    },
  };
}

/**
 * Unit-length TF-IDF vectors: tf = 1 + ln(count) (a word said ten times is not ten times the
 * topic), idf = 1 + ln((1 + N) / (1 + df)) over the N documents (smoothed, so a word in every
 * document still counts a little and no weight is infinite).
 */
function tfIdf(documents: string[][]): SparseVector[] {
  const documentFrequency = new Map<string, number>();
  const counts = documents.map((words) => {
    const count = new Map<string, number>();
    for (const word of words) count.set(word, (count.get(word) ?? 0) + 1);
    for (const word of count.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
    return count;
  });
  const n = documents.length;
  return counts.map((count) => {
    const terms = [...count.keys()].sort();
    const raw = terms.map(
      (t) => (1 + Math.log(count.get(t) ?? 1)) * (1 + Math.log((1 + n) / (1 + (documentFrequency.get(t) ?? 0)))),
    );
    const norm = Math.sqrt(raw.reduce((s, w) => s + w * w, 0));
    return { terms, weights: raw.map((w) => w / norm) };
  });
}

/** Dot products of every row vector with every column vector, as rows × columns (row-major). */
function dotProducts(rows: SparseVector[], columns: SparseVector[], columnCount: number): Float64Array {
  const postings = new Map<string, Array<[number, number]>>();
  columns.forEach((vector, c) =>
    vector.terms.forEach((term, k) => {
      const list = postings.get(term);
      if (list) list.push([c, vector.weights[k]]);
      else postings.set(term, [[c, vector.weights[k]]]);
    }),
  );
  const result = new Float64Array(rows.length * columnCount);
  rows.forEach((vector, r) => {
    const offset = r * columnCount;
    vector.terms.forEach((term, k) => {
      for (const [c, weight] of postings.get(term) ?? []) result[offset + c] += vector.weights[k] * weight;
    });
  });
  return result;
}

function indexById(profiles: ExpertiseProfile[]): Map<string, number> {
  const index = new Map<string, number>();
  profiles.forEach((p, i) => {
    if (index.has(p.id)) throw new RangeError(`Two profiles have the id ${p.id}.`);
    index.set(p.id, i);
  });
  return index;
}
