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
