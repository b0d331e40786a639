export { main, type MainIo } from './main';
export { ExitCode, exitCodeOf, UsageError } from './exit-codes';
export { followJob, endLine, type FollowOptions } from './follow';
export { downloadResults } from './download';
