/** A record's own value: ids such as `constructor` must not find Object.prototype members. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Whether the rules judge the team now: every team but one a controller has marked not played. */
export function isJudged(state: { unplayed: Record<string, string> }, teamId: string): boolean {
  return own(state.unplayed, teamId) === undefined;
}
