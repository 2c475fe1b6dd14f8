export function satisfies(range: string, version: string): boolean;
export function nodeVersionProblem(range: string, version: string): string | null;
