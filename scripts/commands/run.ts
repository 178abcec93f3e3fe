// `bareflow run` and `bareflow engine`: the bitcode engine on the host.
import { execa } from 'execa';
import { buildEngine } from '../../build/engine.ts';

export async function runCommand(args: string[]): Promise<void> {
  const { bfi } = await buildEngine();
  const r = await execa(bfi, args, { stdio: 'inherit', reject: false });
  process.exitCode = r.exitCode ?? 1;
}

export async function engineCommand(): Promise<void> {
  console.log(JSON.stringify(await buildEngine()));
}
