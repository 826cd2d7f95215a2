// How each command a client sends becomes the engine's command, over HTTP and the socket alike: the body is checked
// with its contracts schema (derived from the engine's command table), path parameters with the id schema, and the
// server fills in what it chooses itself (an ad-hoc inject's id, an adjustment's id). The team a play mark is for is
// named in the path.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  adHocInjectRequestSchema,
  changeSpeedRequestSchema,
  decisionSubmitSchema,
  improvementEditSchema,
  injectEditRequestSchema,
  messageSendSchema,
  observationRecordSchema,
  scoreAdjustmentRequestSchema,
  teamPlayedRequestSchema,
} from '@ttx/contracts';
import { COMMAND_TABLE, type Command, type CommandType } from '@ttx/engine';

interface CommandRequest {
  /** The body a client sends. */
  body: z.ZodType;
  /** Path parameters (ids) the command takes besides its body. */
  params?: readonly string[];
  /** The command's fields from a checked body; the body itself unless the server adds to it. */
  fields?: (body: never) => object;
}

const none = COMMAND_TABLE['exercise.start'].schema;

export const COMMAND_REQUESTS = {
  'exercise.open-lobby': { body: none },
  'exercise.start': { body: none },
  'exercise.pause': { body: none },
  'exercise.resume': { body: none },
  'exercise.end': { body: none },
  'exercise.change-speed': { body: changeSpeedRequestSchema },
  'inject.fire': { body: none, params: ['injectId'] },
  'inject.hold': { body: none, params: ['injectId'] },
  'inject.release-held': { body: none, params: ['injectId'] },
  'inject.skip': { body: none, params: ['injectId'] },
  'inject.edit': { body: injectEditRequestSchema, params: ['injectId'] },
  'inject.ad-hoc': {
    body: adHocInjectRequestSchema,
    fields: ({ injectId, ...inject }: z.output<typeof adHocInjectRequestSchema>) => ({
      inject: { ...inject, injectId: injectId ?? `adhoc-${randomUUID().slice(0, 8)}` },
    }),
  },
  'score.adjust': {
    body: scoreAdjustmentRequestSchema,
    fields: (body: z.output<typeof scoreAdjustmentRequestSchema>) => ({ ...body, adjustmentId: body.adjustmentId ?? randomUUID() }),
  },
  'team.mark-played': { body: teamPlayedRequestSchema, params: ['teamId'] },
  'decision.submit': { body: decisionSubmitSchema },
  'message.send': { body: messageSendSchema },
  'observation.record': { body: observationRecordSchema },
  'improvement.edit': { body: improvementEditSchema },
} as const satisfies Partial<Record<CommandType, CommandRequest>>;

export type RequestedCommand = keyof typeof COMMAND_REQUESTS;

/** The command of a checked body and its path parameters. */
export function commandOf(type: RequestedCommand, body: unknown, params: Readonly<Record<string, string>>): Command {
  const request: CommandRequest = COMMAND_REQUESTS[type];
  const fields = request.fields ? request.fields(body as never) : (body as object);
  return { ...fields, ...params, type } as Command;
}
