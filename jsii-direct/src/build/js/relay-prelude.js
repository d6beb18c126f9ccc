// blueprints-jsii-direct: jsii's relay (bin/jsii-runtime.js of the jsii-runtime jar, minified below as jsii ships
// it) with one change, the channel between the JVM and the kernel.
//
// jsii's relay starts the kernel (lib/program.js) with a socket as the kernel's fd 3 and copies every request from
// the JVM into that socket and every response back out: each call crosses four pipes and wakes three processes.
// Here the relay hands the kernel its own fd 0 and fd 1 (the JVM's request and response pipes) as fd 3 and fd 4,
// and the kernel reads fd 3 and writes fd 4 itself. The relay still starts the kernel, forwards signals and wraps
// the kernel's console output for the JVM, as before.
//
// The kernel is the lib/program.js the jsii runtime in use extracted, loaded with one edit: its channel
// `readFD:3,writeFD:3` becomes `readFD:3,writeFD:4` (same length, so its source map still holds). That happens only
// when program.js is byte for byte the one this relay was built against (KERNEL_SHA256) and the environment
// variable BLUEPRINTS_JSII_DIRECT is not false; otherwise the kernel starts exactly as jsii starts it.
const __blueprintsDirect = (() => {
  const KERNEL_SHA256 = "@KERNEL_SHA256@";
  const CHANNEL = "readFD:3,writeFD:3";
  const DIRECT_CHANNEL = "readFD:3,writeFD:4";
  const fs = require("fs");
  const path = require("path");
  const program = path.resolve(__dirname, "..", "lib", "program.js");
  const switchedOff = /^(false|0|no|off)$/i.test(String(process.env.BLUEPRINTS_JSII_DIRECT || "").trim());
  let reason = null;
  if (switchedOff) reason = "BLUEPRINTS_JSII_DIRECT=" + process.env.BLUEPRINTS_JSII_DIRECT;
  else if (process.platform === "win32") reason = "Windows";
  else {
    try {
      const sha = require("crypto").createHash("sha256").update(fs.readFileSync(program)).digest("hex");
      if (sha !== KERNEL_SHA256) reason = program + " is not the kernel this relay was built for (SHA-256 " + sha + ")";
    } catch (e) {
      reason = "cannot read " + program + ": " + e.message;
    }
  }
  if (process.env.JSII_DEBUG) {
    console.error("[blueprints-jsii-direct] " + (reason == null ? "kernel on the JVM's pipes (fd 3 and 4)" : "kernel through the relay: " + reason));
  }
  if (reason != null) return { on: false, kernel: (file) => [file], channel: ["pipe"] };
  // Run in the kernel process: program.js compiled as Node.js compiles a CommonJS module, with its channel edited.
  // The -e and its code are removed from process.execArgv first, which the kernel passes on to the scripts it starts.
  const boot = [
    'const fs = require("fs"), path = require("path"), vm = require("vm"), { createRequire } = require("module");',
    'process.execArgv.splice(process.execArgv.indexOf("-e"), 2);',
    "const file = process.argv[1];",
    "const source = fs.readFileSync(file, \"utf8\").replace(" + JSON.stringify(CHANNEL) + ", " + JSON.stringify(DIRECT_CHANNEL) + ");",
    "const kernel = { exports: {} };",
    'vm.compileFunction(source, ["exports", "require", "module", "__filename", "__dirname"], { filename: file })',
    "  .call(kernel.exports, kernel.exports, createRequire(file), kernel, file, path.dirname(file));",
  ].join("\n");
  return { on: true, kernel: (file) => ["-e", boot, file], channel: [0, 1] };
})();
