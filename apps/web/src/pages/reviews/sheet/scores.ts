export type Scores = Record<string, number | null>;

export function cleanScores(scores: Scores): Record<string, number> {
  return Object.fromEntries(
    Object.entries(scores).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

export function cleanComments(comments: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(comments).filter(([, text]) => text.trim() !== ''));
}
