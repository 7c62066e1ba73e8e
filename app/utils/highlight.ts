// Parses `?highlight=3,4` into valid paragraph numbers, ignoring anything else.
export function parseHighlight(value: string | null, paragraphCount: number): number[] {
  if (!value) return [];
  const numbers = value
    .split(",")
    .map((part) => Number.parseInt(part, 10))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= paragraphCount);
  return [...new Set(numbers)].sort((a, b) => a - b);
}
