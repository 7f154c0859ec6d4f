/** Short text forms of symptoms, as chips show them. */
import type { Symptoms } from '../schema/record.ts';

/** `5002/udp`, or `5002` without a protocol. */
export function portText(port: Symptoms['ports'][number]): string {
  return port.protocol ? `${port.port}/${port.protocol}` : String(port.port);
}

/** A value with its unit: `41.48%`, `1020 connections`. */
export function valueWithUnit(value: number | string, unit?: string): string {
  if (!unit) return String(value);
  return unit === '%' || unit === '‰' ? `${value}${unit}` : `${value} ${unit}`;
}

/** `> 1020 connections`, `41.48%`, `~ 300 ms`. */
export function figureText(figure: Symptoms['figures'][number]): string {
  return `${figure.op ? `${figure.op} ` : ''}${valueWithUnit(figure.value, figure.unit)}`;
}

/** True when a record has at least one symptom of any kind. */
export function hasSymptoms(symptoms: Symptoms | undefined): symptoms is Symptoms {
  return !!symptoms && Object.values(symptoms).some((list) => list.length > 0);
}

/** Key symptoms shown on a record page's first screen; the full list follows further down. */
export const MAX_KEY_SYMPTOMS = 6;

/** One key symptom: the verbatim value (`266`, `5002/udp`) and, where there is one, its words in the record's language. */
export interface KeySymptom {
  code?: string;
  text?: string;
}

/**
 * What a responder recognises first, most specific first: error codes and
 * messages, ports, then figures; at most {@link MAX_KEY_SYMPTOMS}.
 */
export function keySymptoms(symptoms: Symptoms | undefined, max = MAX_KEY_SYMPTOMS): KeySymptom[] {
  if (!symptoms) return [];
  const out: KeySymptom[] = [];
  for (const error of symptoms.errors) out.push({ ...(error.code !== undefined && { code: String(error.code) }), ...(error.message && { text: error.message }) });
  for (const port of symptoms.ports) out.push({ code: portText(port) });
  for (const figure of symptoms.figures) out.push({ code: figureText(figure), text: figure.label });
  return out.slice(0, max);
}
