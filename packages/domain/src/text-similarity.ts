// Chinese text similarity for "similar open demands": character bigrams (the usual unit for
// Chinese, which has no spaces) compared with the Dice coefficient. Punctuation, spaces and case
// are ignored; single characters count as their own gram so very short texts still compare.

function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The multiset of character bigrams of a text. */
export function bigrams(text: string): Map<string, number> {
  const s = [...normalize(text)];
  const grams = new Map<string, number>();
  const add = (g: string) => grams.set(g, (grams.get(g) ?? 0) + 1);
  if (s.length === 1) add(s[0]);
  for (let i = 0; i + 1 < s.length; i++) add(s[i] + s[i + 1]);
  return grams;
}

/** Dice coefficient of two texts' bigram multisets, 0 (nothing shared) … 1 (same text). */
export function textSimilarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const n of gb.values()) total += n;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Similarity of a new demand to an existing one: titles weigh 70 %, descriptions 30 %. */
export function demandSimilarity(
  a: { title: string; description?: string | null },
  b: { title: string; description?: string | null },
): number {
  const title = textSimilarity(a.title, b.title);
  if (!a.description || !b.description) return title;
  const whole = textSimilarity(`${a.title}${a.description}`, `${b.title}${b.description}`);
  return 0.7 * title + 0.3 * whole;
}

/** Demands at least this similar are offered to second instead of raising a new one. */
export const SIMILAR_DEMAND_THRESHOLD = 0.3;
