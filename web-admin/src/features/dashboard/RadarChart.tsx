// The eight-dimension radar (八度空间): a center's evaluation scores against its street's average.
import type { Dimension } from '@lc/domain';
import { RadarChart as EChartsRadar } from 'echarts/charts';
import { LegendComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useMemo } from 'react';
import { radarChartOption, type DimensionFigure } from './dashboardModel';

echarts.use([EChartsRadar, RadarComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function RadarChart({
  dimensions,
  labels,
}: {
  dimensions: readonly DimensionFigure[];
  labels: { center: string; street: string; dimension: (d: Dimension) => string };
}) {
  const option = useMemo(() => radarChartOption(dimensions, labels), [dimensions, labels]);
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height: 340 }} notMerge lazyUpdate />;
}
