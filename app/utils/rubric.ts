// CER rubric levels: the form fields, their validation, and the distribution of levels per component.
import { z } from "zod";
import {
  RUBRIC_COMPONENTS,
  RUBRIC_LEVELS,
  type RubricComponent,
  type RubricLevel,
} from "~/content/schema";

export type Levels = Record<RubricComponent, RubricLevel | null>;
export const NO_LEVELS: Levels = { claim: null, evidence: null, reasoning: null };

/** Form field per component: `claimLevel`, `evidenceLevel`, `reasoningLevel`; empty = not rated. */
export const levelField = (c: RubricComponent) => `${c}Level` as const;

const level = z
  .union([z.literal(""), z.enum(RUBRIC_LEVELS)])
  .optional()
  .transform((v) => (v ? v : null));

export const levelsSchema = z
  .object({ claimLevel: level, evidenceLevel: level, reasoningLevel: level })
  .transform((v): Levels => ({
    claim: v.claimLevel,
    evidence: v.evidenceLevel,
    reasoning: v.reasoningLevel,
  }));

export type LevelCounts = Record<RubricComponent, Record<RubricLevel, number>> & { rated: number };

/** Counts each component's levels over the given responses; `rated` = responses with at least one level. */
export function levelDistribution(levels: Levels[]): LevelCounts {
  const empty = () =>
    Object.fromEntries(RUBRIC_LEVELS.map((l) => [l, 0])) as Record<RubricLevel, number>;
  const out = { claim: empty(), evidence: empty(), reasoning: empty(), rated: 0 } as LevelCounts;
  for (const l of levels) {
    let any = false;
    for (const c of RUBRIC_COMPONENTS) {
      const v = l[c];
      if (v) {
        out[c][v]++;
        any = true;
      }
    }
    if (any) out.rated++;
  }
  return out;
}
