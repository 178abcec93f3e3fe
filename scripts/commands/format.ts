// Small formatting helpers shared by the commands.
export const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;
