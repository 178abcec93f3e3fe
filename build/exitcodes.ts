// Guest exit codes: the same numbers as enum bf_exit in kernel_lib/bf.h.
export const exitCodes = {
  ok: 0,
  error: 1,
  badOption: 2,
  badModel: 3,
  badTokenizer: 4,
  disk: 5,
  noMemory: 6,
  trap: 7,
  badPrompt: 8,
  badBitcode: 9,
  unresolved: 10,
  corruptImage: 12,
  cacheStop: 13,
} as const;

export const exitCodeName = (code: number): string =>
  Object.entries(exitCodes).find(([, v]) => v === code)?.[0] ?? `code ${code}`;
