export { ContainerLogs, type LogLine, type ReadLogOptions } from './container-logs.js';
export { ACCEPTED_CHANNEL, Channel, ExecSessions, type ExecRequest, type Frame, SessionEnd } from './exec-sessions.js';
