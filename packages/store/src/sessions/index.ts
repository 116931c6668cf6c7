export { ContainerLogs, type LogLine, type ReadLogOptions } from './container-logs.js';
export {
  ACCEPTED_CHANNEL,
  Channel,
  type ExecRequest,
  ExecSessions,
  type Frame,
  SessionEnd,
} from './exec-sessions.js';
