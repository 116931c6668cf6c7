// Preloaded into every service the launcher starts: if the launcher dies without stopping it (kill -9, a crash),
// the service is sent SIGTERM rather than living on as an orphan that holds its port. The launcher names itself
// in KSIM_LAUNCHER_PID, so a launcher that died before this module even loaded is noticed too.
const launcherPid = Number(process.env.KSIM_LAUNCHER_PID);

if (launcherPid > 0) {
  const watch = setInterval(() => {
    if (process.ppid === launcherPid) return;
    clearInterval(watch);
    process.kill(process.pid, 'SIGTERM');
  }, 1_000);
  watch.unref();
}

export {};
