import type * as EChartsCore from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export type ChartOption = EChartsCore.EChartsCoreOption;

type ECharts = typeof EChartsCore;
let loaded: ECharts | null = null;
let loading: Promise<ECharts> | null = null;
/** ECharts (~200 kB gzip) is fetched the first time a chart mounts, never with the page's own code. */
function loadECharts(): Promise<ECharts> {
  loading ??= import('./echarts-setup.js').then((m) => {
    loaded = m.echarts;
    return m.echarts;
  });
  return loading;
}

/** An ECharts chart that follows its container's size. Its space is reserved while ECharts loads. */
export function Chart(props: { option: ChartOption; height?: number; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsCore.ECharts | null>(null);
  const [lib, setLib] = useState<ECharts | null>(loaded);
  useEffect(() => {
    if (lib) return;
    let live = true;
    void loadECharts().then((m) => {
      if (live) setLib(m);
    });
    return () => {
      live = false;
    };
  }, [lib]);
  useEffect(() => {
    if (!lib || !ref.current) return;
    const instance = lib.init(ref.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [lib]);
  useEffect(() => {
    if (lib) chart.current?.setOption(props.option, { notMerge: true });
  }, [props.option, lib]);
  return <div ref={ref} data-testid={props.testId} style={{ width: '100%', height: props.height ?? 300 }} />;
}

/** The loaded library's instance lookup (undefined before any chart has loaded it). */
export const echarts = {
  getInstanceByDom: (el: HTMLElement): EChartsCore.ECharts | undefined => loaded?.getInstanceByDom(el),
};
