import { Counter, CounterConfiguration, Gauge, GaugeConfiguration, Registry } from 'prom-client';

/** A counter registered once per registry (two relays or servers in one process share it). */
export function counterIn<L extends string>(registry: Registry, config: Omit<CounterConfiguration<L>, 'registers'>): Counter<L> {
  const existing = registry.getSingleMetric(config.name);
  if (existing) return existing as Counter<L>;
  return new Counter<L>({ ...config, registers: [registry] });
}

export function gaugeIn<L extends string>(registry: Registry, config: Omit<GaugeConfiguration<L>, 'registers'>): Gauge<L> {
  const existing = registry.getSingleMetric(config.name);
  if (existing) return existing as Gauge<L>;
  return new Gauge<L>({ ...config, registers: [registry] });
}
