import { createRandom, shuffleInPlace } from '@draftdesk/triage';

/** The seeded PRNG the training uses (mulberry32): the same --seed picks the same victims and pauses. */
export const mulberry32 = createRandom;

/**
 * Draws from a shuffled bag that is refilled when empty: every item comes up once before any comes up twice, so a
 * short run still kills each service instead of whichever the dice favour.
 */
export function shuffledBag<T>(items: readonly T[], random: () => number): () => T {
  let bag: T[] = [];
  return () => {
    if (bag.length === 0) bag = shuffleInPlace([...items], random);
    return bag.pop()!;
  };
}
