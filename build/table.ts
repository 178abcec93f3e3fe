// Plain tables for terminal output: no colours, so logs and CI read the same.
import Table from 'cli-table3';

export function table(head: string[]): InstanceType<typeof Table> {
  return new Table({ head, style: { head: [], border: [] } });
}
