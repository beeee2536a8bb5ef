// What a bench records about the machine it ran on, and the warning when it is busy.
const os = require('node:os');

function machineInfo() {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((x) => +x.toFixed(2)),
  };
}

/** Logs a warning when the 1-minute load average exceeds half the CPUs. */
function warnIfBusy(/** @type {(line: string) => void} */ log, /** @type {string} */ ratioName) {
  const load = os.loadavg()[0];
  if (load > os.cpus().length / 2) {
    log(
      `WARNING: the machine is busy (load average ${load.toFixed(2)} on ${os.cpus().length} CPUs): ` +
        `absolute figures will be pessimistic; the ${ratioName} ratio is less affected`,
    );
  }
}

module.exports = { machineInfo, warnIfBusy };
