// The rate of the guest TSC under TCG without -icount. QEMU's rdtsc then returns the
// host's TSC (cpu_get_host_ticks, offset to when the VM started), so the guest's cycles
// run at the host's TSC rate: Linux's 'cpu MHz' in /proc/cpuinfo, where the TSC is
// constant (on a host that scales its clock, that figure is the current clock: approximate).
import { readFileSync } from 'node:fs';

export function hostTscHz(): number | null {
  let cpuinfo: string;
  try {
    cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return null;
  }
  const mhz = cpuinfo.match(/^cpu MHz\s*:\s*([\d.]+)$/m);
  return mhz && /^flags\s*:.*\bconstant_tsc\b/m.test(cpuinfo) ? Math.round(Number(mhz[1]) * 1e6) : null;
}
