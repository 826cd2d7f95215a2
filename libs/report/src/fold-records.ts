// The records the report's fold keeps beside the model's entries: observations, score adjustments, actor labels.
import type { Actor } from '@ttx/engine';
import type { Dimension, HseepRating } from '@ttx/scenario';

export interface ObservationRecord {
  seq: number;
  exerciseTime: number;
  observationId: string;
  rating: HseepRating;
  note: string;
  by?: string;
}

export interface AdjustmentRecord {
  seq: number;
  exerciseTime: number;
  adjustmentId: string;
  dimension: Dimension;
  delta: number;
  reason: string;
  by?: string;
}

/** `role:id` labels, one string per actor however many events it caused. */
export class ActorLabels {
  private readonly byRole = new Map<string, Map<string, string>>();

  of(actor: Actor | undefined): string | undefined {
    if (!actor) return undefined;
    if (actor.id === undefined) return actor.role;
    let ids = this.byRole.get(actor.role);
    if (!ids) this.byRole.set(actor.role, (ids = new Map()));
    let label = ids.get(actor.id);
    if (label === undefined) ids.set(actor.id, (label = `${actor.role}:${actor.id}`));
    return label;
  }
}
