// Size limits shared by the server (which enforces them) and the client (whose forms take their limits from here).
import { COMMAND_LIMITS } from '@ttx/engine';
import { SOURCE_LIMITS } from '@ttx/scenario';

export const LIMITS = {
  /** Largest JSON body accepted by the HTTP API, in bytes (scenario uploads have their own). */
  httpBodyBytes: 64 * 1024,
  /** Largest scenario or rule-set file accepted by POST /api/scenarios/validate, in bytes. */
  scenarioUploadBytes: 1024 * 1024,
  /** What each validated file may hold (bytes, YAML nodes, nesting depth, aliases, alias copies); a file over one is
   * refused with SCENARIO_TOO_LARGE naming the file and the limit. See docs/scenario-format.md#limits. */
  scenarioFile: SOURCE_LIMITS,
  /** Problems one validation answer lists (the first, in file and position order); `omittedProblems` counts the rest. */
  validationProblems: 200,
  /** Validations waiting for the validation worker (one runs at a time); more are refused with VALIDATION_BUSY. */
  validationQueue: 4,
  /** Milliseconds a validation may take, waiting included; then its worker is stopped and it fails with
   * VALIDATION_TIMED_OUT. */
  validationMs: 10_000,
  /** Largest socket message, in bytes; larger ones are refused with PAYLOAD_TOO_LARGE. */
  socketMessageBytes: 16 * 1024,
  /** Socket messages allowed per socket in one second, and the burst above it; more are refused with RATE_LIMITED. */
  socketMessagesPerSecond: 20,
  socketBurst: 40,
  /** Sockets one token may hold open at once; one more is refused with TOO_MANY_SOCKETS (TTX_SOCKETS_PER_TOKEN). */
  socketsPerToken: 8,
  /** Socket messages allowed per token over all its sockets in one second, and the burst above it; more are refused with
   * RATE_LIMITED (TTX_TOKEN_MESSAGES_PER_SECOND; the burst is twice the rate). */
  tokenMessagesPerSecond: 20,
  tokenBurst: 40,
  /** Decisions and chat messages one team's tokens together may send in a minute, and the burst above it; more are
   * refused with RATE_LIMITED (TTX_TEAM_WRITES_PER_MINUTE; the burst is half the rate). */
  teamWritesPerMinute: 120,
  teamWriteBurst: 60,
  /** Decisions and chat messages one team may add to one exercise's log; more are refused with TEAM_LOG_FULL
   * (TTX_TEAM_LOG_LIMIT). */
  teamLogEntries: 5000,
  /** Participants one team may have joined; a join under a new name past it is refused with TEAM_FULL
   * (TTX_TEAM_PARTICIPANTS). */
  participantsPerTeam: 200,
  /** What each command's fields may hold, as the engine checks them (libs/engine/src/command-fields.ts). */
  ...COMMAND_LIMITS,
  usernameLength: 64,
  passwordLength: 256,
  codeLength: 64,
  /** Events one `GET /events` page or `sync` answer holds by default, at most, and the bytes after which it stops
   * (small pages let other requests in between: 20 readers of a 24 MB log held /health for 2.8 s in one answer). */
  eventsPageDefault: 1000,
  eventsPageMax: 10000,
  eventsPageBytes: 256 * 1024,
} as const;
