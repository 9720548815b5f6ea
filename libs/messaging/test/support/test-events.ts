import { checkPayload, defineEvent, EventDefinition, FieldCheck } from '@helpdesk/contracts';

export interface ThingPayload {
  n: number;
  /** Makes the test consumer's handler throw, every time. */
  fail?: boolean;
}

const numberField =
  (field: string): FieldCheck =>
  (p) =>
    Number.isInteger(p[field]) ? null : `${field} must be an integer`;

/** A test event on a topic of the suite's own (so suites never share topics). */
export function thingChanged(topic: string): EventDefinition<'test.thing.changed', ThingPayload> {
  return defineEvent<ThingPayload>()({
    type: 'test.thing.changed',
    topic,
    version: 1,
    aggregateType: 'thing',
    describePayloadProblems: (p) => checkPayload(p, [numberField('n')]),
  });
}

/** The effect table the test consumers write through the inbox. */
export const CREATE_EFFECT_TABLE = `
  CREATE TABLE IF NOT EXISTS test_effect (
    id serial PRIMARY KEY,
    event_id uuid NOT NULL,
    aggregate_id text NOT NULL,
    sequence int NOT NULL,
    correlation_id text,
    causation_id text
  )`;
