// Verifies LLVM modules with llvm-bindings, in a child process of its own:
// llvm-bindings dereferences a null module when parsing fails, so a corrupt
// file would take the whole build down with it. Prints one JSON line per file.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const llvm = createRequire(import.meta.url)('llvm-bindings');
const context = new llvm.LLVMContext();
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(JSON.stringify({ file, ok: false, error: 'no such file' }));
    continue;
  }
  // Announce the file first: if parsing crashes, the parent knows which one.
  console.log(JSON.stringify({ file, parsing: true }));
  const module = llvm.parseIRFile(file, new llvm.SMDiagnostic(), context);
  const broken = llvm.verifyModule(module);
  console.log(JSON.stringify({ file, ok: !broken, triple: module.getTargetTriple(), error: broken ? 'LLVM verifier rejected the module' : undefined }));
}
